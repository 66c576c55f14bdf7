import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { DependencyCheck, HealthReport } from '@confer/shared/contracts';
import { REDIS_COMMANDS } from '@confer/shared/server/events';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { SERVICE_CONTEXT, type ServiceContext } from '../service-context';

/** What /health reports: the shared HealthReport with this service's two dependencies. */
export interface ServiceHealthReport extends HealthReport {
  readonly live: true;
  readonly checks: { readonly database: DependencyCheck; readonly redis: DependencyCheck };
}

const CHECK_TIMEOUT_MS = 1000;

interface ProbeResult {
  check: DependencyCheck;
  error?: string;
}

/**
 * Readiness of this service. The report is public (the status page reads it through the edge), so
 * it says which dependency is down but not why: the reason, which may name internal hosts, goes to
 * the log, once per change of state rather than on every probe.
 */
@Injectable()
export class HealthService {
  private readonly lastStatus = new Map<string, DependencyCheck['status']>();

  constructor(
    @Inject(SERVICE_CONTEXT) private readonly context: ServiceContext,
    private readonly dataSource: DataSource,
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async report(): Promise<ServiceHealthReport> {
    const [database, redis] = await Promise.all([
      this.probe('database', () => this.dataSource.query('SELECT 1')),
      this.probe('redis', () => this.redis.ping()),
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

  private async probe(name: string, run: () => Promise<unknown>): Promise<DependencyCheck> {
    const result = await check(run);
    if (this.lastStatus.get(name) !== result.check.status) {
      this.lastStatus.set(name, result.check.status);
      if (result.check.status === 'down') this.logger.warn({ dependency: name, reason: result.error }, `${name} is down`);
      else this.logger.info({ dependency: name }, `${name} is up`);
    }
    return result.check;
  }
}

async function check(probe: () => Promise<unknown>): Promise<ProbeResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { check: { status: 'up', latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    return { check: { status: 'down', latencyMs: Math.round(performance.now() - started) }, error: errorSummary(error) };
  } finally {
    clearTimeout(timer);
  }
}

function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^@\s]*@/g, '//***@').slice(0, 200);
}
