export * from './lib/meetings.rpc';
export * from './lib/meetings.errors';
export * from './lib/meetings.api';
export * from './lib/joining.api';
export * from './lib/meetings.events';
export * from './lib/scheduling.api';
export * from './lib/history.api';
