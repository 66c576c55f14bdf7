import { authenticatorCode } from './authenticator';

/** The journeys' stand-in for an authenticator app must itself be right, or a failing sign-in would mislead. */
describe('authenticatorCode', () => {
  it('matches the RFC 6238 SHA-1 test vectors (last six digits)', () => {
    // The RFC's secret is ASCII "12345678901234567890"; in base32 that is GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(authenticatorCode(secret, Math.floor(59 / 30))).toBe('287082');
    expect(authenticatorCode(secret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(authenticatorCode(secret, Math.floor(2000000000 / 30))).toBe('279037');
  });
});
