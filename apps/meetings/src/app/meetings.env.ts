import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { env, serviceEnv, type ConfigOf } from '@confer/shared/server/config';

export const meetingsEnv = {
  ...serviceEnv('meetings', DEFAULT_SERVICE_PORTS.meetings),
  /** Where this service reaches LiveKit's API. */
  LIVEKIT_URL: env.url({ protocols: ['ws:', 'wss:', 'http:', 'https:'], default: 'ws://127.0.0.1:7880' }),
  /** Where browsers reach LiveKit; differs from LIVEKIT_URL behind a load balancer or in containers. */
  LIVEKIT_PUBLIC_URL: env.url({ protocols: ['ws:', 'wss:'], default: 'ws://127.0.0.1:7880' }),
  LIVEKIT_API_KEY: env.string({ minLength: 3 }),
  LIVEKIT_API_SECRET: env.string({ minLength: 32, secret: true }),
};

export type MeetingsConfig = ConfigOf<typeof meetingsEnv>;
