import { ACCESS_TOKEN, DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { env, serviceEnv, type ConfigOf } from '@confer/shared/server/config';
import { s3Env } from '@confer/shared/server/storage';

export const identityEnv = {
  ...serviceEnv('identity', DEFAULT_SERVICE_PORTS.identity),
  /** The origin people open in the browser; links in mail point here. */
  PUBLIC_ORIGIN: env.url({ protocols: ['http:', 'https:'], default: 'http://127.0.0.1:8080' }),
  ACCESS_TOKEN_TTL_SECONDS: env.int({ default: 600, min: 30, max: ACCESS_TOKEN.maxTtlSeconds }),
  REFRESH_TOKEN_TTL_DAYS: env.int({ default: 30, min: 1, max: 365 }),
  /** Seals TOTP secrets and signing keys at rest: 32 random bytes (base64 or hex). */
  IDENTITY_SECRET_KEY: env.key(32),
  /** Sign-in cookies carry Secure; turn off only for plain-http hosts other than localhost. */
  COOKIE_SECURE: env.bool(true),
  /** Accounts with these addresses become platform admins once their address is verified. */
  ADMIN_EMAILS: env.emails([]),
  SMTP_URL: env.url({ protocols: ['smtp:', 'smtps:'], default: 'smtp://127.0.0.1:1025', secret: true }),
  MAIL_FROM: env.string({ default: 'Confer <no-reply@confer.local>' }),
  MAIL_POLL_INTERVAL_MS: env.int({ default: 500, min: 50, max: 60000 }),
  /** How often the privacy job runner looks for queued exports and deletions (it is also woken at once). */
  PRIVACY_POLL_INTERVAL_MS: env.int({ default: 5000, min: 50, max: 600000 }),
  /** Argon2id cost: memory in KiB and passes (OWASP: 19 MiB, 2 passes at least). */
  ARGON2_MEMORY_KIB: env.int({ default: 19456, min: 8192, max: 1048576 }),
  ARGON2_PASSES: env.int({ default: 2, min: 1, max: 10 }),
  /** S3: avatars and export archives in the uploads bucket. */
  ...s3Env,
};

export type IdentityConfig = ConfigOf<typeof identityEnv>;
