import type { ChatAccess } from '@confer/meetings/contracts';
import { liveRefusal, mayBeLive, mayDeleteAny, mayRead, writeRefusal } from './chat-policy';

function access(meeting: Partial<ChatAccess['meeting']> = {}, participant: Partial<ChatAccess['participant']> = {}): ChatAccess {
  return {
    meeting: { id: 'm1', code: 'abc-defg-hij', status: 'live', allowChat: true, ...meeting },
    participant: { identity: 'u1', userId: 'u1', displayName: 'Ann', role: 'participant', status: 'admitted', everAdmitted: true, ...participant },
  };
}

describe('chat policy', () => {
  it('lets participants admitted at some point read the history, during and after the meeting, unless removed', () => {
    expect(mayRead(access())).toBe(true);
    expect(mayRead(access({ status: 'ended' }, { status: 'left' }))).toBe(true);
    expect(mayRead(access({}, { status: 'removed' }))).toBe(false);
    expect(mayRead(access({}, { status: 'waiting', everAdmitted: false }))).toBe(false);
    expect(mayRead(access({}, { status: 'denied', everAdmitted: false }))).toBe(false);
    expect(mayRead(null)).toBe(false);
  });

  it('lets into the live chat those in the meeting now, and those briefly gone from a live one', () => {
    expect(mayBeLive(access())).toBe(true);
    expect(mayBeLive(access({ status: 'scheduled' }))).toBe(true);
    expect(mayBeLive(access({ status: 'live' }, { status: 'left' }))).toBe(true);
    expect(mayBeLive(access({ status: 'scheduled' }, { status: 'left' }))).toBe(false);
    expect(mayBeLive(access({ status: 'ended' }, { status: 'admitted' }))).toBe(false);
    expect(mayBeLive(access({ status: 'cancelled' }))).toBe(false);
    expect(mayBeLive(access({}, { status: 'waiting', everAdmitted: true }))).toBe(false);
  });

  it('answers outsiders as if there were no such chat, and past participants that it is not live', () => {
    expect(liveRefusal(null)?.code).toBe('CHAT_NOT_FOUND');
    expect(liveRefusal(access({}, { status: 'removed' }))?.code).toBe('CHAT_NOT_FOUND');
    expect(liveRefusal(access({ status: 'ended' }, { status: 'left' }))?.code).toBe('CHAT_NOT_LIVE');
    expect(liveRefusal(access())).toBeUndefined();
  });

  it('keeps hosts and co-hosts writing when chat is off, and lets them delete any message', () => {
    expect(writeRefusal(false, 'participant')?.code).toBe('CHAT_DISABLED');
    expect(writeRefusal(false, 'co-host')).toBeUndefined();
    expect(writeRefusal(false, 'host')).toBeUndefined();
    expect(writeRefusal(true, 'participant')).toBeUndefined();
    expect(mayDeleteAny('participant')).toBe(false);
    expect(mayDeleteAny('co-host')).toBe(true);
  });
});
