export * from './lib/identity.rpc';
