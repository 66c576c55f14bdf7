import { DomainError } from '@confer/shared/util';
import { connectError, toChatError } from './socket-errors';

describe('socket errors', () => {
  it('keeps a domain error’s code and message, with what the client needs to react', () => {
    const limited = new DomainError('RATE_LIMITED', 'rate_limited', 'Too many attempts. Try again in 3 seconds.', { retryAfterSeconds: 3 });
    expect(toChatError(limited, 'chat:send', 'c1')).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Try again in 3 seconds.',
      event: 'chat:send',
      clientId: 'c1',
      retryAfterSeconds: 3,
    });
    const invalid = new DomainError('VALIDATION_FAILED', 'invalid', 'The payload is not valid.', { fields: [{ field: 'x', problems: ['no'] }] });
    expect(toChatError(invalid, 'chat:edit').details).toEqual({ fields: [{ field: 'x', problems: ['no'] }] });
  });

  it('says nothing about unexpected failures', () => {
    expect(toChatError(new Error('connection terminated: password=hunter2'), 'chat:sync')).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on our side.',
      event: 'chat:sync',
    });
  });

  it('tells a client to come back when every database connection is busy', () => {
    expect(toChatError(new Error('timeout exceeded when trying to connect'), 'chat:send', 'c2')).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is busy. Try again in a moment.',
      event: 'chat:send',
      clientId: 'c2',
      retryAfterSeconds: 1,
    });
  });

  it('puts the code of a refused handshake where socket.io clients find it', () => {
    const error = connectError({ code: 'CHAT_NOT_FOUND', message: 'There is no such meeting chat.', event: 'chat:send' });
    expect(error.message).toBe('There is no such meeting chat.');
    expect(error.data).toEqual({ code: 'CHAT_NOT_FOUND', message: 'There is no such meeting chat.' });
  });
});
