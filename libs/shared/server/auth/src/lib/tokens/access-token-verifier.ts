import { KeyObject } from 'node:crypto';
import { TokenExpiredError, verify as verifyJwt, type VerifyOptions } from 'jsonwebtoken';
import { ACCESS_TOKEN, type AccessTokenClaims, type AuthUser } from '@confer/shared/contracts';
import { isDomainError } from '@confer/shared/util';
import type { AuthSettings } from '../auth-settings';
import { tokenExpired, tokenInvalid, tokenRevoked } from '../auth.errors';
import type { JwksKeyStore } from '../keys/jwks-key-store';
import type { RevocationRegistry } from '../revocation/revocation-registry';
import { checkClaims, toAuthUser } from './access-token-claims';
import { kidOf } from './token-header';
import { VerifiedTokenCache } from './verified-token-cache';

/** Options of jsonwebtoken.verify: RS256 only, issuer and audience pinned, a little clock skew. */
export function jwtVerifyOptions(settings: AuthSettings): VerifyOptions & { complete?: false } {
  return {
    algorithms: [ACCESS_TOKEN.algorithm],
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: settings.clockToleranceSeconds,
  };
}

/**
 * Verifies access tokens: signature with the cached key of the header's kid, pinned algorithm,
 * issuer and audience, expiry, lifetime cap, required claims, revocation. With the key cached there
 * is no I/O and no key parsing on this path. Every failure is a DomainError of kind unauthenticated.
 */
export class AccessTokenVerifier {
  private readonly options: VerifyOptions & { complete?: false };
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly keys: JwksKeyStore,
    private readonly revocations: RevocationRegistry,
    private readonly settings: AuthSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.options = jwtVerifyOptions(settings);
  }

  async verify(token: string): Promise<AuthUser> {
    return toAuthUser(await this.verifyClaims(token));
  }

  /** Like verify, with the claims (a websocket gateway keeps `iat` to match later revocations). */
  async verifyClaims(token: string): Promise<AccessTokenClaims> {
    const known = this.known(token);
    if (known) return known;
    const key = this.keyFor(token);
    const payload = decode(token, key instanceof KeyObject ? key : await key, this.options);
    return this.remember(token, this.acceptClaims(payload));
  }

  /**
   * A token verified before by this instance and not expired: its claims, after the revocation
   * check that every use gets. Undefined when the token must be verified in full.
   */
  known(token: string): AccessTokenClaims | undefined {
    const claims = this.verified.get(token, Math.floor(this.now() / 1000), this.settings.clockToleranceSeconds);
    if (claims && this.revocations.isRevoked(claims)) throw tokenRevoked();
    return claims;
  }

  /** Keeps the claims of a fully verified token for its next uses. */
  remember(token: string, claims: AccessTokenClaims): AccessTokenClaims {
    this.verified.set(token, claims);
    return claims;
  }

  /** The verification key for a token: synchronous when cached, else one throttled JWKS refresh. */
  keyFor(token: string): KeyObject | Promise<KeyObject> {
    const kid = kidOf(token);
    const cached = this.keys.get(kid);
    if (cached) return cached;
    return this.keys.resolve(kid).then((key) => {
      if (!key) throw tokenInvalid();
      return key;
    });
  }

  /** Checks of a payload whose signature is already verified (passport-jwt's validate step). */
  accept(payload: unknown): AuthUser {
    return toAuthUser(this.acceptClaims(payload));
  }

  /** Like accept, and remembers the token so that its next uses skip the signature check. */
  acceptToken(token: string, payload: unknown): AuthUser {
    return toAuthUser(this.remember(token, this.acceptClaims(payload)));
  }

  private acceptClaims(payload: unknown): AccessTokenClaims {
    const claims = checkClaims(payload, this.settings, Math.floor(this.now() / 1000));
    if (this.revocations.isRevoked(claims)) throw tokenRevoked();
    return claims;
  }
}

/**
 * Maps what jsonwebtoken throws to TOKEN_EXPIRED, and anything else about the token (bad signature,
 * algorithm, issuer, audience, nbf, malformed) to TOKEN_INVALID; DomainErrors pass through.
 */
export function toTokenError(error: unknown): Error {
  if (isDomainError(error)) return error;
  return error instanceof TokenExpiredError ? tokenExpired() : tokenInvalid();
}

function decode(token: string, key: KeyObject, options: VerifyOptions & { complete?: false }): unknown {
  try {
    return verifyJwt(token, key, options);
  } catch (error) {
    throw toTokenError(error);
  }
}
