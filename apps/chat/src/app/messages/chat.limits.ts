import type { RateLimitRule } from '@confer/shared/server/platform';
import type { ChatConfig } from '../chat.env';

/** Injection token of the ChatRateLimits. */
export const CHAT_RATE_LIMITS = 'CHAT_RATE_LIMITS';

export interface ChatRateLimits {
  /** Socket handshakes, per client address. */
  handshakes: RateLimitRule;
  /** Sends, edits and deletions. */
  messages: RateLimitRule;
  /** Reactions on messages and floating reactions. */
  reactions: RateLimitRule;
  search: RateLimitRule;
  /** Pages of catch-up and history, over the socket or HTTP. */
  reads: RateLimitRule;
  /** Whole-chat exports, over the socket or HTTP. */
  exports: RateLimitRule;
  /** Upload URLs (files to share). */
  files: RateLimitRule;
}

export function chatRateLimits(config: ChatConfig): ChatRateLimits {
  return {
    handshakes: { name: 'chat:handshakes', limit: config.CHAT_HANDSHAKE_RATE_LIMIT, windowSeconds: config.CHAT_HANDSHAKE_RATE_WINDOW_SECONDS },
    messages: { name: 'chat:messages', limit: config.CHAT_MESSAGE_RATE_LIMIT, windowSeconds: config.CHAT_MESSAGE_RATE_WINDOW_SECONDS },
    reactions: { name: 'chat:reactions', limit: config.CHAT_REACTION_RATE_LIMIT, windowSeconds: config.CHAT_REACTION_RATE_WINDOW_SECONDS },
    search: { name: 'chat:search', limit: 30, windowSeconds: 60 },
    reads: { name: 'chat:reads', limit: config.CHAT_READ_RATE_LIMIT, windowSeconds: config.CHAT_READ_RATE_WINDOW_SECONDS },
    exports: { name: 'chat:exports', limit: 10, windowSeconds: 60 },
    files: { name: 'chat:files', limit: config.CHAT_FILE_RATE_LIMIT, windowSeconds: config.CHAT_FILE_RATE_WINDOW_SECONDS },
  };
}

/** Counted per person: a signed-in person across meetings and devices, a guest per meeting identity. */
export function limitSubject(person: { userId: string | null; identity: string }): string {
  return person.userId ?? person.identity;
}
