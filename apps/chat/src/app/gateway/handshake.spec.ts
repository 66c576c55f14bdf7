import { originAllowed, parseHandshake } from './handshake';

const TICKET = 'A'.repeat(43);

describe('chat handshake', () => {
  it('takes a code with a token or a ticket', () => {
    expect(parseHandshake({ code: 'abc-defg-hij', token: 'aaa.bbb.ccc' })).toEqual({ code: 'abc-defg-hij', credential: { token: 'aaa.bbb.ccc' } });
    expect(parseHandshake({ code: 'abc-defg-hij', ticket: TICKET })).toEqual({ code: 'abc-defg-hij', credential: { ticket: TICKET } });
  });

  it('refuses anything else, unknown fields included', () => {
    for (const bad of [
      undefined,
      'abc',
      [],
      {},
      { code: 'abc-defg-hij' },
      { code: 'abc-defg-hij', token: 'a.b.c', ticket: TICKET },
      { code: 'abc-defg-hij', token: 'a.b.c', admin: true },
      { code: 'ABC-DEFG-HIJ', token: 'a.b.c' },
      { code: 'abc-defg-hij', token: 42 },
      { code: 'abc-defg-hij', token: 'has spaces' },
      { code: 'abc-defg-hij', ticket: 'short' },
    ]) {
      expect(() => parseHandshake(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('accepts only the configured origins', () => {
    const allowed = ['https://confer.example.org', 'http://127.0.0.1:8080'];
    expect(originAllowed('https://confer.example.org', allowed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8080', allowed)).toBe(true);
    expect(originAllowed('https://confer.example.org.evil.test', allowed)).toBe(false);
    expect(originAllowed('http://confer.example.org', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed(undefined, allowed)).toBe(false);
  });
});
