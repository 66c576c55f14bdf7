export * from './lib/chat.rpc';
