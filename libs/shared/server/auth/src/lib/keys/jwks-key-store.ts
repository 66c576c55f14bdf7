import type { KeyObject } from 'node:crypto';
import type { JwkSet } from '@confer/shared/contracts';
import type { AuthLogger } from '../auth-settings';
import { importSigningKey, type ImportedKey } from './import-jwk';

/** Fetches identity's current JwkSet (in a service: `rpc.call(AuthRpc.jwks, {})`). */
export type KeysLoader = () => Promise<JwkSet>;

export interface JwksKeyStoreOptions {
  /** An unknown kid triggers at most one refresh per this interval, so forged kids cannot hammer identity. */
  minRefreshIntervalMs?: number;
  /** Background refresh period, for key rotation. */
  refreshIntervalMs?: number;
  /** Throttle while no key has ever loaded (identity still starting): short, so a cold start heals fast. */
  emptyRetryIntervalMs?: number;
  now?: () => number;
  logger?: AuthLogger;
}

/**
 * Identity's public keys by `kid`, as KeyObjects imported once per key. A refresh that fails, or that
 * yields no usable key, keeps the keys already held.
 */
export class JwksKeyStore {
  private keys: ReadonlyMap<string, ImportedKey> = new Map();
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly minRefreshIntervalMs: number;
  private readonly refreshIntervalMs: number;
  private readonly emptyRetryIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly loader: KeysLoader, private readonly options: JwksKeyStoreOptions = {}) {
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 30_000;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 300_000;
    this.emptyRetryIntervalMs = Math.min(options.emptyRetryIntervalMs ?? 1_000, this.minRefreshIntervalMs);
    this.now = options.now ?? Date.now;
  }

  /** The cached key of this kid: no I/O, no parsing. */
  get(kid: string): KeyObject | undefined {
    return this.keys.get(kid)?.key;
  }

  /** The key of this kid, refreshing the set first if the kid is unknown and the throttle allows. */
  async resolve(kid: string): Promise<KeyObject | undefined> {
    const cached = this.get(kid);
    if (cached) return cached;
    if (!this.inflight) {
      const throttle = this.keys.size === 0 ? this.emptyRetryIntervalMs : this.minRefreshIntervalMs;
      if (this.now() - this.lastAttemptAt < throttle) return undefined;
    }
    await this.refresh();
    return this.get(kid);
  }

  /** Loads the set now; concurrent callers share one load. Never rejects. */
  refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** First load now, then a refresh every refreshIntervalMs until stop(). */
  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  get kids(): string[] {
    return [...this.keys.keys()];
  }

  private async load(): Promise<void> {
    this.lastAttemptAt = this.now();
    let set: JwkSet;
    try {
      set = await this.loader();
    } catch (error) {
      this.options.logger?.warn({ err: error, keys: this.keys.size }, 'cannot load the JWKS; keeping the keys held');
      return;
    }
    const next = new Map<string, ImportedKey>();
    for (const jwk of Array.isArray(set?.keys) ? set.keys : []) {
      const imported = importSigningKey(jwk, this.keys.get((jwk as { kid?: string })?.kid ?? ''));
      if (imported && !next.has(imported.kid)) next.set(imported.kid, imported);
    }
    if (next.size === 0) {
      this.options.logger?.warn({ keys: this.keys.size }, 'the JWKS has no usable RS256 signing key; keeping the keys held');
      return;
    }
    this.keys = next;
  }
}
