import type Redis from 'ioredis';
import { DomainError } from '@confer/shared/util';
import { RateLimiter, type RateLimitRule } from './rate-limiter';

const SIGN_IN: RateLimitRule = { name: 'sign-in:account', limit: 5, windowSeconds: 900 };
const PER_IP: RateLimitRule = { name: 'sign-in:ip', limit: 20, windowSeconds: 60 };

/** Records the calls the limiter makes and answers with the script results it is given. */
class FakeRedis {
  readonly calls: Array<{ command: string; args: unknown[] }> = [];
  loaded = true;
  constructor(private readonly replies: unknown[][] = []) {}

  async evalsha(...args: unknown[]): Promise<unknown> {
    this.calls.push({ command: 'evalsha', args });
    if (!this.loaded) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    return this.replies.shift();
  }

  async eval(...args: unknown[]): Promise<unknown> {
    this.calls.push({ command: 'eval', args });
    this.loaded = true;
    return this.replies.shift();
  }

  async del(...keys: string[]): Promise<number> {
    this.calls.push({ command: 'del', args: keys });
    return 1;
  }
}

function limiter(fake: FakeRedis): RateLimiter {
  return new RateLimiter(fake as unknown as Redis, 'confer');
}

describe('RateLimiter', () => {
  it('keys each rule and subject by a hash, so no email reaches Redis', async () => {
    const fake = new FakeRedis([[1, 4, 0]]);
    await limiter(fake).consume(SIGN_IN, 'ada@example.com');
    const [sha, numKeys, key, nonce, limit, windowMs] = fake.calls[0].args;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(numKeys).toBe(1);
    expect(key).toMatch(/^confer:rate:sign-in:account:[0-9a-f]{32}$/);
    expect(String(key)).not.toContain('ada');
    expect(typeof nonce).toBe('string');
    expect([limit, windowMs]).toEqual([5, 900_000]);
    expect(limiter(fake).key(SIGN_IN, 'ada@example.com')).toBe(key);
    expect(limiter(fake).key(SIGN_IN, 'bob@example.com')).not.toBe(key);
    expect(limiter(fake).key(PER_IP, 'ada@example.com')).not.toBe(key);
  });

  it('reports what is left when allowed and whole seconds to wait when denied', async () => {
    const fake = new FakeRedis([[1, 4, 0], [0, 1, 12_001]]);
    expect(await limiter(fake).consume(SIGN_IN, 'a')).toEqual({ allowed: true, remaining: 4, retryAfterSeconds: 0 });
    expect(await limiter(fake).consume(SIGN_IN, 'a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 13 });
  });

  it('never tells a denied caller to retry in 0 seconds', async () => {
    const fake = new FakeRedis([[0, 1, 0]]);
    expect((await limiter(fake).consume(SIGN_IN, 'a')).retryAfterSeconds).toBe(1);
  });

  it('checks several rules in one script call', async () => {
    const fake = new FakeRedis([[1, 2, 0]]);
    const result = await limiter(fake).consumeAll([
      { rule: SIGN_IN, subject: 'ada@example.com' },
      { rule: PER_IP, subject: '203.0.113.7' },
    ]);
    expect(result).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    const [, numKeys, , , , limitA, windowA, limitB, windowB] = fake.calls[0].args;
    expect(numKeys).toBe(2);
    expect([limitA, windowA, limitB, windowB]).toEqual([5, 900_000, 20, 60_000]);
  });

  it('loads the script with EVAL when Redis does not know it yet', async () => {
    const fake = new FakeRedis([[1, 4, 0]]);
    fake.loaded = false;
    expect((await limiter(fake).consume(SIGN_IN, 'a')).allowed).toBe(true);
    expect(fake.calls.map((call) => call.command)).toEqual(['evalsha', 'eval']);
    expect(String(fake.calls[1].args[0])).toContain('ZREMRANGEBYSCORE');
  });

  it('lets other Redis errors through, so an outage does not open the gate', async () => {
    const fake = new FakeRedis();
    fake.evalsha = async () => {
      throw new Error('Connection is closed.');
    };
    await expect(limiter(fake).consume(SIGN_IN, 'a')).rejects.toThrow('Connection is closed.');
  });

  it('enforce passes quietly when allowed and throws RATE_LIMITED with the seconds to wait when denied', async () => {
    const fake = new FakeRedis([[1, 0, 0], [0, 1, 30_000], [0, 2, 900]]);
    await expect(limiter(fake).enforce(SIGN_IN, 'a')).resolves.toBeUndefined();
    const error = await limiter(fake).enforce(SIGN_IN, 'a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      kind: 'rate_limited',
      message: 'Too many attempts. Try again in 30 seconds.',
      details: { retryAfterSeconds: 30 },
    });
    const both = [
      { rule: PER_IP, subject: '203.0.113.7' },
      { rule: SIGN_IN, subject: 'a' },
    ];
    await expect(limiter(fake).enforce(both)).rejects.toThrow('Try again in 1 second.');
    expect(fake.calls[2].args[1]).toBe(2);
  });

  it('reset deletes the key of that rule and subject only', async () => {
    const fake = new FakeRedis();
    await limiter(fake).reset(SIGN_IN, 'ada@example.com');
    expect(fake.calls).toEqual([{ command: 'del', args: [limiter(fake).key(SIGN_IN, 'ada@example.com')] }]);
  });

  it('refuses rules that could not limit anything', async () => {
    const fake = new FakeRedis();
    await expect(limiter(fake).consume({ ...SIGN_IN, limit: 0 }, 'a')).rejects.toThrow(RangeError);
    await expect(limiter(fake).consume({ ...SIGN_IN, windowSeconds: 0.5 }, 'a')).rejects.toThrow(RangeError);
    await expect(limiter(fake).consume({ ...SIGN_IN, name: 'sign in' }, 'a')).rejects.toThrow(RangeError);
    await expect(limiter(fake).consumeAll([])).rejects.toThrow(RangeError);
    expect(fake.calls).toEqual([]);
  });
});
