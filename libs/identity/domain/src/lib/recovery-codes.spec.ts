import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct codes shaped xxxx-xxxx-xx from the unambiguous alphabet by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{2}$/);
  });

  it('makes as many as asked', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
  });

  it('uses all 32 symbols, so each code carries 50 bits', () => {
    const used = new Set(generateRecoveryCodes(200).join('').replace(/-/g, ''));
    expect(used.size).toBe(32);
  });

  it('ignores case, spaces and dashes, and reads o, i and l as 0 and 1', () => {
    expect(normalizeRecoveryCode(' AB12-CD34-EF ')).toBe('ab12cd34ef');
    expect(normalizeRecoveryCode('ab12 cd34 ef')).toBe('ab12cd34ef');
    expect(normalizeRecoveryCode('oOiL-0000-11')).toBe('0011000011');
  });

  it('hashes the normalized code as hex SHA-256, so any typing of it finds the same row', () => {
    const [code] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code.toUpperCase().replace(/-/g, ' '))).toBe(hash);
    expect(hashRecoveryCode(generateRecoveryCodes(1)[0])).not.toBe(hash);
  });
});
