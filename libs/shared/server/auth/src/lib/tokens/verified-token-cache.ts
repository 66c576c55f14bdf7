import type { AccessTokenClaims } from '@confer/shared/contracts';

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Claims of tokens whose signature this instance already checked, keyed by the whole token string
 * (signature included, so a forged or altered token can never hit). A browser presents the same
 * token for minutes, so the RSA check runs once per token rather than once per request. An entry
 * is used only until the token's `exp`; revocation is still checked on every hit by the caller.
 * Bounded: the oldest entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /** The claims of a token checked before and not expired at `nowSeconds` (with the clock tolerance). */
  get(token: string, nowSeconds: number, toleranceSeconds: number): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp + toleranceSeconds <= nowSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: AccessTokenClaims): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
