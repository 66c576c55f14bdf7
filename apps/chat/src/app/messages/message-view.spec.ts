import { groupReactions, toChatMessage, type MessageRow } from './message-view';

const ROW: MessageRow = {
  id: 'm1',
  pos: '7',
  meeting_id: 'meeting',
  meeting_code: 'abc-defg-hij',
  seq: '3',
  version: '5',
  client_id: 'c1',
  sender_identity: 'guest-1',
  sender_user_id: null,
  sender_name: 'Gus',
  recipient_identity: null,
  recipient_name: null,
  body: '<b>hi</b>',
  created_at: new Date('2025-01-01T10:00:00Z'),
  edited_at: null,
  deleted_at: null,
  file_id: null,
};

describe('message view', () => {
  it('groups reactions by emoji in first-use order, with counts and who reacted in order', () => {
    const grouped = groupReactions([
      { message_id: 'm1', emoji: '👍', identity: 'a', display_name: 'Ann' },
      { message_id: 'm1', emoji: '🎉', identity: 'b', display_name: 'Bob' },
      { message_id: 'm1', emoji: '👍', identity: 'b', display_name: 'Bob' },
      { message_id: 'm2', emoji: '👍', identity: 'a', display_name: 'Ann' },
    ]);
    expect(grouped.get('m1')).toEqual([
      { emoji: '👍', count: 2, by: [{ identity: 'a', displayName: 'Ann' }, { identity: 'b', displayName: 'Bob' }] },
      { emoji: '🎉', count: 1, by: [{ identity: 'b', displayName: 'Bob' }] },
    ]);
    expect(grouped.get('m2')).toHaveLength(1);
  });

  it('returns the body as stored, numbers as numbers, and a private recipient', () => {
    expect(toChatMessage(ROW)).toEqual({
      id: 'm1',
      clientId: 'c1',
      meetingId: 'meeting',
      seq: 3,
      version: 5,
      from: { identity: 'guest-1', displayName: 'Gus', guest: true },
      to: null,
      body: '<b>hi</b>',
      createdAt: '2025-01-01T10:00:00.000Z',
      editedAt: null,
      deletedAt: null,
      reactions: [],
    });
    expect(toChatMessage({ ...ROW, recipient_identity: 'u2', recipient_name: 'Bea' }).to).toEqual({ identity: 'u2', displayName: 'Bea' });
  });

  it('shows the shared file, and no file once the message is deleted', () => {
    const file = { id: 'f1', name: 'plan.pdf', size: 1234, contentType: 'application/pdf' };
    expect(toChatMessage({ ...ROW, file_id: 'f1' }, [], file).file).toEqual(file);
    expect(toChatMessage({ ...ROW, file_id: 'f1', body: '', deleted_at: new Date() }, [], file)).not.toHaveProperty('file');
    expect(toChatMessage(ROW)).not.toHaveProperty('file');
  });
});
