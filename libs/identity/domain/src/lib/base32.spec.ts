import { base32Decode, base32Encode } from './base32';

// RFC 4648 section 10 test vectors, padding removed.
const VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('base32', () => {
  it.each(VECTORS)('encodes %j as %s without padding', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
  });

  it.each(VECTORS)('decodes %j back from %s', (plain, encoded) => {
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('accepts lower case, spaces and padding as people type and paste them', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(base32Decode('MZXQ====').toString()).toBe('fo');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow('invalid character');
    expect(() => base32Decode('MZ=XW')).toThrow('invalid character');
    expect(() => base32Decode('MZXW6!')).toThrow('invalid character');
  });

  it('rejects a length no byte string encodes to', () => {
    expect(() => base32Decode('M')).toThrow('invalid length');
  });

  it('round-trips random bytes of every length up to 40', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });
});
