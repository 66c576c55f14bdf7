export * from './lib/meetings.rpc';
export * from './lib/meetings.errors';
export * from './lib/meetings.api';
