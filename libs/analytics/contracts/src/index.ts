export * from './lib/analytics-contracts';
