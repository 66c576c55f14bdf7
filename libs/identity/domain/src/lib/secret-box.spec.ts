import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);
  const secret = Buffer.from('12345678901234567890');

  it('opens what it sealed', () => {
    const sealed = sealSecret(key, secret);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(openSecret(key, sealed).equals(secret)).toBe(true);
  });

  it('never seals the same secret to the same string', () => {
    expect(sealSecret(key, secret)).not.toBe(sealSecret(key, secret));
  });

  it('refuses to open with another key', () => {
    expect(() => openSecret(randomBytes(32), sealSecret(key, secret))).toThrow('altered or the key is wrong');
  });

  it('refuses a sealed string with any part altered', () => {
    const parts = sealSecret(key, secret).split('.');
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index], 'base64url');
      bytes[0] ^= 1;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString('base64url') : part)).join('.');
      expect(() => openSecret(key, tampered)).toThrow('secret-box');
    }
  });

  it('refuses strings of another shape or version and keys of the wrong size', () => {
    const sealed = sealSecret(key, secret);
    expect(() => openSecret(key, sealed.replace(/^v1/, 'v2'))).toThrow('not a v1');
    expect(() => openSecret(key, 'v1.abc')).toThrow('not a v1');
    expect(() => openSecret(key, `${sealed}.x`)).toThrow('not a v1');
    expect(() => openSecret(key, sealed.replace(/\.[^.]+$/, '.a+b/'))).toThrow('malformed');
    expect(() => sealSecret(randomBytes(16), secret)).toThrow(RangeError);
  });
});
