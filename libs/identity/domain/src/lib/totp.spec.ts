import { base32Decode } from './base32';
import { generateTotpSecret, otpauthUri, totpCode, totpStep, verifyTotp } from './totp';

const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('totpCode', () => {
  // RFC 6238 Appendix B, SHA1 column.
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 vector at T=%i', (seconds, expected) => {
    expect(totpCode(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(expected);
  });

  it('gives 6 digits by default, the last 6 of the 8-digit value', () => {
    expect(totpCode(RFC_SECRET, totpStep(59_000))).toBe('287082');
  });

  it('refuses a negative step or an unsupported digit count', () => {
    expect(() => totpCode(RFC_SECRET, -1)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 1, 9)).toThrow(RangeError);
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const nowMs = 1_700_000_000_000;
  const now = totpStep(nowMs);

  it('makes 20-byte random secrets', () => {
    expect(secret).toHaveLength(20);
    expect(generateTotpSecret().equals(secret)).toBe(false);
  });

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, totpCode(secret, now), { nowMs })).toEqual({ ok: true, step: now });
  });

  it('accepts codes one step either side by default, but not two', () => {
    expect(verifyTotp(secret, totpCode(secret, now - 1), { nowMs })).toEqual({ ok: true, step: now - 1 });
    expect(verifyTotp(secret, totpCode(secret, now + 1), { nowMs })).toEqual({ ok: true, step: now + 1 });
    expect(verifyTotp(secret, totpCode(secret, now - 2), { nowMs })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, now + 2), { nowMs, window: 0 })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, now - 2), { nowMs, window: 2 })).toEqual({ ok: true, step: now - 2 });
  });

  it('accepts each code only once: the used step and any earlier one are refused', () => {
    const code = totpCode(secret, now);
    const first = verifyTotp(secret, code, { nowMs });
    expect(first).toEqual({ ok: true, step: now });
    expect(verifyTotp(secret, code, { nowMs, lastUsedStep: now })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, now - 1), { nowMs, lastUsedStep: now })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, now + 1), { nowMs, lastUsedStep: now })).toEqual({ ok: true, step: now + 1 });
  });

  it('rejects a wrong code and anything that is not six digits', () => {
    const right = totpCode(secret, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, { nowMs, window: 0 })).toEqual({ ok: false });
    for (const bad of ['', '12345', '1234567', 'abcdef', `${right}0`, '12345a']) {
      expect(verifyTotp(secret, bad, { nowMs })).toEqual({ ok: false });
    }
  });

  it('tolerates the space authenticator apps show in the middle', () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { nowMs })).toEqual({ ok: true, step: now });
  });
});

describe('otpauthUri', () => {
  it('builds the Key Uri Format with the label and issuer encoded', () => {
    const uri = otpauthUri({ issuer: 'Confer', account: 'ada+mfa@example.com', secret: RFC_SECRET });
    expect(uri).toBe(
      'otpauth://totp/Confer:ada%2Bmfa%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Confer&algorithm=SHA1&digits=6&period=30',
    );
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe('Confer');
    expect(base32Decode(parsed.searchParams.get('secret') ?? '').equals(RFC_SECRET)).toBe(true);
  });

  it('keeps spaces and colons in an account from breaking the label', () => {
    expect(otpauthUri({ issuer: 'Confer', account: 'a b:c', secret: RFC_SECRET })).toContain('/Confer:a%20b%3Ac?');
  });
});
