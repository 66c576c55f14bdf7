import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { apiBase, rpcPattern, type ServiceInfo, type ServiceName } from '@confer/shared/contracts';
import { ConfigError, loadConfig, redactUrl, type ConfigOf, type ServiceEnvSchema } from '@confer/shared/server/config';
import { createServiceDataSource, EventBusTables1764115200000, runMigrationsGuarded } from '@confer/shared/server/database';
import { rpcTransportOptions } from '@confer/shared/server/events';
import { createLogger, NestPinoLogger, ServiceMetrics, type Logger } from '@confer/shared/server/observability';
import { fastifyOptions, installFastifyHooks } from './http/fastify-hooks';
import { ErrorFilter } from './http/error.filter';
import { RequestContextServerRedis } from './http/request-context-server';
import { createValidationPipe } from './http/validation';
import type { ServiceContext } from './service-context';

export interface ServiceDefinition<S extends ServiceEnvSchema> {
  service: ServiceName;
  title: string;
  version?: string;
  env: S;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  appModule: (context: ServiceContext<ConfigOf<S>>) => DynamicModule;
  /**
   * Service-specific Fastify set-up before routes are registered, such as a content-type parser for
   * raw uploads. Everything else stays the platform's.
   */
  configureFastify?: (fastify: FastifyInstance, context: ServiceContext<ConfigOf<S>>) => void;
}

/**
 * Starts a service: config, database, migrations, then Nest on Fastify with the Redis transport.
 * `node main.js migrate` runs the migrations and exits. Anything that stops the start prints one
 * line naming the reason and exits non-zero.
 */
export async function runService<S extends ServiceEnvSchema>(definition: ServiceDefinition<S>): Promise<void> {
  const { service } = definition;
  // The service's schema extends the base one, so its config has every base variable.
  let config: ConfigOf<S> & ConfigOf<ServiceEnvSchema>;
  try {
    config = loadConfig(definition.env) as ConfigOf<S> & ConfigOf<ServiceEnvSchema>;
  } catch (error) {
    return die(service, error instanceof ConfigError ? error.message : `cannot read configuration: ${String(error)}`);
  }
  const logger = createLogger(service, config.LOG_LEVEL);
  const dataSource = createServiceDataSource({
    service,
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    entities: definition.entities,
    migrations: [EventBusTables1764115200000, ...definition.migrations],
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    return die(service, `cannot connect to the database at ${redactUrl(config.DATABASE_URL)}: ${oneLine(error)}`);
  }
  try {
    const report = await runMigrationsGuarded(dataSource);
    if (report.applied.length > 0) logger.info({ migrations: report.applied }, 'migrations applied');
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    return die(service, `migrations failed: ${oneLine(error)}`);
  }
  if (process.argv[2] === 'migrate') {
    await dataSource.destroy();
    logger.info('migrations are up to date');
    return;
  }

  const context: ServiceContext<ConfigOf<S> & ConfigOf<ServiceEnvSchema>> = {
    service,
    version: definition.version ?? '0.1.0',
    instanceId: `${service}-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    startedAt: new Date(),
    config,
    logger,
    metrics: new ServiceMetrics(service),
    dataSource,
  };
  try {
    await startNest(definition, context);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    return die(service, `cannot start: ${oneLine(error)}`);
  }
}

async function startNest<S extends ServiceEnvSchema>(
  definition: ServiceDefinition<S>,
  context: ServiceContext<ConfigOf<S> & ConfigOf<ServiceEnvSchema>>,
) {
  const { service, config, logger } = context;
  const app = await NestFactory.create<NestFastifyApplication>(
    definition.appModule(context),
    new FastifyAdapter(fastifyOptions(config.TRUSTED_PROXY_HOPS)),
    { logger: new NestPinoLogger(logger), abortOnError: false },
  );
  const prefix = apiBase(service).slice(1);
  app.setGlobalPrefix(prefix);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(logger));
  installFastifyHooks(app.getHttpAdapter().getInstance(), logger, context.metrics);
  definition.configureFastify?.(app.getHttpAdapter().getInstance(), context);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(definition.title).setVersion(context.version).addBearerAuth().build(),
  );
  SwaggerModule.setup(`${prefix}/docs`, app, document, { jsonDocumentUrl: `${prefix}/docs-json` });

  const rpcServer = new RequestContextServerRedis(rpcTransportOptions(config.REDIS_URL));
  registerInfoHandler(rpcServer, context);
  app.connectMicroservice({ strategy: rpcServer }, { inheritAppConfig: true });

  installGracefulShutdown(app, logger, config.SHUTDOWN_TIMEOUT_MS);
  await app.startAllMicroservices();
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    {
      url: `http://${config.HOST}:${config.PORT}${apiBase(service)}`,
      database: redactUrl(config.DATABASE_URL),
      schema: config.DATABASE_SCHEMA,
      redis: redactUrl(config.REDIS_URL),
      transport: Transport[Transport.REDIS],
    },
    `${service} is listening`,
  );
}

function registerInfoHandler(server: RequestContextServerRedis, context: ServiceContext): void {
  const info: ServiceInfo = {
    service: context.service,
    version: context.version,
    instanceId: context.instanceId,
    startedAt: context.startedAt.toISOString(),
  };
  server.addHandler(rpcPattern(context.service, 'info'), async () => info);
}

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests finish, stop consuming events, close
 * the pools (Nest's shutdown hooks), and exit 0. If that takes longer than the deadline, exit 1.
 */
function installGracefulShutdown(app: NestFastifyApplication, logger: Logger, timeoutMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: no new requests, draining');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

function die(service: string, reason: string): never {
  process.stderr.write(`${service}: ${reason}\n`);
  process.exit(1);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').replace(/\/\/[^@\s]*@/g, '//***@').slice(0, 300);
}

