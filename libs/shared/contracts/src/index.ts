export * from './lib/services';
export * from './lib/errors';
export * from './lib/events';
export * from './lib/rpc';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/privacy';
