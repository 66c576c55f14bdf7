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
  /** The file this message shares; absent on messages without one, and once the message is deleted. */
  file?: ChatFile;
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

/**
 * A file shared in a chat (see CHAT_FILES). Its bytes are fetched through a short-lived download URL
 * (GET /api/chat/meetings/:code/files/:fileId, or `chat:download`), never inline.
 */
export interface ChatFile {
  id: string;
  /** As the sender named it (shown as text, and the download's file name). */
  name: string;
  /** Bytes. */
  size: number;
  /** The type its content was checked to be: one of CHAT_FILES.types. */
  contentType: string;
}

/**
 * What may be shared. A file's type is decided by its name's extension and must match its content
 * (magic bytes; text must be UTF-8 without NUL), or the upload is refused with FILE_TYPE_NOT_ALLOWED.
 */
export const CHAT_FILES = {
  /** 25 MB (MiB). */
  maxBytes: 25 * 1024 * 1024,
  /** Characters (code points) of a file name. */
  nameMaxLength: 255,
  /** How long an upload URL may be started, and a download URL used. */
  uploadUrlTtlSeconds: 300,
  downloadUrlTtlSeconds: 120,
  /** Content type -> the extensions that claim it (lower case, without the dot). */
  types: {
    'image/png': ['png'],
    'image/jpeg': ['jpg', 'jpeg'],
    'image/gif': ['gif'],
    'image/webp': ['webp'],
    'application/pdf': ['pdf'],
    'text/plain': ['txt', 'log', 'md'],
    'text/csv': ['csv'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
    'application/vnd.oasis.opendocument.text': ['odt'],
    'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
    'application/vnd.oasis.opendocument.presentation': ['odp'],
  } as Readonly<Record<string, readonly string[]>>,
} as const;

/**
 * Sharing a file takes three steps, each by a live participant who may write (chat on, or a host):
 *
 * 1. POST /api/chat/meetings/:code/files with ChatUploadRequest (or `chat:upload` over the socket,
 *    guests too) answers 201 ChatUpload: FILE_TOO_LARGE (413) or FILE_TYPE_NOT_ALLOWED (415) for a
 *    size or name that cannot be shared; CHAT_NOT_FOUND (404) for anyone not in the meeting.
 * 2. PUT the raw bytes to `uploadUrl` (no Authorization needed: the URL is the permission; start it
 *    within CHAT_FILES.uploadUrlTtlSeconds; use it once) with Content-Length equal to the declared
 *    size. Answers 200 ChatFile once stored; FILE_SIZE_MISMATCH (400), FILE_TYPE_NOT_ALLOWED (415,
 *    judged by the content) or UPLOAD_NOT_FOUND (404: unknown, used or expired URL). Nothing refused
 *    is kept. Progress: XMLHttpRequest's upload events.
 * 3. `chat:send { clientId, fileId, body?, to? }`: the message shares the file (to everyone, or
 *    privately: then only the two of them can download it). FILE_NOT_FOUND for a file that is not
 *    this sender's, not stored, or already shared. An upload never shared is removed within hours.
 */
export interface ChatUploadRequest {
  name: string;
  /** Bytes, 1 to CHAT_FILES.maxBytes. */
  size: number;
}

export interface ChatUpload {
  fileId: string;
  /** A path on the one origin (`/api/chat/uploads/<token>`) to PUT the bytes to. */
  uploadUrl: string;
  /** ISO time after which the upload can no longer start. */
  expiresAt: string;
  /** The content type the content must turn out to be (decided by the name's extension). */
  contentType: string;
}

/**
 * GET /api/chat/meetings/:code/files/:fileId (or `chat:download { fileId }`): for a participant who
 * may see the message sharing it (private files: its sender and recipient only; deleted: nobody).
 * Anyone else gets 404 (CHAT_NOT_FOUND outside the meeting, FILE_NOT_FOUND inside it). `url` is a
 * path on the one origin, valid for CHAT_FILES.downloadUrlTtlSeconds without Authorization: open it
 * (navigate, or a link) and the file comes with `Content-Disposition: attachment`, its checked type
 * and `X-Content-Type-Options: nosniff`.
 */
export interface ChatDownload {
  url: string;
  expiresAt: string;
}

/**
 * GET /api/chat/meetings/:code/export?format=txt|json: a participant's copy of a meeting's chat as a
 * file (`Content-Disposition: attachment`), oldest first: what they may see (private messages only
 * their own), deleted messages left out, files listed by name. `json` is a ChatExport; `txt` one
 * line per message (continuation lines indented).
 */
/** The forms of a meeting's chat as a file: plain text, or ChatExport as JSON. */
export const CHAT_EXPORT_FORMATS = ['txt', 'json'] as const;
export type ChatExportFormat = (typeof CHAT_EXPORT_FORMATS)[number];

export interface ChatExport {
  format: 'confer-chat-export';
  version: 1;
  meeting: { id: string; code: string };
  exportedAt: string;
  exportedBy: ChatPerson;
  messages: ChatExportMessage[];
}

export interface ChatExportMessage {
  id: string;
  seq: number;
  from: ChatPerson;
  to: ChatPerson | null;
  body: string;
  file: { name: string; size: number; contentType: string } | null;
  createdAt: string;
  editedAt: string | null;
  reactions: Array<{ emoji: string; count: number }>;
}
