/** Injection token of the chat service's typed configuration. */
export const CHAT_CONFIG = 'CHAT_CONFIG';
