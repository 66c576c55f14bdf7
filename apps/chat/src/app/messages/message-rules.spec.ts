import { checkBody, checkEmoji, countCodePoints } from './message-rules';

describe('message rules', () => {
  it('takes any text verbatim, markup included, up to 4,000 characters (code points)', () => {
    expect(() => checkBody('<img src=x onerror=alert(1)> & "quotes" \n\t 🎉')).not.toThrow();
    expect(() => checkBody('😀'.repeat(4000))).not.toThrow();
    expect(countCodePoints('😀a')).toBe(2);
    expect(() => checkBody('a'.repeat(4001))).toThrow(expect.objectContaining({ code: 'MESSAGE_TOO_LONG' }));
  });

  it('refuses blank messages and characters Postgres would not store as sent', () => {
    for (const bad of ['', '   \n ', 'a\u0000b', 'lone \ud83d surrogate', 'reversed \ude00\ud83d']) {
      expect(() => checkBody(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('takes one emoji as a reaction, with skin tones, ZWJ sequences, flags and keycaps', () => {
    for (const emoji of ['👍', '❤️', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🇫🇷', '1️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🎉']) {
      expect(() => checkEmoji(emoji)).not.toThrow();
    }
  });

  it('refuses text, several emojis and markup as a reaction', () => {
    for (const bad of ['', 'a', ':)', '👍👍', '<b>', '👍 ', '🇫', 'x'.repeat(40)]) {
      expect(() => checkEmoji(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });
});
