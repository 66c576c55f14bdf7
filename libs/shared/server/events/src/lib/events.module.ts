import {
  Global,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@confer/shared/contracts';
import { LOGGER, ServiceMetrics, type Logger } from '@confer/shared/server/observability';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { OutboxRelay } from './outbox-relay';
import { RedisConnections } from './redis-connections';
import { RpcClient } from './rpc-client';

export interface EventsModuleOptions {
  service: ServiceName;
  instanceId: string;
  schema: string;
  redisUrl: string;
  prefix: string;
  relayIntervalMs: number;
  retryAfterMs: number;
  maxDeliveries: number;
  rpcTimeoutMs: number;
  /** Producers whose events this service handles. */
  subscribeTo: readonly ServiceName[];
}

/** Redis client for ordinary commands (health checks, acknowledgements). */
export const REDIS_COMMANDS = 'CONFER_REDIS_COMMANDS';
const OPTIONS = 'CONFER_EVENTS_OPTIONS';

/**
 * The event bus and RPC client of one service: outbox publisher, relay, consumer group and the Redis
 * connections behind them. Handlers register on EventConsumer in onModuleInit; consuming starts once
 * the application has bootstrapped and stops before the database closes.
 */
@Global()
@Module({})
export class EventsModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly rpc: RpcClient,
    private readonly connections: RedisConnections,
  ) {}

  static forService(options: EventsModuleOptions): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: RedisConnections, useFactory: () => new RedisConnections(options.redisUrl, options.service) },
        {
          provide: REDIS_COMMANDS,
          inject: [RedisConnections],
          useFactory: (connections: RedisConnections) => connections.create('commands'),
        },
        {
          provide: EventPublisher,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new EventPublisher(dataSource, options.schema),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, RedisConnections, LOGGER, ServiceMetrics],
          useFactory: (dataSource: DataSource, connections: RedisConnections, logger: Logger, metrics: ServiceMetrics) =>
            new OutboxRelay(
              dataSource,
              connections.create('outbox-relay'),
              { producer: options.service, schema: options.schema, prefix: options.prefix, intervalMs: options.relayIntervalMs },
              logger,
              metrics,
            ),
        },
        {
          provide: EventConsumer,
          inject: [DataSource, RedisConnections, LOGGER, ServiceMetrics],
          useFactory: (dataSource: DataSource, connections: RedisConnections, logger: Logger, metrics: ServiceMetrics) =>
            new EventConsumer(
              dataSource,
              connections.create('consumer'),
              connections.create('consumer-blocking', { commandTimeout: undefined }),
              {
                group: options.service,
                consumerName: options.instanceId,
                schema: options.schema,
                prefix: options.prefix,
                producers: options.subscribeTo,
                retryAfterMs: options.retryAfterMs,
                maxDeliveries: options.maxDeliveries,
              },
              logger,
              metrics,
            ),
        },
        {
          provide: RpcClient,
          inject: [ServiceMetrics],
          useFactory: (metrics: ServiceMetrics) => new RpcClient(options.redisUrl, options.rpcTimeoutMs, metrics),
        },
      ],
      exports: [EventPublisher, EventConsumer, RpcClient, REDIS_COMMANDS],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.rpc.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.closeAll();
  }
}

