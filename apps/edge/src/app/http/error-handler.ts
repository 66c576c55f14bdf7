import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrorCode } from '@confer/shared/contracts';
import { sendError } from './error-reply';

const CODES: Record<number, string> = {
  400: CommonErrorCode.BadRequest,
  404: CommonErrorCode.NotFound,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
};

/** Errors thrown inside the edge become JSON like every other error; internals are logged, not shown. */
export function edgeErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'edge request failed');
    return sendError(reply, status, CommonErrorCode.Internal, 'The edge could not handle this request.');
  }
  return sendError(reply, status, CODES[status] ?? CommonErrorCode.BadRequest, error.message);
}
