import type { DataSource } from 'typeorm';
import type { ServiceName } from '@confer/shared/contracts';
import type { ConfigOf, ServiceEnvSchema } from '@confer/shared/server/config';
import type { Logger, ServiceMetrics } from '@confer/shared/server/observability';

/** Everything main.ts prepared before Nest starts, handed to the service's AppModule. */
export interface ServiceContext<TConfig extends ConfigOf<ServiceEnvSchema> = ConfigOf<ServiceEnvSchema>> {
  service: ServiceName;
  version: string;
  instanceId: string;
  startedAt: Date;
  config: TConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  dataSource: DataSource;
}

/** Injection token of the ServiceContext. */
export const SERVICE_CONTEXT = 'CONFER_SERVICE_CONTEXT';
