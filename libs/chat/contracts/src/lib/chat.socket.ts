import type { ChatDownload, ChatExportFormat, ChatMessage, ChatPerson, ChatRole, ChatUpload, ChatUploadRequest } from './chat.api';

/**
 * The chat socket: socket.io 4 over WebSocket only (no long-polling, so no sticky sessions), on the
 * one origin under this path. One connection is one person in one meeting's chat.
 *
 *   io(origin, { path: CHAT_SOCKET_PATH, transports: ['websocket'], auth: (cb) => cb({ code, token }) })
 *
 * The handshake is refused (`connect_error`, with `data: { code, message }`) for a foreign Origin, a
 * bad token or ticket, or someone meetings does not know as a participant of a live chat. Once in,
 * the server sends `chat:ready`; the client then asks `chat:sync` for what it missed.
 */
export const CHAT_SOCKET_PATH = '/api/chat/socket.io';

/** The handshake's `auth`: the meeting code and exactly one of an access token (signed in) or a ticket (guest). */
export interface ChatHandshakeAuth {
  code: string;
  /** A signed-in person's access token; replace it before it expires with `chat:token`. */
  token?: string;
  /** A guest's ticket, from their join answer. */
  ticket?: string;
}

/** What clients emit. Every payload is an object; unknown fields are refused. Each takes an ack. */
export const ChatClientEvent = {
  /** SendMessageRequest → SendAck */
  send: 'chat:send',
  /** EditMessageRequest → MessageAck */
  edit: 'chat:edit',
  /** DeleteMessageRequest → MessageAck */
  delete: 'chat:delete',
  /** ReactRequest → ReactAck (toggles the caller's reaction) */
  react: 'chat:react',
  /** FloatRequest → EmptyAck: an ephemeral emoji floating over the video, not stored. */
  float: 'chat:float',
  /** SyncRequest → MessagesAck: every message changed after a version, oldest change first. */
  sync: 'chat:sync',
  /** HistoryRequest → MessagesAck: older messages, by position. */
  history: 'chat:history',
  /** TokenRequest → TokenAck: a fresh access token before the current one expires. */
  token: 'chat:token',
  /** UploadRequest → UploadAck: an upload URL for a file to share (as POST /api/chat/meetings/:code/files; guests too). */
  upload: 'chat:upload',
  /** DownloadRequest → DownloadAck: a short-lived download URL (as GET /api/chat/meetings/:code/files/:fileId; guests too). */
  download: 'chat:download',
  /** ExportRequest → ExportAck: the meeting's chat as a file to keep (as GET /api/chat/meetings/:code/export; guests too). */
  export: 'chat:export',
} as const;
export type ChatClientEvent = (typeof ChatClientEvent)[keyof typeof ChatClientEvent];

/** What the server emits. */
export const ChatServerEvent = {
  /** ChatReady, once connected. */
  ready: 'chat:ready',
  /** ChatMessage: a new message, or a new snapshot of one (edited, deleted, reactions). */
  message: 'chat:message',
  /** ChatFloat */
  float: 'chat:float',
  /** ChatErrorEvent: a client event failed (its ack, when given, carries the same error). */
  error: 'chat:error',
  /** ChatErrorEvent: why the server is about to disconnect (revoked, expired, removed, ended). */
  closed: 'chat:closed',
} as const;
export type ChatServerEvent = (typeof ChatServerEvent)[keyof typeof ChatServerEvent];

export interface SendMessageRequest {
  /** A UUID the client makes per message; sending it again returns the stored message. */
  clientId: string;
  /** The text; may be left out (or empty) when the message shares a file. */
  body?: string;
  /** A file this sender uploaded (ChatUpload.fileId, stored, not shared yet): the message shares it. */
  fileId?: string;
  /** A participant identity: private to them. Absent: to everyone. */
  to?: string;
}

export interface EditMessageRequest {
  id: string;
  body: string;
}

export interface DeleteMessageRequest {
  id: string;
}

export interface ReactRequest {
  messageId: string;
  emoji: string;
}

export interface FloatRequest {
  emoji: string;
}

export interface SyncRequest {
  /** The highest `version` the client saw; 0 for everything. */
  after: number;
  limit?: number;
}

export interface HistoryRequest {
  /** The lowest `seq` the client holds; absent for the latest page. */
  before?: number;
  limit?: number;
}

export interface TokenRequest {
  token: string;
}

export type UploadRequest = ChatUploadRequest;

export interface DownloadRequest {
  fileId: string;
}

export interface ExportRequest {
  format: ChatExportFormat;
}

/** A file for the browser to save: its name, type and whole text. */
export interface ChatExportFile {
  name: string;
  contentType: string;
  content: string;
}

export interface ChatReady {
  meeting: { id: string; code: string; allowChat: boolean };
  me: ChatPerson & { role: ChatRole; guest: boolean };
  /** The meeting's change counter now: a client with nothing yet can sync from 0. */
  latestVersion: number;
}

export interface ChatFloat {
  emoji: string;
  from: ChatPerson;
  at: string;
}

export interface ChatErrorEvent {
  code: string;
  message: string;
  /** The client event that failed. */
  event?: ChatClientEvent;
  /** The clientId of a failed `chat:send`. */
  clientId?: string;
  /** RATE_LIMITED, SERVICE_UNAVAILABLE: whole seconds until it is worth trying again. */
  retryAfterSeconds?: number;
  /** VALIDATION_FAILED: the problems, field by field. */
  details?: unknown;
}

export type ChatAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ChatErrorEvent };
/** `duplicate`: this clientId was sent before; the stored message is returned and nothing is broadcast again. */
export type SendAck = ChatAck<{ message: ChatMessage; duplicate: boolean }>;
export type MessageAck = ChatAck<{ message: ChatMessage }>;
export type ReactAck = ChatAck<{ message: ChatMessage; added: boolean }>;
/** `more`: there are more after (sync) or before (history) these; ask again. */
export type MessagesAck = ChatAck<{ messages: ChatMessage[]; more: boolean }>;
export type TokenAck = ChatAck<{ expiresAt: number }>;
export type UploadAck = ChatAck<{ upload: ChatUpload }>;
export type DownloadAck = ChatAck<{ download: ChatDownload }>;
export type ExportAck = ChatAck<{ file: ChatExportFile }>;
export type EmptyAck = ChatAck;
