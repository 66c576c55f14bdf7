import { PLATFORM_ROLES, type AccessTokenClaims, type AuthUser, type PlatformRole } from '@confer/shared/contracts';
import type { AuthSettings } from '../auth-settings';
import { tokenInvalid } from '../auth.errors';

/**
 * The claims of a token whose signature, algorithm, issuer, audience and expiry are already checked:
 * sub, sid, jti and a known role are required, and the token may not live longer than
 * maxTtlSeconds nor claim to be issued in the future. Throws TOKEN_INVALID otherwise.
 */
export function checkClaims(payload: unknown, settings: AuthSettings, nowSeconds: number): AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null) throw tokenInvalid();
  const claims = payload as Record<string, unknown>;
  const { sub, sid, jti, role, iat, exp, iss, aud } = claims;
  if (!isId(sub) || !isId(sid) || !isId(jti) || !isRole(role)) throw tokenInvalid();
  if (!isTime(iat) || !isTime(exp)) throw tokenInvalid();
  const tolerance = settings.clockToleranceSeconds;
  if (exp - iat > settings.maxTtlSeconds + tolerance || iat > nowSeconds + tolerance) throw tokenInvalid();
  return {
    sub,
    sid,
    jti,
    role,
    iat,
    exp,
    name: typeof claims['name'] === 'string' ? claims['name'] : '',
    // Anything but an explicit true counts as unverified: the lesser right.
    ev: claims['ev'] === true,
    iss: typeof iss === 'string' ? iss : settings.issuer,
    aud: typeof aud === 'string' ? aud : settings.audience,
  };
}

export function toAuthUser(claims: AccessTokenClaims): AuthUser {
  return {
    id: claims.sub,
    sessionId: claims.sid,
    role: claims.role,
    name: claims.name,
    emailVerified: claims.ev,
    expiresAt: claims.exp,
  };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function isRole(value: unknown): value is PlatformRole {
  return PLATFORM_ROLES.includes(value as PlatformRole);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
