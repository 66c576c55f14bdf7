import { createHash, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { SLIDING_WINDOW_SCRIPT } from './sliding-window.lua';

/** At most `limit` attempts per subject in any `windowSeconds`-long stretch of time. */
export interface RateLimitRule {
  /** Stable, part of the Redis key: 'sign-in:ip', 'sign-in:account'. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitCheck {
  rule: RateLimitRule;
  /** Who is counted: an IP, a user id, a normalized email. Only its hash reaches Redis. */
  subject: string;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts left in the window after this one (the fewest across the rules checked); 0 when denied. */
  remaining: number;
  /** When denied, whole seconds until an attempt would be allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

const SCRIPT_SHA = createHash('sha1').update(SLIDING_WINDOW_SCRIPT).digest('hex');

/**
 * Attempt counting shared by every instance of a service, in Redis (see sliding-window.lua.ts for the
 * algorithm). Keys are `<prefix>:rate:<rule>:<first 32 hex of SHA-256(subject)>`, so emails and IPs
 * never appear in Redis keys. Subjects are used as given: normalize emails before passing them.
 * A Redis failure rejects the call (fail closed), so the limit cannot be bypassed by an outage.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  consume(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
    return this.consumeAll([{ rule, subject }]);
  }

  /** Counts one attempt against every check, or against none when any is exhausted: the first denial wins. */
  async consumeAll(checks: readonly RateLimitCheck[]): Promise<RateLimitResult> {
    if (checks.length === 0) throw new RangeError('rate-limit: nothing to check');
    checks.forEach(({ rule }) => validate(rule));
    const keys = checks.map(({ rule, subject }) => this.key(rule, subject));
    const args = [randomUUID(), ...checks.flatMap(({ rule }) => [rule.limit, rule.windowSeconds * 1000])];
    const [allowed, value, waitMs] = (await this.run(keys, args)) as [number, number, number];
    if (allowed === 1) return { allowed: true, remaining: value, retryAfterSeconds: 0 };
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /**
   * Like consume (one rule and subject) or consumeAll (a list), but resolves to nothing and throws a
   * RATE_LIMITED DomainError when denied, which the HTTP filter answers with 429 and Retry-After.
   */
  enforce(checks: readonly RateLimitCheck[]): Promise<void>;
  enforce(rule: RateLimitRule, subject: string): Promise<void>;
  async enforce(first: readonly RateLimitCheck[] | RateLimitRule, subject?: string): Promise<void> {
    const checks = isCheckList(first) ? first : [{ rule: first, subject: subject ?? '' }];
    const { allowed, retryAfterSeconds: seconds } = await this.consumeAll(checks);
    if (allowed) return;
    throw new DomainError(
      CommonErrorCode.RateLimited,
      'rate_limited',
      `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      { retryAfterSeconds: seconds },
    );
  }

  /** Forgets every attempt of the subject under the rule (e.g. failed sign-ins after a success). */
  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.redis.del(this.key(rule, subject));
  }

  key(rule: RateLimitRule, subject: string): string {
    const digest = createHash('sha256').update(subject, 'utf8').digest('hex').slice(0, 32);
    return `${this.prefix}:rate:${rule.name}:${digest}`;
  }

  /** EVALSHA, loading the script with EVAL only when this Redis has not seen it yet. */
  private async run(keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await this.redis.evalsha(SCRIPT_SHA, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(SLIDING_WINDOW_SCRIPT, keys.length, ...keys, ...args);
    }
  }
}

function isCheckList(value: readonly RateLimitCheck[] | RateLimitRule): value is readonly RateLimitCheck[] {
  return Array.isArray(value);
}

function validate(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new RangeError(`rate-limit ${rule.name}: limit must be a positive integer`);
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new RangeError(`rate-limit ${rule.name}: windowSeconds must be a positive integer`);
  }
  if (!/^[\w:.-]+$/.test(rule.name)) throw new RangeError(`rate-limit: rule name ${JSON.stringify(rule.name)} is not key-safe`);
}
