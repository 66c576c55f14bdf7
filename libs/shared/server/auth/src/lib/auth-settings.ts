import { ACCESS_TOKEN } from '@confer/shared/contracts';
import type { Logger } from '@confer/shared/server/observability';

/** What a verifier pins: one algorithm (RS256, see ACCESS_TOKEN), one issuer, one audience. */
export interface AuthSettings {
  issuer: string;
  audience: string;
  /** Clock skew allowed between identity and this service, in seconds. */
  clockToleranceSeconds: number;
  /** Longest accepted `exp - iat`, in seconds. */
  maxTtlSeconds: number;
}

/** Injection token of the AuthSettings. */
export const AUTH_SETTINGS = 'CONFER_AUTH_SETTINGS';

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

export function authSettings(issuer: string = ACCESS_TOKEN.issuer): AuthSettings {
  return {
    issuer,
    audience: ACCESS_TOKEN.audience,
    clockToleranceSeconds: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    maxTtlSeconds: ACCESS_TOKEN.maxTtlSeconds,
  };
}

/** The part of the service logger this library writes to. */
export type AuthLogger = Pick<Logger, 'info' | 'warn'>;
