import { hashPasscode, isAcceptablePasscode, verifyPasscode } from './passcode';

describe('meeting passcodes', () => {
  it('verifies the passcode that was hashed and nothing else', async () => {
    const stored = await hashPasscode('Tea4Two');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('Tea4Two');
    await expect(verifyPasscode('Tea4Two', stored)).resolves.toBe(true);
    await expect(verifyPasscode('tea4two', stored)).resolves.toBe(false);
    await expect(verifyPasscode('', stored)).resolves.toBe(false);
  });

  it('salts each hash and refuses malformed ones', async () => {
    expect(await hashPasscode('123456')).not.toBe(await hashPasscode('123456'));
    await expect(verifyPasscode('123456', 'plain$123456')).resolves.toBe(false);
  });

  it('accepts 4 to 32 letters and digits', () => {
    expect(isAcceptablePasscode('1234')).toBe(true);
    expect(isAcceptablePasscode('123')).toBe(false);
    expect(isAcceptablePasscode('pass code')).toBe(false);
    expect(isAcceptablePasscode('a'.repeat(33))).toBe(false);
  });
});
