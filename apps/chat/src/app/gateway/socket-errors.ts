import type { ChatClientEvent, ChatErrorEvent } from '@confer/chat/contracts';
import { CommonErrorCode } from '@confer/shared/contracts';
import { databaseBusy } from '@confer/shared/server/database';
import { DomainError } from '@confer/shared/util';

/** Anything thrown while handling a socket event, as the `{ code, message }` the client receives. */
export function toChatError(thrown: unknown, event?: ChatClientEvent, clientId?: string): ChatErrorEvent {
  const error = databaseBusy(thrown) ?? thrown;
  const answer: ChatErrorEvent =
    error instanceof DomainError
      ? { code: error.code, message: error.message }
      : { code: CommonErrorCode.Internal, message: 'Something went wrong on our side.' };
  if (event) answer.event = event;
  if (clientId) answer.clientId = clientId;
  if (error instanceof DomainError) {
    const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((error.kind === 'rate_limited' || error.kind === 'unavailable') && typeof seconds === 'number') answer.retryAfterSeconds = seconds;
    if (error.kind === 'invalid' && error.details !== undefined) answer.details = error.details;
  }
  return answer;
}

/** A handshake refusal: socket.io hands `data` to the client's connect_error. */
export function connectError(error: ChatErrorEvent): Error & { data: ChatErrorEvent } {
  const data: ChatErrorEvent = { code: error.code, message: error.message };
  if (error.retryAfterSeconds !== undefined) data.retryAfterSeconds = error.retryAfterSeconds;
  return Object.assign(new Error(error.message), { data });
}
