import type { ChatPerson } from '@confer/chat/contracts';

/**
 * `connecting`: the first handshake; `reconnecting`: the connection dropped and socket.io is trying
 * again (what is sent meanwhile waits); `closed`: for good (ended, removed, refused), see `closedReason`.
 */
export type ChatState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** A message of mine the server has not acknowledged yet; `failed` says why it was refused. */
export interface PendingMessage {
  readonly clientId: string;
  readonly body: string;
  readonly to: ChatPerson | null;
  readonly failed: string | null;
  /** A file it shares: uploading (`progress` from 0 to 1) until `fileId` is set. */
  readonly file?: { readonly name: string; readonly size: number; readonly progress: number };
  readonly fileId?: string;
}

/** How to join a meeting's chat: the meeting code and the ticket of the join (used by guests). */
export interface ChatCredentials {
  readonly code: string;
  readonly ticket: string;
}
