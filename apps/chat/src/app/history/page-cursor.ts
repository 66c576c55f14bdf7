import { DomainError } from '@confer/shared/util';

/** Opaque keyset cursors (as identity's): a position, as base64url JSON. Anything else is CURSOR_INVALID (400). */
export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify([position])).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== 1 || !Number.isSafeInteger(value[0]) || (value[0] as number) < 1) throw invalidCursor();
  return value[0] as number;
}

function invalidCursor(): DomainError {
  return new DomainError('CURSOR_INVALID', 'invalid', 'The page cursor is not valid.');
}
