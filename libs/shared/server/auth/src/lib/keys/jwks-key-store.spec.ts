import { generateKeyPairSync } from 'node:crypto';
import type { JwkSet, PublicJwk } from '@confer/shared/contracts';
import { createTestSigner } from '../testing/test-tokens';
import { JwksKeyStore } from './jwks-key-store';

const a = createTestSigner('key-a');
const b = createTestSigner('key-b');

function clock() {
  let ms = 1_000_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('JwksKeyStore', () => {
  afterEach(() => jest.useRealTimers());

  it('imports each key once and serves it by kid', async () => {
    const store = new JwksKeyStore(async () => ({ keys: [a.jwk, b.jwk] }));
    await store.refresh();
    const first = store.get('key-a');
    expect(first?.asymmetricKeyType).toBe('rsa');
    await store.refresh();
    expect(store.get('key-a')).toBe(first);
    expect(store.kids).toEqual(['key-a', 'key-b']);
  });

  it('accepts only RS256 RSA signing keys of at least 2048 bits', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const keys = [
      { ...a.jwk, kid: 'enc', use: 'enc' },
      { ...a.jwk, kid: 'hs', alg: 'HS256' },
      { ...a.jwk, kid: 'ec', kty: 'EC' },
      { ...small, kid: 'small', use: 'sig', alg: 'RS256' },
      { ...a.jwk, kid: 'broken', n: 'AA' },
      null,
      b.jwk,
    ] as unknown as PublicJwk[];
    const store = new JwksKeyStore(async () => ({ keys }));
    await store.refresh();
    expect(store.kids).toEqual(['key-b']);
  });

  it('refreshes for an unknown kid at most once per interval, sharing a load in flight', async () => {
    const time = clock();
    const loader = jest.fn(async (): Promise<JwkSet> => ({ keys: [a.jwk] }));
    const store = new JwksKeyStore(loader, { minRefreshIntervalMs: 30_000, now: time.now });
    const lookups = await Promise.all([store.resolve('key-a'), store.resolve('forged-1'), store.resolve('forged-2')]);
    expect(lookups[0]).toBeDefined();
    expect(loader).toHaveBeenCalledTimes(1);
    time.advance(29_000);
    await expect(store.resolve('forged-3')).resolves.toBeUndefined();
    expect(loader).toHaveBeenCalledTimes(1);
    time.advance(1_000);
    loader.mockResolvedValueOnce({ keys: [a.jwk, b.jwk] });
    await expect(store.resolve('key-b')).resolves.toBeDefined();
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('retries sooner while it holds no key at all', async () => {
    const time = clock();
    const loader = jest.fn(async (): Promise<JwkSet> => {
      throw new Error('identity is starting');
    });
    const store = new JwksKeyStore(loader, { minRefreshIntervalMs: 30_000, emptyRetryIntervalMs: 1_000, now: time.now });
    await expect(store.resolve('key-a')).resolves.toBeUndefined();
    await expect(store.resolve('key-a')).resolves.toBeUndefined();
    expect(loader).toHaveBeenCalledTimes(1);
    time.advance(1_000);
    loader.mockResolvedValueOnce({ keys: [a.jwk] });
    await expect(store.resolve('key-a')).resolves.toBeDefined();
  });

  it('keeps the keys it holds when a refresh fails or brings no usable key', async () => {
    const logger = { info: jest.fn(), warn: jest.fn() };
    const loader = jest.fn(async (): Promise<JwkSet> => ({ keys: [a.jwk] }));
    const store = new JwksKeyStore(loader, { logger });
    await store.refresh();
    loader.mockRejectedValueOnce(new Error('timeout'));
    await store.refresh();
    loader.mockResolvedValueOnce({ keys: [] });
    await store.refresh();
    expect(store.get('key-a')).toBeDefined();
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('drops a key identity no longer publishes', async () => {
    const loader = jest.fn(async (): Promise<JwkSet> => ({ keys: [a.jwk, b.jwk] }));
    const store = new JwksKeyStore(loader);
    await store.refresh();
    loader.mockResolvedValueOnce({ keys: [b.jwk] });
    await store.refresh();
    expect(store.kids).toEqual(['key-b']);
  });

  it('refreshes in the background until stopped', async () => {
    jest.useFakeTimers();
    const loader = jest.fn(async (): Promise<JwkSet> => ({ keys: [a.jwk] }));
    const store = new JwksKeyStore(loader, { refreshIntervalMs: 60_000 });
    store.start();
    expect(loader).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(loader).toHaveBeenCalledTimes(3);
    store.stop();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(loader).toHaveBeenCalledTimes(3);
  });
});
