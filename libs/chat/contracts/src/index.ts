export * from './lib/chat-contracts';
