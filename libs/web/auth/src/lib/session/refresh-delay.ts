import type { SessionGrant } from '@confer/identity/contracts';

/** How long before an access token expires it is refreshed. */
export const REFRESH_LEAD_MS = 60_000;
/** Never sooner than this, so a server that hands out expired tokens cannot start a refresh loop. */
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * Milliseconds from now until the silent refresh of a token just received. The token's lifetime is read
 * from its own `iat` and `exp` (both the server's clock) when it is a JWT, so a wrong clock on this
 * computer does not shift the schedule; otherwise from `expiresAt`. Short-lived tokens refresh at half-life.
 */
export function refreshDelayMs(grant: SessionGrant, now: number): number {
  const lifetime = jwtLifetimeMs(grant.accessToken) ?? Date.parse(grant.expiresAt) - now;
  if (!Number.isFinite(lifetime)) return MIN_REFRESH_DELAY_MS;
  return Math.max(lifetime - REFRESH_LEAD_MS, lifetime / 2, MIN_REFRESH_DELAY_MS);
}

function jwtLifetimeMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { iat?: unknown; exp?: unknown };
    return typeof claims.iat === 'number' && typeof claims.exp === 'number' ? (claims.exp - claims.iat) * 1000 : undefined;
  } catch {
    return undefined;
  }
}
