import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import {
  CHAT_LIMITS,
  ChatClientEvent,
  ChatErrorCode,
  ChatServerEvent,
  type ChatErrorEvent,
  type ChatFloat,
  type ChatHandshakeAuth,
  type ChatMessage,
  type ChatPerson,
  type ChatReady,
  type ChatDownload,
  type ChatExportFile,
  type ChatUpload,
} from '@confer/chat/contracts';
import { AuthSession } from '@confer/web/auth';
import { saveFile, ToastService } from '@confer/web/core';
import { CHAT_FILE_UPLOADER } from '../files/file-uploader';
import { saveFrom } from '../files/save-from';
import { FloatQueue } from '../floats/float-queue';
import { highestVersion, mergeMessages } from '../messages/message-list';
import { closedSentence, errorSentence } from './chat-sentences';
import { newClientId } from './client-id';
import { CHAT_SOCKET_FACTORY, type ChatListener, type ChatSocket } from './chat-socket';
import type { ChatCredentials, ChatState, PendingMessage } from './chat-types';
import { PendingAcks, type Answer } from './pending-acks';

/** A fresh token refused as expired this many times in a row closes the chat (a clock far off, say). */
const MAX_EXPIRED_RETRIES = 2;
/** Handshakes refused as too many or busy that are tried again, each after the wait the chat gives (at most a minute). */
const MAX_BUSY_RETRIES = 10;
const MAX_BUSY_WAIT_SECONDS = 60;
/** Refusals that say "not now" rather than "no". */
const RETRYABLE = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);
/** How long to wait before asking identity for a fresh token again when it could not be reached. */
const TOKEN_RETRY_MS = 10_000;

/**
 * The chat of one meeting, for the components of one meeting page (provided there, not in root): the
 * socket, and signals for the messages, my unacknowledged messages, the unread count and the
 * connection. Sends are idempotent by client id, so whatever was not acknowledged is sent again with
 * the same id after a reconnection; a reconnection asks for every change since the highest version
 * seen. Every listener it adds is removed when it disconnects.
 */
@Injectable()
export class ChatConnection {
  private readonly auth = inject(AuthSession);
  private readonly createSocket = inject(CHAT_SOCKET_FACTORY);
  private readonly toasts = inject(ToastService);
  private readonly uploader = inject(CHAT_FILE_UPLOADER);
  private readonly document = inject(DOCUMENT);

  private socket?: ChatSocket;
  private credentials?: ChatCredentials;
  private readonly unlisten: (() => void)[] = [];
  /** Files being shared, by client id, to start their upload again on Retry. */
  private readonly files = new Map<string, File>();
  private readonly acks = new PendingAcks();
  private readonly floatQueue = new FloatQueue();
  /** Highest change counter seen: where catch-up starts after a reconnection. */
  private version = 0;
  /** Set once the first `chat:ready` has loaded the latest page; later ones only catch up. */
  private loaded = false;
  private catchingUp = false;
  /** The access token the connection was last given (signed-in people only). */
  private tokenInUse: string | null = null;
  /** `chat:closed` came with an expired token: connect again with a fresh one rather than give up. */
  private expired = false;
  /** Fresh tokens tried since the last `chat:ready`. */
  private expiredRetries = 0;
  private busyRetries = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly open = signal(false);

  readonly state = signal<ChatState>('idle');
  readonly ready = signal<ChatReady | null>(null);
  readonly me = computed(() => this.ready()?.me ?? null);
  /** The meeting's setting as the server last said; participants may not write while it is off. */
  readonly allowChat = signal(true);
  /** Ordered by seq, one snapshot per message (the highest version). */
  readonly messages = signal<readonly ChatMessage[]>([]);
  readonly pending = signal<readonly PendingMessage[]>([]);
  /** There are older messages than the loaded ones ("Load earlier messages"). */
  readonly hasEarlier = signal(false);
  readonly loadingEarlier = signal(false);
  /** New messages from others while the panel is closed. */
  readonly unread = signal(0);
  /** The last problem, as a sentence, for the panel (a toast while the panel is closed). */
  readonly notice = signal<string | null>(null);
  /** Why the chat closed for good. */
  readonly closedReason = signal<string | null>(null);
  /** The chat closed because the meeting ended: news that the room can act on should LiveKit's be lost. */
  readonly meetingEnded = signal(false);
  readonly floats = this.floatQueue.floats.asReadonly();
  /** The last message from someone else that arrived live, in words, for the open panel's polite live region. */
  readonly arrival = signal('');
  /** The last floating reaction in words, for a polite live region. */
  readonly floatAnnouncement = this.floatQueue.announcement.asReadonly();

