import { parseRevocationMessage, toRevocation } from './parse-revocation';

describe('parseRevocationMessage', () => {
  it('reads both kinds', () => {
    expect(parseRevocationMessage('{"kind":"sessions","userId":"u1","sessionIds":["s1"],"reason":"sign_out","at":1}')).toEqual({
      kind: 'sessions',
      userId: 'u1',
      sessionIds: ['s1'],
      reason: 'sign_out',
      at: 1,
    });
    expect(parseRevocationMessage('{"kind":"user","userId":"u1","notBefore":5,"reason":"password_reset","at":5}')).toMatchObject({
      kind: 'user',
      notBefore: 5,
    });
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"kind":"sessions","userId":"u1","sessionIds":"s1"}',
    '{"kind":"sessions","userId":"u1","sessionIds":[1]}',
    '{"kind":"user","userId":"u1","notBefore":"yesterday"}',
    '{"kind":"user","notBefore":5}',
    '{"kind":"everyone","userId":"u1"}',
    `{"kind":"sessions","userId":"u1","sessionIds":["${'x'.repeat(70_000)}"]}`,
  ])('ignores %s', (message) => {
    expect(parseRevocationMessage(message)).toBeUndefined();
  });

  it('keeps a revocation whose reason it does not know', () => {
    expect(toRevocation({ kind: 'user', userId: 'u1', notBefore: 5, reason: 'new_reason', at: 5 })).toMatchObject({ kind: 'user' });
  });
});
