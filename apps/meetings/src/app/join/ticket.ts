import { createHash, randomBytes } from 'node:crypto';

/** A participant's ticket: 256 random bits, handed out once; only its SHA-256 is stored. */
export function newTicket(): { ticket: string; hash: string } {
  const ticket = randomBytes(32).toString('base64url');
  return { ticket, hash: hashTicket(ticket) };
}

export function hashTicket(ticket: string): string {
  return createHash('sha256').update(ticket, 'utf8').digest('hex');
}
