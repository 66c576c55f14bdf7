import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { serviceEnv, type ConfigOf } from '@confer/shared/server/config';

export const analyticsEnv = {
  ...serviceEnv('analytics', DEFAULT_SERVICE_PORTS.analytics),
};

export type AnalyticsConfig = ConfigOf<typeof analyticsEnv>;
