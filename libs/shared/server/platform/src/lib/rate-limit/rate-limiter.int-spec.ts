import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startRedisServer, type RedisServerHandle } from '@confer/shared/server/devstack';
import { RateLimiter, type RateLimitRule } from './rate-limiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RateLimiter against a real Redis', () => {
  let dir: string;
  let server: RedisServerHandle;
  let redis: Redis;
  let limiter: RateLimiter;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confer-rate-limit-'));
    server = await startRedisServer(join(dir, 'redis'));
    redis = new Redis(server.url);
    limiter = new RateLimiter(redis, 'confer-test');
  });

  afterAll(async () => {
    await redis?.quit();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const rule = (name: string, limit: number, windowSeconds: number): RateLimitRule => ({ name, limit, windowSeconds });

  it('allows `limit` attempts, then denies with a wait within the window', async () => {
    const signIn = rule('sign-in', 3, 60);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await limiter.consume(signIn, 'ada@example.com'));
    expect(seen.slice(0, 3)).toEqual([
      { allowed: true, remaining: 2, retryAfterSeconds: 0 },
      { allowed: true, remaining: 1, retryAfterSeconds: 0 },
      { allowed: true, remaining: 0, retryAfterSeconds: 0 },
    ]);
    expect(seen[3].allowed).toBe(false);
    expect(seen[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(seen[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(limiter.enforce(signIn, 'ada@example.com')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps no email in Redis keys and only `limit` entries under one', async () => {
    const keys = await redis.keys('confer-test:rate:sign-in:*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('ada');
    expect(await redis.zcard(keys[0])).toBe(3);
    expect(await redis.pttl(keys[0])).toBeGreaterThan(0);
  });

  it('counts subjects and rules independently', async () => {
    const r = rule('independent', 1, 60);
    expect((await limiter.consume(r, 'a')).allowed).toBe(true);
    expect((await limiter.consume(r, 'a')).allowed).toBe(false);
    expect((await limiter.consume(r, 'b')).allowed).toBe(true);
    expect((await limiter.consume(rule('independent-2', 1, 60), 'a')).allowed).toBe(true);
  });

  it('records nothing anywhere when one of several rules denies', async () => {
    const account = rule('all-account', 1, 60);
    const ip = rule('all-ip', 5, 60);
    expect((await limiter.consumeAll([{ rule: account, subject: 'ada' }, { rule: ip, subject: '10.0.0.1' }])).remaining).toBe(0);
    const denied = await limiter.consumeAll([{ rule: ip, subject: '10.0.0.1' }, { rule: account, subject: 'ada' }]);
    expect(denied).toMatchObject({ allowed: false });
    expect(await limiter.consume(ip, '10.0.0.1')).toEqual({ allowed: true, remaining: 3, retryAfterSeconds: 0 });
  });

  it('reset lets the subject start again', async () => {
    const r = rule('reset', 2, 60);
    await limiter.consume(r, 'ada');
    await limiter.consume(r, 'ada');
    expect((await limiter.consume(r, 'ada')).allowed).toBe(false);
    await limiter.reset(r, 'ada');
    expect(await limiter.consume(r, 'ada')).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it('allows again once the window has slid past the oldest attempt', async () => {
    const r = rule('expiry', 2, 1);
    await limiter.consume(r, 'ada');
    await limiter.consume(r, 'ada');
    const denied = await limiter.consume(r, 'ada');
    expect(denied).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    await sleep(1100);
    expect(await limiter.consume(r, 'ada')).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it('loads the script again after Redis forgot it', async () => {
    await redis.script('FLUSH');
    expect((await limiter.consume(rule('flushed', 1, 60), 'ada')).allowed).toBe(true);
  });
});
