import { DomainError } from '@confer/shared/util';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, as base64url JSON. Callers check the
 * decoded shape; anything else is CURSOR_INVALID (400).
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends readonly unknown[]>(cursor: string, isKey: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!isKey(value)) throw invalidCursor();
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lower-cased display name and a user id: the key of lists in name order. */
export function isNameKey(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && value[0].length <= 400 && isUuid(value[1]);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function invalidCursor(): DomainError {
  return new DomainError('CURSOR_INVALID', 'invalid', 'The page cursor is not valid.');
}
