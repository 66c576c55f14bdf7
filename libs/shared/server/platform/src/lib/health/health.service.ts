import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { DependencyCheck, HealthReport } from '@confer/shared/contracts';
import { REDIS_COMMANDS } from '@confer/shared/server/events';
import { SERVICE_CONTEXT, type ServiceContext } from '../service-context';

/** What /health reports: the shared HealthReport with this service's two dependencies. */
export interface ServiceHealthReport extends HealthReport {
  readonly live: true;
  readonly checks: { readonly database: DependencyCheck; readonly redis: DependencyCheck };
}

const CHECK_TIMEOUT_MS = 1000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(SERVICE_CONTEXT) private readonly context: ServiceContext,
    private readonly dataSource: DataSource,
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
  ) {}

  async report(): Promise<ServiceHealthReport> {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ready = database.status === 'up' && redis.status === 'up';
    return {
      service: this.context.service,
      version: this.context.version,
      status: ready ? 'ok' : 'unavailable',
      live: true,
      ready,
      uptimeSeconds: Math.round((Date.now() - this.context.startedAt.getTime()) / 1000),
      checks: { database, redis },
    };
  }
}

async function check(probe: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error's message: driver errors may carry connection details.
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: errorSummary(error) };
  } finally {
    clearTimeout(timer);
  }
}

function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^@\s]*@/g, '//***@').slice(0, 200);
}
