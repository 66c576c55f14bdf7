import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { throwError, type Observable } from 'rxjs';
import type { Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { mapError } from './error-mapping';

/**
 * The one exception filter. Over HTTP every error leaves as JSON { code, message, details? } with the
 * status of its kind; over RPC it travels back as { code, kind, message } for RpcClient to rethrow.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): Observable<unknown> | void {
    if (host.getType() === 'rpc') return this.rpc(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const mapped = mapError(error);
    if (mapped.unexpected) this.logger.error({ err: error }, 'unexpected error while handling a request');
    if (mapped.headers) void reply.headers(mapped.headers);
    void reply.status(mapped.status).header('content-type', 'application/json; charset=utf-8').send(mapped.body);
  }

  private rpc(error: unknown): Observable<unknown> {
    if (error instanceof DomainError) {
      return throwError(() => ({ code: error.code, kind: error.kind, message: error.message }));
    }
    this.logger.error({ err: error }, 'unexpected error while handling an RPC request');
    return throwError(() => ({ code: 'INTERNAL', kind: 'unavailable', message: 'Something went wrong on our side.' }));
  }
}
