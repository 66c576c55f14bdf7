/**
 * Public shapes of chat: a message as every client sees it (over the socket and the history API),
 * and the history and search pages under /api/chat. Message bodies are plain text, never HTML.
 */

/** A participant of a meeting, by their LiveKit identity (user id, or `guest-<uuid>`). */
export interface ChatPerson {
  identity: string;
  displayName: string;
}

export type ChatRole = 'host' | 'co-host' | 'participant';

export interface ChatReaction {
  /** One emoji (a grapheme such as 👍, ❤️ or 👍🏽). */
  emoji: string;
  count: number;
  /** Who reacted, first reaction first. */
  by: ChatPerson[];
}

/**
 * One message, as its latest snapshot. Every change (edit, deletion, reaction) sends the whole
 * snapshot again under the same id with a higher `version`: a client keeps the one with the highest.
 */
export interface ChatMessage {
  /** Server id. */
  id: string;
  /** The id the sending client gave it (idempotency: sending it again returns this message). */
  clientId: string;
  meetingId: string;
  /** Position in the meeting's chat: assigned once, increasing, for ordering. */
  seq: number;
  /**
   * The meeting's change counter when this message last changed (created, edited, deleted, reacted
   * to). Increasing across the meeting; a reconnecting client asks for everything after the highest
   * version it saw (`chat:sync`).
   */
  version: number;
  from: ChatPerson & { guest: boolean };
  /** Null: to everyone. Otherwise private between `from` and `to`; nobody else ever receives it. */
  to: ChatPerson | null;
  /** Plain text exactly as sent; empty once deleted. Render it as text (links made clickable safely). */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  reactions: ChatReaction[];
}

export const CHAT_LIMITS = {
  /** Characters (Unicode code points) of a message body. */
  messageMaxLength: 4000,
  /** Different emojis on one message. */
  reactionsPerMessageMax: 20,
  /** UTF-16 length of one emoji sequence (flags, families and skin tones included). */
  emojiMaxLength: 32,
  /** Messages per history page or catch-up batch. */
  pageDefault: 50,
  pageMax: 200,
  searchQueryMaxLength: 200,
} as const;

/**
 * GET /api/chat/meetings/:code/messages?before=<cursor>&limit=<n>: a meeting's messages the caller may
 * see, oldest first within the page; pages go back in time. For its participants (signed-in), during
 * and after the meeting; anyone else gets 404 CHAT_NOT_FOUND, as for an unknown code.
 */
export interface ChatHistoryPage {
  messages: ChatMessage[];
  /** Pass as `before` for the page of older messages; null when there are none. */
  nextCursor: string | null;
}

export interface ChatSearchHit {
  meetingCode: string;
  message: ChatMessage;
}

/**
 * GET /api/chat/search?q=<words>&cursor=<cursor>&limit=<n>: Postgres full-text search (web-search
 * syntax: words, "a phrase", -excluded, or) over the chats of every meeting the caller took part in,
 * newest first, private messages only when the caller sent or received them, deleted ones never.
 */
export interface ChatSearchPage {
  results: ChatSearchHit[];
  nextCursor: string | null;
}
