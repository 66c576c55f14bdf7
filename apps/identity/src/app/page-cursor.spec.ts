import { DomainError } from '@confer/shared/util';
import { decodeCursor, encodeCursor, isNameKey } from './page-cursor';

describe('page cursors', () => {
  const id = '0b9c6f0e-3c1a-4d2e-9f00-7a1b2c3d4e5f';

  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(['ada lovelace', id]), isNameKey)).toEqual(['ada lovelace', id]);
  });

  it('refuses anything that is not a key of the expected shape', () => {
    for (const bad of ['', 'not base64 json', encodeCursor(['ada']), encodeCursor([1, id]), encodeCursor(['ada', 'not-a-uuid']), Buffer.from('{').toString('base64url')]) {
      expect(() => decodeCursor(bad, isNameKey)).toThrow(DomainError);
    }
  });
});
