/**
 * What kind of failure a domain error is. Each transport maps a kind to its own status (HTTP 404,
 * 409, ...), so domain code never speaks HTTP and the same rule can run from an event handler.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout';

/** An expected failure with a stable code, such as MEETING_LOCKED. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
