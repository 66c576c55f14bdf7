export * from './lib/analytics.rpc';
