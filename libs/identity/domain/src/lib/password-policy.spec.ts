import { COMMON_PASSWORDS } from './common-passwords';
import { checkPassword } from './password-policy';

describe('checkPassword', () => {
  it('accepts a long enough uncommon password with no composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
    expect(checkPassword('all lower case words')).toBeNull();
  });

  it('refuses fewer than 8 and more than 128 characters', () => {
    expect(checkPassword('')).toBe('PASSWORD_TOO_SHORT');
    expect(checkPassword('x7#kQ2p')).toBe('PASSWORD_TOO_SHORT');
    expect(checkPassword('x7#kQ2pz')).toBeNull();
    expect(checkPassword('z'.repeat(128))).toBeNull();
    expect(checkPassword('z'.repeat(129))).toBe('PASSWORD_TOO_LONG');
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    expect(checkPassword('🔑🔑🔑🔑🔑🔑🔑')).toBe('PASSWORD_TOO_SHORT'); // 7 emoji, 14 UTF-16 units
    expect(checkPassword('🔑'.repeat(128))).toBeNull();
    expect(checkPassword('🔑'.repeat(129))).toBe('PASSWORD_TOO_LONG');
  });

  it('refuses passwords on the common list whatever their case', () => {
    expect(checkPassword('password')).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('PassWord')).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('1qaz2wsx')).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('Trustno1')).toBe('PASSWORD_TOO_COMMON');
  });

  it('ships about 10,000 listed passwords of 8 or more characters', () => {
    const list = COMMON_PASSWORDS.split('\n');
    expect(list).toHaveLength(10000);
    expect(list.every((word) => [...word].length >= 8 && word === word.toLowerCase())).toBe(true);
    expect(checkPassword(list[list.length - 1])).toBe('PASSWORD_TOO_COMMON');
  });

  it('refuses the account’s email, its local part and its display name', () => {
    const context = { email: 'Ada.Lovelace@example.com', displayName: 'Ada Lovelace' };
    expect(checkPassword('ada.lovelace@example.com', context)).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('ADA.LOVELACE', context)).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('ada lovelace', context)).toBe('PASSWORD_TOO_COMMON');
    expect(checkPassword('ada.lovelace!', context)).toBeNull();
  });
});
