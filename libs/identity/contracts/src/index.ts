export * from './lib/identity-contracts';
