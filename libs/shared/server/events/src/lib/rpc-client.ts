import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { isErrorBody, type RpcRequest } from '@confer/shared/contracts';
import { currentRequestId, type ServiceMetrics } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { rpcTransportOptions } from './redis-connections';

/**
 * Request/response to another service over the Nest Redis transport. The request id travels in the
 * request's meta; a remote failure comes back as a DomainError with the remote code; no answer within
 * the timeout is a SERVICE_UNAVAILABLE error rather than a hang.
 */
export class RpcClient {
  private readonly proxy: ClientProxy;

  constructor(redisUrl: string, private readonly timeoutMs: number, private readonly metrics?: ServiceMetrics) {
    this.proxy = ClientProxyFactory.create({
      transport: Transport.REDIS,
      options: rpcTransportOptions(redisUrl),
    });
  }

  async call<TResult, TData = unknown>(pattern: string, data: TData, timeoutMs = this.timeoutMs): Promise<TResult> {
    const request: RpcRequest<TData> = { meta: { requestId: currentRequestId() }, data };
    try {
      const result = await firstValueFrom(this.proxy.send<TResult, RpcRequest<TData>>(pattern, request).pipe(timeout(timeoutMs)));
      this.metrics?.rpcCalls.inc({ pattern, outcome: 'ok' });
      return result;
    } catch (error) {
      this.metrics?.rpcCalls.inc({ pattern, outcome: error instanceof TimeoutError ? 'timeout' : 'error' });
      if (error instanceof TimeoutError) {
        throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', `no answer to ${pattern} within ${timeoutMs} ms`);
      }
      if (isErrorBody(error)) {
        throw new DomainError(error.code, kindOf(error as { kind?: unknown }), error.message);
      }
      throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', `${pattern} failed: ${String((error as Error)?.message ?? error)}`);
    }
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }
}

function kindOf(error: { kind?: unknown }): DomainError['kind'] {
  const kinds: DomainError['kind'][] = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_large', 'unsupported', 'rate_limited', 'unavailable', 'timeout'];
  return kinds.includes(error.kind as DomainError['kind']) ? (error.kind as DomainError['kind']) : 'unavailable';
}
