export * from './lib/meetings-contracts';