  constructor() {
    // AuthSession renews the access token a minute before it expires: hand each new one to the chat.
    effect(() => {
      const token = this.auth.accessToken();
      untracked(() => void this.renewToken(token));
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /** Connects to a meeting's chat once the room is in; does nothing while a connection exists. */
  connect(credentials: ChatCredentials): void {
    if (this.socket) return;
    this.credentials = credentials;
    this.expired = false;
    this.closedReason.set(null);
    this.meetingEnded.set(false);
    this.state.set(this.loaded ? 'reconnecting' : 'connecting');
    const socket = this.createSocket(() => this.handshake());
    this.socket = socket;
    this.listen(socket);
    socket.connect();
  }

  /** Leaves the chat (leaving or ending the meeting): the socket closes and every listener goes. */
  disconnect(): void {
    for (const off of this.unlisten.splice(0)) off();
    this.acks.settleAll();
    this.floatQueue.clear();
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = undefined;
    if (this.state() !== 'closed') this.state.set('idle');
  }

  /** The panel is shown or hidden: showing it reads everything. */
  setOpen(open: boolean): void {
    this.open.set(open);
    if (open) this.unread.set(0);
  }

  /** Sends now, or as soon as the connection is back. */
  send(body: string, to: ChatPerson | null): void {
    const message: PendingMessage = { clientId: newClientId(), body, to, failed: null };
    this.pending.update((pending) => [...pending, message]);
    void this.deliver(message);
  }

  /** Sends a refused message again, with the same client id (the server never stores it twice). */
  retry(clientId: string): void {
    const message = this.pending().find((p) => p.clientId === clientId);
    if (!message) return;
    this.updatePending(clientId, { failed: null });
    const file = this.files.get(clientId);
    if (message.file && !message.fileId && file) void this.upload(clientId, file);
    else void this.deliver({ ...message, failed: null });
  }

  discard(clientId: string): void {
    this.files.delete(clientId);
    this.pending.update((pending) => pending.filter((p) => p.clientId !== clientId));
  }

  /** Shares a file: an upload URL from the chat, the bytes to it (with progress), then a message sharing it. */
  async shareFile(file: File, to: ChatPerson | null): Promise<void> {
    const clientId = newClientId();
    this.files.set(clientId, file);
    this.pending.update((pending) => [...pending, { clientId, body: '', to, failed: null, file: { name: file.name, size: file.size, progress: 0 } }]);
    await this.upload(clientId, file);
  }

  /** Downloads a shared file through a short-lived URL (served as an attachment, so the page stays). */
  async download(fileId: string): Promise<void> {
    const answer = await this.ask<{ download: ChatDownload }>(ChatClientEvent.download, { fileId });
    if (!answer.ok) {
      if (answer.error === null) this.tell('The chat is not connected. Try again in a moment.');
      return;
    }
    saveFrom(this.document, answer.download.url);
  }

  /** Saves the meeting's chat as a text file: what this person may see (guests too, who have no history page). */
  async saveChat(): Promise<void> {
    const answer = await this.ask<{ file: ChatExportFile }>(ChatClientEvent.export, { format: 'txt' });
    if (!answer.ok) {
      if (answer.error === null) this.tell('The chat is not connected. Try again in a moment.');
      return;
    }
    const { name, contentType, content } = answer.file;
    saveFile(this.document, new Blob([content], { type: contentType }), name);
  }

  async edit(id: string, body: string): Promise<boolean> {
    return this.change(ChatClientEvent.edit, { id, body });
  }

  async remove(id: string): Promise<boolean> {
    return this.change(ChatClientEvent.delete, { id });
  }

  /** Adds my reaction, or takes it back. */
  async react(messageId: string, emoji: string): Promise<boolean> {
    return this.change(ChatClientEvent.react, { messageId, emoji });
  }

  /** An emoji floating over everyone's video for a moment (the server sends it back to me too). */
  async float(emoji: string): Promise<void> {
    await this.ask(ChatClientEvent.float, { emoji });
  }

  async loadEarlier(): Promise<void> {
    const oldest = this.messages()[0];
    if (!oldest || this.loadingEarlier()) return;
    this.loadingEarlier.set(true);
    try {
      const answer = await this.ask<{ messages: ChatMessage[]; more: boolean }>(ChatClientEvent.history, { before: oldest.seq, limit: CHAT_LIMITS.pageDefault });
      if (answer.ok) {
        this.messages.update((list) => mergeMessages(list, answer.messages));
        this.hasEarlier.set(answer.more);
      }
    } finally {
      this.loadingEarlier.set(false);
    }
  }

  private handshake(): ChatHandshakeAuth {
    const { code, ticket } = this.credentials as ChatCredentials;
    // Signed in: the current access token, read at every handshake. Guests: the ticket of their join.
    const token = this.auth.accessToken();
    this.tokenInUse = token;
    return token ? { code, token } : { code, ticket };
  }

  private listen(socket: ChatSocket): void {
    const on = <A extends unknown[]>(event: string, listener: (...args: A) => void): void => {
      const handler = listener as ChatListener;
      socket.on(event, handler);
      this.unlisten.push(() => socket.off(event, handler));
    };
    on(ChatServerEvent.ready, (ready: ChatReady) => void this.onReady(ready));
    on(ChatServerEvent.message, (message: ChatMessage) => this.receive([message], true));
    on(ChatServerEvent.float, (float: ChatFloat) => this.onFloat(float));
    on(ChatServerEvent.error, (error: ChatErrorEvent) => this.onError(error));
    on(ChatServerEvent.closed, (error: ChatErrorEvent) => this.onClosed(error));
    on('disconnect', (reason: string) => this.onDisconnect(socket, reason));
    on('connect_error', (error: Error & { data?: ChatErrorEvent }) => void this.onConnectError(socket, error.data));
  }

  private async onReady(ready: ChatReady): Promise<void> {
    this.ready.set(ready);
    this.allowChat.set(ready.meeting.allowChat);
    this.state.set('connected');
    this.closedReason.set(null);
    this.expired = false;
    this.expiredRetries = 0;
    this.busyRetries = 0;
    this.resendPending();
    if (this.loaded) {
      await this.catchUp();
      return;
    }
    // First time in: the latest page. Later changes come as chat:message, since this socket is in the meeting's room.
    this.loaded = true;
    this.version = Math.max(this.version, ready.latestVersion);
    const answer = await this.ask<{ messages: ChatMessage[]; more: boolean }>(ChatClientEvent.history, { limit: CHAT_LIMITS.pageDefault });
    if (answer.ok) {
      this.receive(answer.messages, false);
      this.hasEarlier.set(answer.more);
    }
  }

  /** After a reconnection: every change since the highest version seen, page after page. */
  private async catchUp(): Promise<void> {
    if (this.catchingUp) return;
    this.catchingUp = true;
    try {
      for (let waits = 0; ; ) {
        const answer = await this.ask<{ messages: ChatMessage[]; more: boolean }>(ChatClientEvent.sync, { after: this.version });
        if (!answer.ok) {
          // Paging too fast, or the chat is busy: the rest after the wait it gives (a few times at most).
          const seconds = answer.error && RETRYABLE.has(answer.error.code) ? answer.error.retryAfterSeconds ?? 1 : null;
          if (seconds === null || ++waits > MAX_BUSY_RETRIES) return;
          // A timer of its own, not retryTimer: disconnect() clears that one, and this wait must end.
          await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, MAX_BUSY_WAIT_SECONDS) * 1000));
          if (this.state() !== 'connected') return;
          continue;
        }
        this.receive(answer.messages, true);
        if (!answer.more || answer.messages.length === 0) return;
      }
    } finally {
      this.catchingUp = false;
    }
  }

