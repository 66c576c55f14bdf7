export * from './lib/recording.rpc';
