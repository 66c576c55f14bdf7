export * from './lib/meetings.rpc';
export * from './lib/meetings.errors';
