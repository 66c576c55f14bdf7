import type { ChatAccess } from '@confer/meetings/contracts';
import type { RpcClient } from '@confer/shared/server/events';
import { MeetingAccessClient } from './meeting-access.client';

const ACCESS = { meeting: { code: 'abc-defg-hij' }, participant: { identity: 'u1' } } as ChatAccess;

describe('MeetingAccessClient', () => {
  let now = 1_000;
  let answers: Array<ChatAccess | null>;
  const call = jest.fn(async () => answers.shift() ?? null);
  const client = () => new MeetingAccessClient({ call } as unknown as RpcClient, { CHAT_ACCESS_CACHE_MS: 5000 }, () => now);

  beforeEach(() => {
    now = 1_000;
    answers = [];
    call.mockClear();
  });

  it('asks meetings once per person and meeting within the cache time, then again', async () => {
    answers = [ACCESS, ACCESS];
    const access = client();
    await expect(access.get('abc-defg-hij', { userId: 'u1' })).resolves.toBe(ACCESS);
    await access.get('abc-defg-hij', { userId: 'u1' });
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('meetings.chatAccess', { code: 'abc-defg-hij', userId: 'u1' });
    now += 5_000;
    await access.get('abc-defg-hij', { userId: 'u1' });
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not keep a "not a participant" answer, nor a failure', async () => {
    const access = client();
    await expect(access.get('abc-defg-hij', { ticket: 't' })).resolves.toBeNull();
    answers = [ACCESS];
    await expect(access.get('abc-defg-hij', { ticket: 't' })).resolves.toBe(ACCESS);
    call.mockRejectedValueOnce(new Error('down'));
    await expect(access.get('abc-defg-hij', { identity: 'x' })).rejects.toThrow('down');
    answers = [ACCESS];
    await expect(access.get('abc-defg-hij', { identity: 'x' })).resolves.toBe(ACCESS);
  });

  it('forgets one meeting at once', async () => {
    answers = [ACCESS, ACCESS, ACCESS];
    const access = client();
    await access.get('abc-defg-hij', { userId: 'u1' });
    await access.get('zzz-zzzz-zzz', { userId: 'u1' });
    access.forget('abc-defg-hij');
    await access.get('abc-defg-hij', { userId: 'u1' });
    await access.get('zzz-zzzz-zzz', { userId: 'u1' });
    expect(call).toHaveBeenCalledTimes(3);
  });
});
