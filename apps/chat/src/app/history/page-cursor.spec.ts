import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
  });

  it('refuses anything it did not make', () => {
    for (const bad of ['', 'not base64!', Buffer.from('[0]').toString('base64url'), Buffer.from('["1"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'CURSOR_INVALID' }));
    }
  });
});