  /**
   * Takes snapshots in. `fresh`: they arrived live or by catch-up (they may be unread); a change to a
   * message older than the loaded ones waits until "Load earlier messages" brings it, as it is then.
   */
  private receive(incoming: readonly ChatMessage[], fresh: boolean): void {
    if (incoming.length === 0) return;
    this.version = highestVersion(incoming, this.version);
    const current = this.messages();
    const oldest = current[0]?.seq;
    const kept = this.hasEarlier() && oldest !== undefined ? incoming.filter((m) => m.seq >= oldest) : incoming;
    const known = new Set(current.map((m) => m.id));
    const me = this.me()?.identity;
    const arrived = kept.filter((m) => !known.has(m.id));
    this.messages.set(mergeMessages(current, kept));
    const mine = new Set(kept.filter((m) => m.from.identity === me).map((m) => m.clientId));
    if (mine.size > 0) this.pending.update((pending) => pending.filter((p) => !mine.has(p.clientId)));
    const unseen = fresh ? arrived.filter((m) => m.from.identity !== me && !m.deletedAt) : [];
    const last = unseen[unseen.length - 1];
    if (!last) return;
    const said = last.body || (last.file ? `shared ${last.file.name}` : '');
    if (this.open()) this.arrival.set(`${last.from.displayName}${last.to ? ' (privately)' : ''}: ${said}`);
    else this.unread.update((n) => n + unseen.length);
  }

