import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { serviceEnv, type ConfigOf } from '@confer/shared/server/config';

export const chatEnv = {
  ...serviceEnv('chat', DEFAULT_SERVICE_PORTS.chat),
};

export type ChatConfig = ConfigOf<typeof chatEnv>;
