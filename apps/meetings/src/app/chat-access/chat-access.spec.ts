import { parseChatAccessRequest, toChatAccess, type ChatAccessRow } from './chat-access';

const USER = '0b6f8a52-6d3c-4f0e-9a51-2f1b3c4d5e6f';
const HOST = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function row(overrides: Partial<ChatAccessRow> = {}): ChatAccessRow {
  return {
    meeting_id: 'f3b1c2d4-0000-4000-8000-000000000001',
    code: 'abc-defg-hij',
    status: 'live',
    host_id: HOST,
    settings: {},
    identity: USER,
    user_id: USER,
    display_name: 'Ann',
    role: 'participant',
    participant_status: 'admitted',
    ever_admitted: true,
    ...overrides,
  };
}

describe('chat access (meetings side)', () => {
  it('takes a code and exactly one of user id, ticket or identity', () => {
    expect(parseChatAccessRequest({ code: 'abc-defg-hij', userId: USER })).toEqual({ code: 'abc-defg-hij', by: 'userId', value: USER });
    expect(parseChatAccessRequest({ code: 'abc-defg-hij', ticket: 'A'.repeat(43) })).toMatchObject({ by: 'ticket' });
    expect(parseChatAccessRequest({ code: 'abc-defg-hij', identity: `guest-${USER}` })).toMatchObject({ by: 'identity' });
    for (const bad of [
      {},
      null,
      { code: 'abc-defg-hij' },
      { code: 'ABC', userId: USER },
      { code: 'abc-defg-hij', userId: USER, ticket: 'A'.repeat(43) },
      { code: 'abc-defg-hij', userId: 'not-a-uuid' },
      { code: 'abc-defg-hij', ticket: 'short' },
      { code: 'abc-defg-hij', identity: "x' OR 1=1" },
    ]) {
      expect(() => parseChatAccessRequest(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('answers the facts, with allowChat from the settings over the defaults', () => {
    expect(toChatAccess(row())).toEqual({
      meeting: { id: 'f3b1c2d4-0000-4000-8000-000000000001', code: 'abc-defg-hij', status: 'live', allowChat: true },
      participant: { identity: USER, userId: USER, displayName: 'Ann', role: 'participant', status: 'admitted', everAdmitted: true },
    });
    expect(toChatAccess(row({ settings: { allowChat: false } })).meeting.allowChat).toBe(false);
  });

  it('makes the meeting’s host id the host, and a stale host row a participant, as the room controls do', () => {
    expect(toChatAccess(row({ user_id: HOST, identity: HOST })).participant.role).toBe('host');
    expect(toChatAccess(row({ role: 'host' })).participant.role).toBe('participant');
    expect(toChatAccess(row({ role: 'co-host' })).participant.role).toBe('co-host');
    expect(toChatAccess(row({ user_id: null, identity: `guest-${USER}` })).participant.role).toBe('participant');
  });
});
