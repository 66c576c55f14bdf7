import type { AccessTokenClaims, Revocation } from '@confer/shared/contracts';

/** The claims a revocation is matched against. */
export type RevocableClaims = Pick<AccessTokenClaims, 'sub' | 'sid' | 'iat'>;

/**
 * Whether a revocation ends this token: a 'sessions' revocation ends the tokens of the listed
 * sessions; a 'user' revocation ends every token of the user issued at or before `notBefore`.
 * A websocket gateway uses it to find the live connections a broadcast revocation concerns.
 */
export function revokes(revocation: Revocation, claims: RevocableClaims): boolean {
  if (revocation.kind === 'sessions') return revocation.sessionIds.includes(claims.sid);
  return revocation.userId === claims.sub && claims.iat <= revocation.notBefore;
}
