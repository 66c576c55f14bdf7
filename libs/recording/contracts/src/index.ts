export * from './lib/recording-contracts';