  private resendPending(): void {
    for (const message of this.pending()) {
      if (!message.failed && (!message.file || message.fileId)) void this.deliver(message);
    }
  }

  private async upload(clientId: string, file: File): Promise<void> {
    const reserved = await this.ask<{ upload: ChatUpload }>(ChatClientEvent.upload, { name: file.name, size: file.size });
    if (!reserved.ok) {
      this.updatePending(clientId, { failed: reserved.error ? errorSentence(reserved.error) : 'The chat is not connected. Try again in a moment.' });
      return;
    }
    const progress = (fraction: number) => this.updatePending(clientId, { file: { name: file.name, size: file.size, progress: fraction } });
    const stored = await this.uploader(reserved.upload.uploadUrl, file, progress);
    if (!stored.ok) {
      this.updatePending(clientId, { failed: stored.error ? errorSentence(stored.error) : 'The upload did not finish. Try again.' });
      return;
    }
    progress(1);
    this.files.delete(clientId);
    this.updatePending(clientId, { fileId: reserved.upload.fileId });
    const message = this.pending().find((p) => p.clientId === clientId);
    if (message) await this.deliver(message);
  }

  private async deliver(message: PendingMessage): Promise<void> {
    if (!this.socket?.connected) return; // sent on the next chat:ready
    const request = {
      clientId: message.clientId,
      ...(message.body ? { body: message.body } : {}),
      ...(message.fileId ? { fileId: message.fileId } : {}),
      ...(message.to ? { to: message.to.identity } : {}),
    };
    const answer = await this.ask<{ message: ChatMessage; duplicate: boolean }>(ChatClientEvent.send, request);
    if (answer.ok) {
      this.receive([answer.message], false);
      return;
    }
    // No answer while the connection dropped: it goes again after the reconnection, with the same id.
    if (answer.error === null && !this.socket?.connected) return;
    this.updatePending(message.clientId, { failed: answer.error ? errorSentence(answer.error) : 'The chat did not answer.' });
  }

  /** Edit, delete or react: the answer carries the message's new snapshot. */
  private async change(event: ChatClientEvent, payload: object): Promise<boolean> {
    const answer = await this.ask<{ message: ChatMessage }>(event, payload);
    if (answer.ok) this.receive([answer.message], false);
    else if (answer.error === null) this.tell(this.socket?.connected ? 'The chat did not answer. Try again.' : 'The chat is not connected. Try again in a moment.');
    return answer.ok;
  }

