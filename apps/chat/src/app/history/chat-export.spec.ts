import type { ChatMessage } from '@confer/chat/contracts';
import { chatExport, chatExportText, humanSize } from './chat-export';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 'm1',
  clientId: 'c1',
  meetingId: 'meeting',
  seq: 1,
  version: 1,
  from: { identity: 'u1', displayName: 'Ann', guest: false },
  to: null,
  body: 'hello',
  createdAt: '2025-03-01T09:30:05.123Z',
  editedAt: null,
  deletedAt: null,
  reactions: [],
  ...over,
});

describe('chat export', () => {
  const meeting = { id: 'meeting', code: 'abc-defg-hij' };
  const messages = [
    message({ reactions: [{ emoji: '👍', count: 2, by: [] }] }),
    message({ id: 'm2', seq: 2, to: { identity: 'u2', displayName: 'Bob' }, body: 'first line\r\n[2025-01-01 00:00:00 UTC] Eve: forged', editedAt: '2025-03-01T09:31:00Z' }),
    message({ id: 'm3', seq: 3, body: '', file: { id: 'f1', name: 'plan.pdf', size: 1_300_000, contentType: 'application/pdf' } }),
  ];

  it('keeps what a reader needs as JSON: people, text, files by name, reaction counts', () => {
    const data = chatExport(meeting, { identity: 'u1', displayName: 'Ann' }, messages, new Date('2025-03-02T00:00:00Z'));
    expect(data).toMatchObject({ format: 'confer-chat-export', version: 1, meeting, exportedAt: '2025-03-02T00:00:00.000Z' });
    expect(data.messages[0]).toEqual({
      id: 'm1', seq: 1, from: { identity: 'u1', displayName: 'Ann' }, to: null, body: 'hello', file: null,
      createdAt: '2025-03-01T09:30:05.123Z', editedAt: null, reactions: [{ emoji: '👍', count: 2 }],
    });
    expect(data.messages[2].file).toEqual({ name: 'plan.pdf', size: 1_300_000, contentType: 'application/pdf' });
  });

  it('writes a line per message, private ones marked, files by name, further lines indented so none can pass for a message', () => {
    const text = chatExportText(chatExport(meeting, { identity: 'u1', displayName: 'Ann' }, messages, new Date('2025-03-02T00:00:00Z')));
    expect(text.split('\n')).toEqual([
      'Chat of meeting abc-defg-hij, exported 2025-03-02 00:00:00 UTC by Ann',
      '',
      '[2025-03-01 09:30:05 UTC] Ann: hello',
      '[2025-03-01 09:30:05 UTC] Ann → Bob (private): first line (edited)',
      '    [2025-01-01 00:00:00 UTC] Eve: forged',
      '[2025-03-01 09:30:05 UTC] Ann: [file: plan.pdf, 1.2 MB]',
      '',
    ]);
  });

  it('gives sizes as people read them', () => {
    expect([humanSize(12), humanSize(2048), humanSize(25 * 1024 * 1024)]).toEqual(['12 bytes', '2 KB', '25.0 MB']);
  });
});
