import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';

/** What pg-pool throws when no connection came free within connectionTimeoutMillis. */
const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * A service under more load than its connection pool takes, as a retryable 503 with a Retry-After,
 * instead of an unexplained 500: the caller learns to come back, nothing was written, and the pool's
 * wait (DATABASE_CONNECT_TIMEOUT_MS) is what bounds how long it waited. Undefined for anything else.
 */
export function databaseBusy(error: unknown): DomainError | undefined {
  if (!(error instanceof Error) || error.message !== POOL_WAIT_TIMEOUT) return undefined;
  return new DomainError(CommonErrorCode.Unavailable, 'unavailable', 'The service is busy. Try again in a moment.', { retryAfterSeconds: 1 });
}
