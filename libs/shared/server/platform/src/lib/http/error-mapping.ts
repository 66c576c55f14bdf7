import { HttpException, HttpStatus } from '@nestjs/common';
import { CommonErrorCode, type ErrorBody } from '@confer/shared/contracts';
import { DomainError, type ErrorKind } from '@confer/shared/util';
import { databaseBusy } from '@confer/shared/server/database';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  timeout: HttpStatus.GATEWAY_TIMEOUT,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: CommonErrorCode.BadRequest,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  405: CommonErrorCode.BadRequest,
  409: CommonErrorCode.Conflict,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
  429: CommonErrorCode.RateLimited,
  503: CommonErrorCode.Unavailable,
  504: CommonErrorCode.Timeout,
};

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** True for failures nobody expected: logged with their stack. */
  unexpected: boolean;
  /** Response headers the error calls for, such as Retry-After on a 429. */
  headers?: Record<string, string>;
}

/** Turns anything thrown into an HTTP status and { code, message, details? }. */
export function mapError(thrown: unknown): MappedError {
  const error = databaseBusy(thrown) ?? thrown;
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    const mapped: MappedError = { status: STATUS_OF_KIND[error.kind], body, unexpected: false };
    const retryAfter = error.kind === 'rate_limited' || error.kind === 'unavailable' ? retryAfterSeconds(error.details) : undefined;
    if (retryAfter !== undefined) mapped.headers = { 'retry-after': String(retryAfter) };
    return mapped;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String(Array.isArray(response.message) ? response.message.join('; ') : response.message)
        : error.message;
    return {
      status,
      body: { code: CODE_OF_STATUS[status] ?? (status >= 500 ? CommonErrorCode.Internal : CommonErrorCode.BadRequest), message },
      unexpected: status >= 500,
    };
  }
  const fastifyStatus = fastifyErrorStatus(error);
  if (fastifyStatus) {
    return {
      status: fastifyStatus,
      body: {
        code: CODE_OF_STATUS[fastifyStatus] ?? CommonErrorCode.BadRequest,
        message: (error as Error).message,
      },
      unexpected: false,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: CommonErrorCode.Internal, message: 'Something went wrong on our side.' },
    unexpected: true,
  };
}

/** Whole seconds (rounded up) from details.retryAfterSeconds, when it is a positive finite number. */
function retryAfterSeconds(details: unknown): number | undefined {
  const seconds = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) carry a 4xx statusCode. */
function fastifyErrorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
