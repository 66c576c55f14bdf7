export * from './lib/connection/chat-connection';
export * from './lib/connection/chat-types';
export * from './lib/connection/chat-socket';
export * from './lib/panel/chat-panel';
export * from './lib/floats/floating-reactions';
export * from './lib/floats/reactions-button';
