import { DomainError, isDomainError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code and kind', () => {
    const error = new DomainError('MEETING_LOCKED', 'conflict', 'The meeting is locked');
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'MEETING_LOCKED', kind: 'conflict', message: 'The meeting is locked' });
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
