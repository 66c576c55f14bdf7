import { hashOpaqueToken, newOpaqueToken, safeEqualHex } from './opaque-token';

describe('opaque tokens', () => {
  it('are base64url strings of 32 random bytes by default', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newOpaqueToken()).not.toBe(token);
    expect(Buffer.from(newOpaqueToken(48), 'base64url')).toHaveLength(48);
  });

  it('refuses to make a token too short to be unguessable', () => {
    expect(() => newOpaqueToken(8)).toThrow(RangeError);
  });

  it('hash to hex SHA-256', () => {
    expect(hashOpaqueToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newOpaqueToken();
    expect(hashOpaqueToken(token)).toBe(hashOpaqueToken(token));
    expect(hashOpaqueToken(token)).not.toBe(hashOpaqueToken(newOpaqueToken()));
  });
});

describe('safeEqualHex', () => {
  const hash = hashOpaqueToken('abc');

  it('says whether two hex strings are equal, ignoring hex case', () => {
    expect(safeEqualHex(hash, hash)).toBe(true);
    expect(safeEqualHex(hash, hash.toUpperCase())).toBe(true);
    expect(safeEqualHex(hash, hashOpaqueToken('abd'))).toBe(false);
  });

  it('is false for different lengths and for non-hex input', () => {
    expect(safeEqualHex(hash, hash.slice(0, 62))).toBe(false);
    expect(safeEqualHex('zz', 'zz')).toBe(false);
    expect(safeEqualHex('abc', 'abc')).toBe(false);
  });
});
