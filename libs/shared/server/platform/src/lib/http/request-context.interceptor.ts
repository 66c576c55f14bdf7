import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithRequestId } from '@confer/shared/server/observability';

/**
 * Runs each handler inside the request's context, so that its logs, RPC calls and published events
 * carry the request id: from the HTTP request (set by the Fastify hook) or from an RPC request's meta.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const requestId =
      context.getType() === 'http'
        ? (context.switchToHttp().getRequest<{ id?: string }>().id)
        : (context.switchToRpc().getData<{ meta?: { requestId?: string } }>()?.meta?.requestId);
    return new Observable((subscriber) =>
      runWithRequestId(requestId, () => {
        const subscription = next.handle().subscribe(subscriber);
        return () => subscription.unsubscribe();
      }),
    );
  }
}
