import { Global, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ServiceName } from '@confer/shared/contracts';
import { DatabaseModule } from '@confer/shared/server/database';
import { EventsModule, REDIS_COMMANDS } from '@confer/shared/server/events';
import { LOGGER, ServiceMetrics } from '@confer/shared/server/observability';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { MetricsController } from './metrics/metrics.controller';
import { isPrivacyParticipant, PERSONAL_DATA, personalDataController, type PersonalDataHolder } from './privacy/personal-data';
import { RateLimiter } from './rate-limit/rate-limiter';
import { SERVICE_CONTEXT, type ServiceContext } from './service-context';

export interface PlatformOptions {
  /** Producers whose events this service consumes. */
  subscribeTo?: readonly ServiceName[];
  /**
   * Required of every privacy participant (all services but identity): what it holds about people,
   * answered over the bus for exports and account deletions. `holdsNoPersonalData` says "nothing yet".
   */
  personalData?: Type<PersonalDataHolder> | PersonalDataHolder;
}

/** What every service has: config, logger, metrics, database, event bus, RPC client, health, rate limiter. */
@Global()
@Module({})
export class PlatformModule {
  static forService(context: ServiceContext, options: PlatformOptions = {}): DynamicModule {
    const { config } = context;
    const privacy = privacyParts(context.service, options.personalData);
    return {
      module: PlatformModule,
      imports: [
        DatabaseModule.forDataSource(context.dataSource),
        EventsModule.forService({
          service: context.service,
          instanceId: context.instanceId,
          schema: config.DATABASE_SCHEMA,
          redisUrl: config.REDIS_URL,
          prefix: config.EVENTS_PREFIX,
          relayIntervalMs: config.EVENTS_RELAY_INTERVAL_MS,
          retryAfterMs: config.EVENTS_RETRY_AFTER_MS,
          maxDeliveries: config.EVENTS_MAX_DELIVERIES,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          subscribeTo: options.subscribeTo ?? [],
        }),
      ],
      controllers: [HealthController, MetricsController, ...privacy.controllers],
      providers: [
        { provide: SERVICE_CONTEXT, useValue: context },
        { provide: LOGGER, useValue: context.logger },
        { provide: ServiceMetrics, useValue: context.metrics },
        HealthService,
        {
          provide: RateLimiter,
          inject: [REDIS_COMMANDS, SERVICE_CONTEXT],
          useFactory: (redis: Redis, ctx: ServiceContext) => new RateLimiter(redis, ctx.config.EVENTS_PREFIX),
        },
        ...privacy.providers,
      ],
      exports: [SERVICE_CONTEXT, LOGGER, ServiceMetrics, DatabaseModule, EventsModule, RateLimiter],
    };
  }
}

function privacyParts(service: ServiceName, holder: PlatformOptions['personalData']): { controllers: Type<unknown>[]; providers: Provider[] } {
  if (!isPrivacyParticipant(service)) return { controllers: [], providers: [] };
  if (!holder) throw new Error(`${service} takes part in exports and account deletions: pass personalData to PlatformModule.forService`);
  const provider: Provider = typeof holder === 'function' ? { provide: PERSONAL_DATA, useClass: holder } : { provide: PERSONAL_DATA, useValue: holder };
  return { controllers: [personalDataController(service)], providers: [provider] };
}
