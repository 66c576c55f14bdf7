import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@confer/web/auth';
import { ToastService } from '@confer/web/core';
import { readBlob } from '@confer/web/core/testing';
import { ADA, aMessage, fakeAuth, fakeSocketFactory, GWEN, HEDY, readyFor } from '../../testing/fake-chat-socket';
import { FLOAT_MS } from '../floats/float-queue';
import { ChatConnection } from './chat-connection';
import { CHAT_FILE_UPLOADER, type UploadOutcome } from '../files/file-uploader';
import { CHAT_SOCKET_FACTORY } from './chat-socket';

const TICKET = 'T'.repeat(43);

describe('ChatConnection', () => {
  let sockets: ReturnType<typeof fakeSocketFactory>;
  let auth: ReturnType<typeof fakeAuth>;
  let chat: ChatConnection;
  let uploads: { url: string; file: Blob; progress: (fraction: number) => void; finish: (outcome: UploadOutcome) => void }[];

  function start(token: string | null = null): void {
    sockets = fakeSocketFactory();
    auth = fakeAuth(token);
    uploads = [];
    const uploader = (url: string, file: Blob, progress: (fraction: number) => void) =>
      new Promise<UploadOutcome>((finish) => uploads.push({ url, file, progress, finish }));
    TestBed.configureTestingModule({
      providers: [
        ChatConnection,
        { provide: CHAT_SOCKET_FACTORY, useValue: sockets.factory },
        { provide: AuthSession, useValue: auth },
        { provide: CHAT_FILE_UPLOADER, useValue: uploader },
      ],
    });
    chat = TestBed.inject(ChatConnection);
    chat.connect({ code: 'abc-defg-hij', ticket: TICKET });
  }

  /** Lets the awaited acks' continuations run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const bodies = () => chat.messages().map((m) => m.body);

  /** Connected as `me`, with the latest page answered. */
  async function inAs(me = HEDY, page = [aMessage(1, ADA, 'first'), aMessage(2, HEDY, 'second')], more = false): Promise<void> {
    sockets.last().accept(readyFor(me, { latestVersion: page.length }));
    sockets.last().answer('chat:history', { ok: true, messages: page, more });
    await settle();
  }

  it('connects a guest with the ticket and a signed-in person with their current access token', () => {
    start();
    expect(sockets.last().handshakes).toEqual([{ code: 'abc-defg-hij', ticket: TICKET }]);
    expect(chat.state()).toBe('connecting');
    TestBed.resetTestingModule();
    start('access-1');
    expect(sockets.last().handshakes).toEqual([{ code: 'abc-defg-hij', token: 'access-1' }]);
  });

  it('loads the latest page once ready, ordered by seq, keeping the highest version of each message', async () => {
    start();
    sockets.last().accept(readyFor(HEDY, { latestVersion: 3 }));
    expect(chat.state()).toBe('connected');
    expect(sockets.last().sent('chat:history')[0].payload).toEqual({ limit: 50 });
    const edited = aMessage(2, HEDY, 'second, edited', { version: 5 });
    sockets.last().message(edited);
    sockets.last().answer('chat:history', { ok: true, messages: [aMessage(1, ADA, 'first'), aMessage(2, HEDY, 'second')], more: true });
    await settle();
    sockets.last().message(aMessage(3, ADA, 'third'));
    expect(bodies()).toEqual(['first', 'second, edited', 'third']);
    expect(chat.hasEarlier()).toBe(true);
  });

  it('counts messages from others that arrive while the panel is closed', async () => {
    start();
    await inAs();
    sockets.last().message(aMessage(3, ADA, 'one'));
    sockets.last().message(aMessage(4, HEDY, 'mine'));
    sockets.last().message(aMessage(3, ADA, 'one, edited', { version: 6 }));
    expect(chat.unread()).toBe(1);
    chat.setOpen(true);
    expect(chat.unread()).toBe(0);
    sockets.last().message(aMessage(5, GWEN, 'while open'));
    expect(chat.unread()).toBe(0);
    expect(chat.arrival()).toBe('Gwen: while open');
  });

  it('sends with a client id, shows the message as pending until the ack, and takes the stored one', async () => {
    start();
    await inAs();
    chat.send('hello', GWEN);
    const [sent] = sockets.last().sent('chat:send');
    expect(sent.payload).toEqual({ clientId: expect.stringMatching(/^[0-9a-f-]{36}$/), body: 'hello', to: GWEN.identity });
    expect(chat.pending()).toEqual([expect.objectContaining({ body: 'hello', to: GWEN, failed: null })]);
    sockets.last().answer('chat:send', { ok: true, duplicate: false, message: aMessage(3, HEDY, 'hello', { clientId: sent.payload['clientId'] as string, to: GWEN }) });
    await settle();
    expect(chat.pending()).toEqual([]);
    expect(bodies()).toEqual(['first', 'second', 'hello']);
  });

  it('after a dropped connection, sends what was not acknowledged again with the same client id, and catches up from the highest version seen', async () => {
    start('access-1');
    await inAs();
    sockets.last().message(aMessage(3, ADA, 'third', { version: 7 }));
    chat.send('lost in transit', null);
    const clientId = sockets.last().sent('chat:send')[0].payload['clientId'];
    sockets.last().drop();
    expect(chat.state()).toBe('reconnecting');
    chat.send('typed while away', null);
    await settle();
    expect(chat.pending().map((p) => [p.body, p.failed])).toEqual([
      ['lost in transit', null],
      ['typed while away', null],
    ]);

    sockets.last().emitted.length = 0;
    auth.token.set('access-2');
    sockets.last().connect();
    expect(sockets.last().handshakes[1]).toEqual({ code: 'abc-defg-hij', token: 'access-2' });
    sockets.last().accept(readyFor(HEDY, { latestVersion: 9 }));
    const resent = sockets.last().sent('chat:send').map((e) => e.payload);
    expect(resent).toEqual([expect.objectContaining({ clientId, body: 'lost in transit' }), expect.objectContaining({ body: 'typed while away' })]);
    expect(sockets.last().sent('chat:sync').map((e) => e.payload)).toEqual([{ after: 7 }]);
    expect(sockets.last().sent('chat:history')).toEqual([]);

    sockets.last().answer('chat:sync', { ok: true, messages: [aMessage(4, ADA, 'missed'), aMessage(1, ADA, 'first, edited', { version: 8 })], more: false });
    await settle();
    expect(bodies()).toEqual(['first, edited', 'second', 'third', 'missed']);
    expect(chat.unread()).toBe(2);
  });

  it('marks a refused message as not sent with the reason, and retries it with the same client id', async () => {
    start();
    await inAs();
    chat.send('too fast', null);
    const clientId = sockets.last().sent('chat:send')[0].payload['clientId'] as string;
    const error = { code: 'RATE_LIMITED', message: 'Too many', event: 'chat:send', clientId, retryAfterSeconds: 3 };
    sockets.last().fire('chat:error', error);
    sockets.last().answer('chat:send', { ok: false, error });
    await settle();
    expect(chat.pending()).toEqual([expect.objectContaining({ failed: 'You are sending too fast. Try again in 3 seconds.' })]);
    expect(chat.notice()).toBeNull();
    chat.retry(clientId);
    expect(sockets.last().sent('chat:send')[0].payload['clientId']).toBe(clientId);
  });

  it('edits, deletes and reacts through acks that carry the new snapshot', async () => {
    start();
    await inAs();
    const edit = chat.edit(aMessage(2, HEDY, '').id, 'second, better');
    expect(sockets.last().sent('chat:edit')[0].payload).toEqual({ id: aMessage(2, HEDY, '').id, body: 'second, better' });
    sockets.last().answer('chat:edit', { ok: true, message: aMessage(2, HEDY, 'second, better', { version: 3, editedAt: '2025-06-01T10:01:00.000Z' }) });
    await expect(edit).resolves.toBe(true);
    const react = chat.react(aMessage(1, ADA, '').id, '👍');
    expect(sockets.last().sent('chat:react')[0].payload).toEqual({ messageId: aMessage(1, ADA, '').id, emoji: '👍' });
    sockets.last().answer('chat:react', { ok: true, added: true, message: aMessage(1, ADA, 'first', { version: 4, reactions: [{ emoji: '👍', count: 1, by: [HEDY] }] }) });
    await react;
    expect(chat.messages()[0].reactions).toEqual([{ emoji: '👍', count: 1, by: [HEDY] }]);
    expect(bodies()).toEqual(['first', 'second, better']);
  });

  it('shows chat:error sentences in the open panel, as a toast otherwise, and learns that chat is off', async () => {
    start();
    await inAs();
    const toasts = TestBed.inject(ToastService);
    sockets.last().fire('chat:error', { code: 'MESSAGE_NOT_YOURS', message: 'Only its author can edit a message.', event: 'chat:edit' });
    expect(toasts.toasts().map((t) => t.message)).toEqual(['You can only change your own messages.']);
    chat.setOpen(true);
    sockets.last().fire('chat:error', { code: 'CHAT_DISABLED', message: 'A host turned chat off in this meeting.', event: 'chat:react' });
    expect(chat.notice()).toBe('A host turned chat off in this meeting.');
    expect(chat.allowChat()).toBe(false);
  });

  it('stays closed, with the reason, when the server ends the chat or refuses the handshake', async () => {
    start();
    await inAs();
    sockets.last().close({ code: 'MEETING_ENDED', message: 'The meeting ended.' });
    expect(chat.state()).toBe('closed');
    expect(chat.closedReason()).toBe('The meeting has ended, and so has its chat.');
    expect(chat.meetingEnded()).toBe(true);
    expect(sockets.last().handshakes).toHaveLength(1);

    TestBed.resetTestingModule();
    start();
    sockets.last().refuse({ code: 'CHAT_NOT_FOUND', message: 'There is no such meeting chat.' });
    expect(chat.state()).toBe('closed');
    expect(chat.closedReason()).toBe('You are not in this meeting’s chat any more.');
    expect(chat.meetingEnded()).toBe(false);
  });

  it('comes back when a refused handshake says when, and gives up after a few tries', async () => {
    start();
    jest.useFakeTimers();
    try {
      sockets.last().refuse({ code: 'RATE_LIMITED', message: 'Too many attempts.', retryAfterSeconds: 7 });
      expect(chat.state()).toBe('connecting');
      await jest.advanceTimersByTimeAsync(6_900);
      expect(sockets.last().handshakes).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(100);
      expect(sockets.last().handshakes).toHaveLength(2);
      for (let tries = 2; tries <= 10; tries++) {
        sockets.last().refuse({ code: 'SERVICE_UNAVAILABLE', message: 'The service is busy.', retryAfterSeconds: 1 });
        await jest.advanceTimersByTimeAsync(1_000);
      }
      expect(sockets.last().handshakes).toHaveLength(11);
      sockets.last().refuse({ code: 'SERVICE_UNAVAILABLE', message: 'The service is busy.', retryAfterSeconds: 1 });
      await jest.advanceTimersByTimeAsync(5_000);
      expect(sockets.last().handshakes).toHaveLength(11);
      expect(chat.state()).toBe('closed');
    } finally {
      jest.useRealTimers();
    }
  });

  it('goes on catching up after the wait the chat gives when it pages too fast', async () => {
    start();
    await inAs();
    sockets.last().message(aMessage(3, ADA, 'third', { version: 7 }));
    sockets.last().drop();
    sockets.last().emitted.length = 0;
    sockets.last().connect();
    jest.useFakeTimers();
    try {
      sockets.last().accept(readyFor(HEDY, { latestVersion: 9 }));
      sockets.last().answer('chat:sync', { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many.', retryAfterSeconds: 2, event: 'chat:sync' } });
      await jest.advanceTimersByTimeAsync(1_900);
      expect(sockets.last().sent('chat:sync')).toEqual([]);
      await jest.advanceTimersByTimeAsync(100);
      expect(sockets.last().sent('chat:sync').map((e) => e.payload)).toEqual([{ after: 7 }]);
      sockets.last().answer('chat:sync', { ok: true, messages: [aMessage(4, ADA, 'missed')], more: false });
      await jest.advanceTimersByTimeAsync(0);
      expect(bodies()).toContain('missed');
    } finally {
      jest.useRealTimers();
    }
  });

  it('hands each new access token to the chat, and reconnects with a fresh one when it expired anyway', async () => {
    start('access-1');
    await inAs();
    auth.token.set('access-2');
    TestBed.tick();
    expect(sockets.last().sent('chat:token').map((e) => e.payload)).toEqual([{ token: 'access-2' }]);
    sockets.last().answer('chat:token', { ok: true, expiresAt: 1 });

    auth.token.set('access-3');
    auth.refresh.mockImplementation(async () => 'refreshed');
    sockets.last().close({ code: 'TOKEN_EXPIRED', message: 'expired' });
    await settle();
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(sockets.last().handshakes[1]).toEqual({ code: 'abc-defg-hij', token: 'access-3' });
    expect(chat.state()).toBe('reconnecting');
  });

  it('waits when identity cannot be reached for a fresh token, and gives up when fresh tokens are refused too', async () => {
    start('access-1');
    await inAs();
    jest.useFakeTimers();
    try {
      auth.refresh.mockImplementationOnce(async () => 'unavailable');
      sockets.last().close({ code: 'TOKEN_EXPIRED', message: 'expired' });
      await jest.advanceTimersByTimeAsync(0);
      expect(sockets.last().handshakes).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(auth.refresh).toHaveBeenCalledTimes(2);
      expect(sockets.last().handshakes).toHaveLength(2);
      sockets.last().refuse({ code: 'TOKEN_EXPIRED', message: 'expired' });
      await jest.advanceTimersByTimeAsync(0);
      sockets.last().refuse({ code: 'TOKEN_EXPIRED', message: 'expired' });
      await jest.advanceTimersByTimeAsync(0);
      expect(sockets.last().handshakes).toHaveLength(3);
      expect(chat.state()).toBe('closed');
      expect(chat.closedReason()).toBe('Your session has ended. Sign in again to use the chat.');
    } finally {
      jest.useRealTimers();
    }
  });

  it('pages back through history and leaves changes to older messages until they are loaded', async () => {
    start();
    await inAs(HEDY, [aMessage(51, ADA, 'fifty-one'), aMessage(52, HEDY, 'fifty-two')], true);
    sockets.last().message(aMessage(10, ADA, 'old one, reacted to', { version: 60 }));
    expect(bodies()).toEqual(['fifty-one', 'fifty-two']);
    const loading = chat.loadEarlier();
    expect(chat.loadingEarlier()).toBe(true);
    expect(sockets.last().sent('chat:history')[0].payload).toEqual({ before: 51, limit: 50 });
    sockets.last().answer('chat:history', { ok: true, messages: [aMessage(10, ADA, 'old one, reacted to', { version: 60 }), aMessage(50, ADA, 'fifty')], more: false });
    await loading;
    expect(bodies()).toEqual(['old one, reacted to', 'fifty', 'fifty-one', 'fifty-two']);
    expect(chat.hasEarlier()).toBe(false);
    expect(chat.unread()).toBe(0);
  });

  it('floats reactions for a moment and says who sent them', async () => {
    jest.useFakeTimers();
    try {
      start();
      sockets.last().accept(readyFor(HEDY));
      sockets.last().fire('chat:float', { emoji: '👏', from: ADA, at: '2025-06-01T10:00:00.000Z' });
      sockets.last().fire('chat:float', { emoji: '🎉', from: HEDY, at: '2025-06-01T10:00:01.000Z' });
      expect(chat.floats().map((f) => [f.emoji, f.from])).toEqual([
        ['👏', 'Ada'],
        ['🎉', 'You'],
      ]);
      expect(chat.floatAnnouncement()).toBe('You reacted with Party');
      jest.advanceTimersByTime(FLOAT_MS);
      expect(chat.floats()).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shares a file: an upload URL, the bytes with progress, then a message with the file id', async () => {
    start();
    await inAs();
    const file = new File(['%PDF-1.7 minutes'], 'minutes.pdf', { type: 'application/pdf' });
    const sharing = chat.shareFile(file, GWEN);
    expect(sockets.last().sent('chat:upload').map((e) => e.payload)).toEqual([{ name: 'minutes.pdf', size: file.size }]);
    const fileId = '44444444-4444-4444-8444-444444444444';
    sockets.last().answer('chat:upload', { ok: true, upload: { fileId, uploadUrl: '/api/chat/uploads/tok', expiresAt: '2025-06-01T10:05:00.000Z', contentType: 'application/pdf' } });
    await settle();
    expect(uploads.map((u) => [u.url, u.file])).toEqual([['/api/chat/uploads/tok', file]]);
    uploads[0].progress(0.5);
    expect(chat.pending()).toEqual([expect.objectContaining({ file: { name: 'minutes.pdf', size: file.size, progress: 0.5 }, failed: null })]);
    uploads[0].finish({ ok: true });
    await settle();
    expect(sockets.last().sent('chat:send').map((e) => e.payload)).toEqual([{ clientId: expect.any(String), fileId, to: GWEN.identity }]);
    sockets.last().answer('chat:send', {
      ok: true,
      duplicate: false,
      message: aMessage(3, HEDY, '', { clientId: chat.pending()[0].clientId, file: { id: fileId, name: 'minutes.pdf', size: file.size, contentType: 'application/pdf' } }),
    });
    await sharing;
    expect(chat.pending()).toEqual([]);
    expect(chat.messages()[2].file?.name).toBe('minutes.pdf');
  });

  it('says why an upload was refused, and starts it again on Retry', async () => {
    start();
    await inAs();
    void chat.shareFile(new File(['x'], 'notes.txt'), null);
    sockets.last().answer('chat:upload', { ok: false, error: { code: 'FILE_TYPE_NOT_ALLOWED', message: 'no' } });
    await settle();
    expect(chat.pending()[0].failed).toBe('That kind of file cannot be shared, or it is not what its name says.');
    chat.retry(chat.pending()[0].clientId);
    expect(sockets.last().sent('chat:upload').map((e) => e.payload)).toEqual([{ name: 'notes.txt', size: 1 }]);
  });

  it('downloads a shared file through the short-lived URL the chat gives', async () => {
    start();
    await inAs();
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} download=${this.hasAttribute('download')}`);
    });
    try {
      const downloading = chat.download('44444444-4444-4444-8444-444444444444');
      expect(sockets.last().sent('chat:download').map((e) => e.payload)).toEqual([{ fileId: '44444444-4444-4444-8444-444444444444' }]);
      sockets.last().answer('chat:download', { ok: true, download: { url: '/api/chat/downloads/tok', expiresAt: '2025-06-01T10:02:00.000Z' } });
      await downloading;
      expect(clicked).toEqual(['/api/chat/downloads/tok download=true']);
      expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    } finally {
      click.mockRestore();
    }
  });

  it('saves the meeting’s chat as the text file the chat gives', async () => {
    start();
    await inAs();
    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:confer/chat');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.getAttribute('href')} ${this.download}`);
    });
    try {
      const saving = chat.saveChat();
      expect(sockets.last().sent('chat:export').map((e) => e.payload)).toEqual([{ format: 'txt' }]);
      sockets.last().answer('chat:export', { ok: true, file: { name: 'chat-abc-defg-hij.txt', contentType: 'text/plain; charset=utf-8', content: 'Chat of meeting abc-defg-hij' } });
      await saving;
      expect(saved).toEqual(['blob:confer/chat chat-abc-defg-hij.txt']);
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
      expect(blob.type).toBe('text/plain; charset=utf-8');
      expect(await readBlob(blob)).toBe('Chat of meeting abc-defg-hij');
    } finally {
      click.mockRestore();
    }
  });

  it('removes every listener and forgets unanswered events when it disconnects', async () => {
    start();
    await inAs();
    const socket = sockets.last();
    expect(socket.listenerCount).toBeGreaterThan(0);
    const edit = chat.edit(aMessage(1, ADA, '').id, 'x');
    chat.disconnect();
    await expect(edit).resolves.toBe(false);
    expect(socket.listenerCount).toBe(0);
    expect(socket.active).toBe(false);
    expect(chat.state()).toBe('idle');
  });
});
