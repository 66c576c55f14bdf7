import { signal } from '@angular/core';
import type { ChatErrorEvent, ChatHandshakeAuth, ChatMessage, ChatReady } from '@confer/chat/contracts';
import type { RefreshOutcome } from '@confer/web/auth';
import type { ChatListener, ChatSocket, ChatSocketFactory } from '../lib/connection/chat-socket';

export interface Emitted {
  event: string;
  payload: Record<string, unknown>;
  ack: (answer: unknown) => void;
}

/** A socket.io client socket without a network: the spec plays the server. */
export class FakeChatSocket implements ChatSocket {
  connected = false;
  active = false;
  readonly handshakes: ChatHandshakeAuth[] = [];
  readonly emitted: Emitted[] = [];
  private readonly listeners = new Map<string, Set<ChatListener>>();

  constructor(private readonly auth: () => ChatHandshakeAuth) {}

  on(event: string, listener: ChatListener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }

  off(event: string, listener: ChatListener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload: unknown, ack: (answer: unknown) => void): this {
    this.emitted.push({ event, payload: payload as Record<string, unknown>, ack });
    return this;
  }

  connect(): this {
    this.active = true;
    this.handshakes.push(this.auth());
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  get listenerCount(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }

  /** What the client emitted of one event, oldest first. */
  sent(event: string): Emitted[] {
    return this.emitted.filter((e) => e.event === event);
  }

  /** Answers the oldest unanswered emit of an event. */
  answer(event: string, answer: unknown): void {
    const index = this.emitted.findIndex((e) => e.event === event);
    if (index < 0) throw new Error(`nothing emitted as ${event}; got ${this.emitted.map((e) => e.event).join(', ')}`);
    const [emitted] = this.emitted.splice(index, 1);
    emitted.ack(answer);
  }

  /** The handshake succeeded: connected, then chat:ready. */
  accept(ready: ChatReady): void {
    this.connected = true;
    this.fire('connect');
    this.fire('chat:ready', ready);
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  message(message: ChatMessage): void {
    this.fire('chat:message', message);
  }

  /** The network dropped; socket.io will try again by itself. */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** The server explains with chat:closed, then disconnects (socket.io does not reconnect then). */
  close(error: ChatErrorEvent): void {
    this.fire('chat:closed', error);
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io server disconnect');
  }

  /** A refused handshake. */
  refuse(data: ChatErrorEvent): void {
    this.active = false;
    this.fire('connect_error', Object.assign(new Error(data.message), { data }));
  }
}

/** A socket factory that keeps every socket it made. */
export function fakeSocketFactory(): { factory: ChatSocketFactory; sockets: FakeChatSocket[]; last(): FakeChatSocket } {
  const sockets: FakeChatSocket[] = [];
  return {
    sockets,
    factory: (auth) => {
      const socket = new FakeChatSocket(auth);
      sockets.push(socket);
      return socket;
    },
    last: () => {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error('no socket yet');
      return socket;
    },
  };
}

/** AuthSession as ChatConnection uses it: the access token (a signal), and refresh. */
export function fakeAuth(token: string | null = null) {
  const current = signal<string | null>(token);
  return {
    token: current,
    accessToken: () => current(),
    refresh: jest.fn<Promise<RefreshOutcome>, []>(async () => 'refreshed'),
  };
}

export const ADA = { identity: '11111111-1111-4111-8111-111111111111', displayName: 'Ada' };
export const GWEN = { identity: 'guest-22222222-2222-4222-8222-222222222222', displayName: 'Gwen' };
export const HEDY = { identity: '33333333-3333-4333-8333-333333333333', displayName: 'Hedy' };

export function readyFor(me: { identity: string; displayName: string }, extra: { role?: ChatReady['me']['role']; allowChat?: boolean; latestVersion?: number } = {}): ChatReady {
  return {
    meeting: { id: 'f3b1c2d4-0000-4000-8000-000000000001', code: 'abc-defg-hij', allowChat: extra.allowChat ?? true },
    me: { ...me, role: extra.role ?? 'participant', guest: me.identity.startsWith('guest-') },
    latestVersion: extra.latestVersion ?? 0,
  };
}

let ids = 0;

/** A message snapshot; `seq` doubles as its version unless given. */
export function aMessage(seq: number, from: { identity: string; displayName: string }, body: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    clientId: `10000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    meetingId: 'f3b1c2d4-0000-4000-8000-000000000001',
    seq,
    version: seq,
    from: { ...from, guest: from.identity.startsWith('guest-') },
    to: null,
    body,
    createdAt: '2025-06-01T10:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    reactions: [],
    ...extra,
  };
}
