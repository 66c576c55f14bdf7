export * from './lib/chat.rpc';
export * from './lib/chat.api';
export * from './lib/chat.errors';
export * from './lib/chat.events';
export * from './lib/chat.socket';
