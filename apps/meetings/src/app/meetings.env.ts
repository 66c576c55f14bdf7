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
  /** The origin people open in the browser; join links in invitations and calendar feed URLs point here. */
  PUBLIC_ORIGIN: env.url({ protocols: ['http:', 'https:'], default: 'http://127.0.0.1:8080' }),
  /** Invitations are mailed with an .ics attachment (same defaults as identity). */
  SMTP_URL: env.url({ protocols: ['smtp:', 'smtps:'], default: 'smtp://127.0.0.1:1025', secret: true }),
  MAIL_FROM: env.string({ default: 'Confer <no-reply@confer.local>' }),
  MAIL_POLL_INTERVAL_MS: env.int({ default: 500, min: 50, max: 60000 }),
  /** How often live meetings are compared with LiveKit's rooms (docs/decisions.md, joining and live state). */
  MEETINGS_RECONCILE_INTERVAL_MS: env.int({ default: 60000, min: 100, max: 3600000 }),
  /** A live meeting whose room has been empty this long is ended. */
  EMPTY_ROOM_TIMEOUT_MINUTES: env.int({ default: 10, min: 1, max: 1440 }),
  /** Lifetime of the LiveKit tokens meetings mints; renewed with the participant's ticket. */
  LIVEKIT_TOKEN_TTL_SECONDS: env.int({ default: 600, min: 60, max: 600 }),
};

export type MeetingsConfig = ConfigOf<typeof meetingsEnv>;
