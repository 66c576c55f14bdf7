import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { serviceEnv, type ConfigOf } from '@confer/shared/server/config';

export const identityEnv = {
  ...serviceEnv('identity', DEFAULT_SERVICE_PORTS.identity),
};

export type IdentityConfig = ConfigOf<typeof identityEnv>;
