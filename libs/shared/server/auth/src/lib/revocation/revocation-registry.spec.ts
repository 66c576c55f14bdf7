import { ACCESS_TOKEN, type Revocation } from '@confer/shared/contracts';
import { RevocationRegistry } from './revocation-registry';
import { revokes } from './revokes';

const T0 = 1_700_000_000;

function clock(start = T0) {
  let seconds = start;
  return { now: () => seconds * 1000, advance: (by: number) => (seconds += by) };
}

const signOut: Revocation = { kind: 'sessions', userId: 'u1', sessionIds: ['s1', 's2'], reason: 'sign_out', at: T0 };
const everywhere: Revocation = { kind: 'user', userId: 'u1', notBefore: T0, reason: 'sign_out_everywhere', at: T0 };

describe('RevocationRegistry', () => {
  it('revokes the listed sessions only', () => {
    const registry = new RevocationRegistry(clock());
    registry.apply(signOut);
    expect(registry.isRevoked({ sub: 'u1', sid: 's2', iat: T0 + 100 })).toBe(true);
    expect(registry.isRevoked({ sub: 'u1', sid: 's3', iat: T0 - 100 })).toBe(false);
  });

  it('revokes a user’s tokens issued at or before notBefore', () => {
    const registry = new RevocationRegistry(clock());
    registry.apply(everywhere);
    expect(registry.isRevoked({ sub: 'u1', sid: 'any', iat: T0 })).toBe(true);
    expect(registry.isRevoked({ sub: 'u1', sid: 'any', iat: T0 + 1 })).toBe(false);
    expect(registry.isRevoked({ sub: 'u2', sid: 'any', iat: T0 - 1 })).toBe(false);
  });

  it('keeps the latest notBefore of a user', () => {
    const registry = new RevocationRegistry(clock());
    registry.apply({ ...everywhere, notBefore: T0 + 50 });
    expect(registry.apply(everywhere)).toBe(false);
    expect(registry.isRevoked({ sub: 'u1', sid: 'x', iat: T0 + 50 })).toBe(true);
  });

  it('tells handlers about new revocations only, until they unsubscribe', () => {
    const registry = new RevocationRegistry(clock());
    const handler = jest.fn();
    const unsubscribe = registry.onRevoked(handler);
    registry.apply(signOut);
    registry.apply(signOut);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(signOut);
    unsubscribe();
    registry.apply(everywhere);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('keeps notifying the other handlers when one throws', () => {
    const logger = { info: jest.fn(), warn: jest.fn() };
    const registry = new RevocationRegistry({ ...clock(), logger });
    const second = jest.fn();
    registry.onRevoked(() => {
      throw new Error('boom');
    });
    registry.onRevoked(second);
    registry.apply(signOut);
    expect(second).toHaveBeenCalledWith(signOut);
    expect(logger.warn).toHaveBeenCalled();
  });

  it('prunes entries once every token they could revoke has expired', () => {
    const time = clock();
    const registry = new RevocationRegistry(time);
    registry.apply(signOut);
    registry.apply(everywhere);
    expect(registry.size).toBe(3);
    time.advance(ACCESS_TOKEN.maxTtlSeconds);
    registry.prune();
    expect(registry.size).toBe(3);
    time.advance(120);
    registry.prune();
    expect(registry.size).toBe(0);
    expect(registry.isRevoked({ sub: 'u1', sid: 's1', iat: T0 - 1 })).toBe(false);
  });

  it('prunes by itself as revocations keep arriving', () => {
    const time = clock();
    const registry = new RevocationRegistry(time);
    registry.apply(signOut);
    time.advance(ACCESS_TOKEN.maxTtlSeconds + 120);
    registry.apply({ ...signOut, sessionIds: ['s9'] });
    expect(registry.size).toBe(1);
  });

  it('keeps a user entry for a token lifetime after a future notBefore', () => {
    const time = clock();
    const registry = new RevocationRegistry(time);
    registry.apply({ ...everywhere, notBefore: T0 + 600 });
    time.advance(ACCESS_TOKEN.maxTtlSeconds + 120);
    registry.prune();
    expect(registry.isRevoked({ sub: 'u1', sid: 'x', iat: T0 + 500 })).toBe(true);
  });
});

describe('revokes', () => {
  it('matches a revocation against one token’s claims', () => {
    expect(revokes(signOut, { sub: 'u1', sid: 's1', iat: T0 })).toBe(true);
    expect(revokes(signOut, { sub: 'u1', sid: 's9', iat: T0 })).toBe(false);
    expect(revokes(everywhere, { sub: 'u1', sid: 's9', iat: T0 })).toBe(true);
    expect(revokes(everywhere, { sub: 'u1', sid: 's9', iat: T0 + 1 })).toBe(false);
  });
});
