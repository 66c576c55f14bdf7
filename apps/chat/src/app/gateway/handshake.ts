import type { ChatHandshakeAuth } from '@confer/chat/contracts';
import { MEETING_CODE_PATTERN } from '@confer/meetings/contracts';
import { invalid } from '../access/chat.errors';

const TICKET = /^[A-Za-z0-9_-]{43}$/;
const TOKEN = /^[A-Za-z0-9_.-]{1,8192}$/;
const FIELDS: ReadonlySet<string> = new Set<keyof ChatHandshakeAuth>(['code', 'token', 'ticket']);

export interface Handshake {
  code: string;
  credential: { token: string } | { ticket: string };
}

/** The handshake's `auth`: a meeting code and exactly one of an access token or a ticket, nothing else. */
export function parseHandshake(auth: unknown): Handshake {
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) throw invalid('Connect with { code, token } or { code, ticket }.');
  const fields = auth as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) throw invalid(`Unknown handshake fields: ${unknown.join(', ')}.`);
  const { code, token, ticket } = fields;
  if (typeof code !== 'string' || !MEETING_CODE_PATTERN.test(code)) throw invalid('code must be a meeting code.');
  if ((token === undefined) === (ticket === undefined)) throw invalid('Connect with an access token or, as a guest, your ticket.');
  if (token !== undefined) {
    if (typeof token !== 'string' || !TOKEN.test(token)) throw invalid('token is not an access token.');
    return { code, credential: { token } };
  }
  if (typeof ticket !== 'string' || !TICKET.test(ticket)) throw invalid('ticket is not a ticket.');
  return { code, credential: { ticket } };
}

/** Browsers always send Origin on a WebSocket; it must be one the deployment serves. */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return false;
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return false;
  }
  return normalized !== 'null' && allowed.includes(normalized);
}
