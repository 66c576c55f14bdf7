import { ACCESS_TOKEN, type Revocation } from '@confer/shared/contracts';
import type { AuthLogger } from '../auth-settings';
import type { RevocableClaims } from './revokes';

export type RevocationHandler = (revocation: Revocation) => void;

export interface RevocationRegistryOptions {
  /** How long an entry is kept after it was received (or after a user's notBefore), in seconds. */
  retentionSeconds?: number;
  now?: () => number;
  logger?: AuthLogger;
}

/** Margin over the longest token life, for clock skew between identity and this instance. */
const RETENTION_MARGIN_SECONDS = 60;
const PRUNE_EVERY_SECONDS = 60;

/**
 * The revocations this instance knows, in memory. An entry only matters while a token it revokes can
 * still be unexpired, so it is dropped after the longest token life (plus a margin). Retention is
 * counted from local receipt, not from the sender's clock.
 */
export class RevocationRegistry {
  /** Session id -> keep until (epoch seconds). */
  private readonly sessions = new Map<string, number>();
  private readonly users = new Map<string, { notBefore: number; keepUntil: number }>();
  private readonly handlers = new Set<RevocationHandler>();
  private readonly retentionSeconds: number;
  private readonly now: () => number;
  private nextPruneAt = 0;

  constructor(private readonly options: RevocationRegistryOptions = {}) {
    this.retentionSeconds = options.retentionSeconds ?? ACCESS_TOKEN.maxTtlSeconds + RETENTION_MARGIN_SECONDS;
    this.now = options.now ?? Date.now;
  }

  /** Records a revocation; tells the handlers when it revoked something not already revoked. */
  apply(revocation: Revocation): boolean {
    const now = this.seconds();
    if (now >= this.nextPruneAt) this.prune(now);
    const changed = revocation.kind === 'sessions' ? this.revokeSessions(revocation.sessionIds, now) : this.revokeUser(revocation.userId, revocation.notBefore, now);
    if (changed) this.notify(revocation);
    return changed;
  }

  isRevoked(claims: RevocableClaims): boolean {
    if (this.sessions.has(claims.sid)) return true;
    const user = this.users.get(claims.sub);
    return user !== undefined && claims.iat <= user.notBefore;
  }

  /** Calls the handler for every new revocation, until the returned function is called. */
  onRevoked(handler: RevocationHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Drops entries that can only concern expired tokens. */
  prune(nowSeconds = this.seconds()): void {
    for (const [sid, keepUntil] of this.sessions) if (keepUntil < nowSeconds) this.sessions.delete(sid);
    for (const [userId, entry] of this.users) if (entry.keepUntil < nowSeconds) this.users.delete(userId);
    this.nextPruneAt = nowSeconds + PRUNE_EVERY_SECONDS;
  }

  get size(): number {
    return this.sessions.size + this.users.size;
  }

  private revokeSessions(sessionIds: readonly string[], now: number): boolean {
    let changed = false;
    for (const sid of sessionIds) {
      changed ||= !this.sessions.has(sid);
      this.sessions.set(sid, now + this.retentionSeconds);
    }
    return changed;
  }

  private revokeUser(userId: string, notBefore: number, now: number): boolean {
    const known = this.users.get(userId);
    const latest = Math.max(notBefore, known?.notBefore ?? Number.NEGATIVE_INFINITY);
    this.users.set(userId, { notBefore: latest, keepUntil: Math.max(now, latest) + this.retentionSeconds });
    return known === undefined || notBefore > known.notBefore;
  }

  private notify(revocation: Revocation): void {
    for (const handler of [...this.handlers]) {
      try {
        handler(revocation);
      } catch (error) {
        this.options.logger?.warn({ err: error, kind: revocation.kind }, 'a revocation handler failed');
      }
    }
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}
