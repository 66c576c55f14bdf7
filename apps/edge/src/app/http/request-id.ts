import type { IncomingMessage } from 'node:http';
import { REQUEST_ID_HEADER } from '@confer/shared/contracts';
import { requestIdFrom } from '@confer/shared/server/observability';

/** Keeps a caller's plain request id, or starts a new one; the id then follows the call upstream. */
export function requestIdOf(request: IncomingMessage): string {
  return requestIdFrom(request.headers[REQUEST_ID_HEADER]);
}