  private ask<T extends object>(event: ChatClientEvent, payload: object): Promise<Answer<T>> {
    return this.acks.emit<T>(this.socket, event, payload);
  }

  private onError(error: ChatErrorEvent): void {
    if (error.code === ChatErrorCode.ChatDisabled) this.allowChat.set(false);
    // A refused send or upload shows on the message itself; a refused token is settled by the connection's expiry.
    if (error.event === ChatClientEvent.send || error.event === ChatClientEvent.upload || error.event === ChatClientEvent.token) return;
    this.tell(errorSentence(error));
  }

  private onClosed(error: ChatErrorEvent): void {
    if (error.code === 'TOKEN_EXPIRED') {
      this.expired = true;
      return;
    }
    this.closedReason.set(closedSentence(error));
    if (error.code === ChatErrorCode.MeetingEnded) this.meetingEnded.set(true);
  }

  private onDisconnect(socket: ChatSocket, reason: string): void {
    if (socket !== this.socket || reason === 'io client disconnect') return;
    this.acks.settleAll();
    if (socket.active) {
      this.state.set('reconnecting');
    } else if (this.expired) {
      void this.reconnectWithFreshToken(socket);
    } else {
      this.close(this.closedReason() ?? closedSentence(undefined));
    }
  }

  private async onConnectError(socket: ChatSocket, refusal: ChatErrorEvent | undefined): Promise<void> {
    if (socket !== this.socket) return;
    if (socket.active) {
      this.state.set(this.loaded ? 'reconnecting' : 'connecting'); // socket.io tries again by itself
    } else if (refusal?.code === 'TOKEN_EXPIRED') {
      await this.reconnectWithFreshToken(socket);
    } else if (refusal && RETRYABLE.has(refusal.code) && ++this.busyRetries <= MAX_BUSY_RETRIES) {
      // Too many handshakes from this address, or the chat is busy: come back when it says, not at once.
      this.state.set(this.loaded ? 'reconnecting' : 'connecting');
      const seconds = Math.min(Math.max(refusal.retryAfterSeconds ?? 1, 1), MAX_BUSY_WAIT_SECONDS);
      this.retryTimer = setTimeout(() => socket === this.socket && socket.connect(), seconds * 1000);
    } else {
      this.close(closedSentence(refusal));
    }
  }

  /**
   * The token ran out before a fresh one reached the chat: get one, then connect again with it. When
   * identity cannot be reached, try again a little later; a fresh token refused again closes the chat.
   */
  private async reconnectWithFreshToken(socket: ChatSocket): Promise<void> {
    this.state.set('reconnecting');
    if (++this.expiredRetries > MAX_EXPIRED_RETRIES) {
      this.close(closedSentence({ code: 'TOKEN_EXPIRED', message: '' }));
      return;
    }
    const outcome = await this.auth.refresh();
    if (socket !== this.socket) return;
    if (outcome === 'ended') {
      this.close(closedSentence({ code: 'TOKEN_REVOKED', message: '' }));
    } else if (outcome === 'refreshed') {
      socket.connect();
    } else {
      this.expiredRetries--;
      this.retryTimer = setTimeout(() => void this.reconnectWithFreshToken(socket), TOKEN_RETRY_MS);
    }
  }

  /** A new access token while connected: the chat moves the connection's deadline. */
  private async renewToken(token: string | null): Promise<void> {
    if (!token || !this.tokenInUse || token === this.tokenInUse || this.state() !== 'connected') return;
    const answer = await this.ask<{ expiresAt: number }>(ChatClientEvent.token, { token });
    if (answer.ok) this.tokenInUse = token;
  }

  private onFloat(float: ChatFloat): void {
    this.floatQueue.add(float, float.from.identity === this.me()?.identity);
  }

  private close(reason: string): void {
    this.closedReason.set(reason);
    this.state.set('closed');
  }

  private tell(sentence: string): void {
    if (this.open()) this.notice.set(sentence);
    else this.toasts.error(sentence);
  }

  private updatePending(clientId: string, change: Partial<PendingMessage>): void {
    this.pending.update((pending) => pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)));
  }
}
