import { InjectionToken } from '@angular/core';
import { io } from 'socket.io-client';
import { CHAT_SOCKET_PATH, type ChatHandshakeAuth } from '@confer/chat/contracts';

/** socket.io's listeners take whatever the event carries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ChatListener = (...args: any[]) => void;

/** The part of a socket.io client socket that ChatConnection uses (a fake implements it in specs). */
export interface ChatSocket {
  readonly connected: boolean;
  /** Whether socket.io will try to connect again by itself (false after a refusal or a server's disconnect). */
  readonly active: boolean;
  on(event: string, listener: ChatListener): unknown;
  off(event: string, listener: ChatListener): unknown;
  emit(event: string, payload: unknown, ack: (answer: unknown) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

/** Builds the socket; `auth` is asked for the handshake at every (re)connection, so a fresh token is used. */
export type ChatSocketFactory = (auth: () => ChatHandshakeAuth) => ChatSocket;

/**
 * socket.io over WebSocket only (the service allows no long-polling, so several instances need no
 * sticky sessions), on this origin under CHAT_SOCKET_PATH. socket.io reconnects by itself after a
 * dropped connection, with backoff; it does not after the server refused or closed it.
 */
export const CHAT_SOCKET_FACTORY = new InjectionToken<ChatSocketFactory>('CHAT_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (auth) =>
    io({
      path: CHAT_SOCKET_PATH,
      transports: ['websocket'],
      auth: (callback) => callback(auth()),
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
    }),
});
