import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChatMessage } from '@confer/chat/contracts';
import { byButton, text } from '@confer/web/core/testing';
import { ADA, aMessage, GWEN, HEDY } from '../../testing/fake-chat-socket';
import { ChatHistory } from './chat-history';

const MEETING = '/api/chat/meetings/abc-defg-hij';
const FILE_ID = '44444444-4444-4444-8444-444444444444';
const LATEST: ChatMessage[] = [
  aMessage(21, ADA, 'Notes: https://example.com/notes'),
  aMessage(22, GWEN, 'psst', { to: HEDY }),
  aMessage(23, ADA, '', { deletedAt: '2025-06-01T10:05:00.000Z' }),
  aMessage(24, HEDY, '<b>not bold</b>', { file: { id: FILE_ID, name: 'slides.pdf', size: 1_572_864, contentType: 'application/pdf' } }),
];
const EARLIER: ChatMessage[] = [aMessage(3, HEDY, 'Good morning')];

describe('ChatHistory', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ChatHistory>;
  let host: HTMLElement;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChatHistory);
    fixture.componentRef.setInput('code', 'abc-defg-hij');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function answerLatest(page: { messages: ChatMessage[]; nextCursor: string | null }): Promise<void> {
    backend.expectOne((request) => request.url === `${MEETING}/messages` && !request.params.has('before')).flush(page);
    await fixture.whenStable();
  }

  const items = () => Array.from(host.querySelectorAll('li')).map(text);

  afterEach(() => backend.verify());

  it('shows the latest page read-only, private messages marked, markup as text, deleted ones left out', async () => {
    await open();
    await answerLatest({ messages: LATEST, nextCursor: null });

    expect(text(host.querySelector('h2') as Element)).toBe('Chat');
    expect(items()).toHaveLength(3);
    expect(items()[0]).toContain('Notes: https://example.com/notes');
    expect(host.querySelector('a[href="https://example.com/notes"]')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items()[1]).toContain('Private message from Gwen to Hedy');
    expect(items()[2]).toContain('<b>not bold</b>');
    expect(host.querySelector('b')).toBeNull();
    expect(byButton(host, 'Load earlier messages')).toBeNull();
    expect(byButton(host, 'Edit')).toBeNull();
    expect(byButton(host, 'Delete')).toBeNull();
  });

  it('loads earlier messages with the cursor and puts them first', async () => {
    await open();
    await answerLatest({ messages: LATEST, nextCursor: 'c1' });

    byButton(host, 'Load earlier messages')?.click();
    backend.expectOne((request) => request.url === `${MEETING}/messages` && request.params.get('before') === 'c1').flush({ messages: EARLIER, nextCursor: null });
    await fixture.whenStable();

    expect(items()[0]).toContain('Good morning');
    expect(items()).toHaveLength(4);
    expect(byButton(host, 'Load earlier messages')).toBeNull();
  });

  it('says "No messages" for a meeting without chat', async () => {
    await open();
    await answerLatest({ messages: [], nextCursor: null });

    expect(text(host)).toContain('No messages');
    expect(byButton(host, 'Export chat as text')).toBeNull();
  });

  it('shows nothing to someone who did not take part (404)', async () => {
    await open();
    backend.expectOne(`${MEETING}/messages`).flush({ code: 'CHAT_NOT_FOUND', message: 'No such chat.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(host.querySelector('section')).toBeNull();
    expect(text(host)).toBe('');
  });

  describe('saving', () => {
    let clicked: HTMLAnchorElement[];
    let createObjectURL: jest.Mock<string, [Blob]>;

    beforeEach(() => {
      clicked = [];
      createObjectURL = jest.fn<string, [Blob]>(() => 'blob:confer/chat');
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('downloads a shared file through its short-lived URL, without leaving the page', async () => {
      await open();
      await answerLatest({ messages: LATEST, nextCursor: null });

      byButton(host, 'Download slides.pdf')?.click();
      backend.expectOne(`${MEETING}/files/${FILE_ID}`).flush({ url: '/api/chat/downloads/tok', expiresAt: '2025-06-01T10:02:00.000Z' });

      expect(clicked.map((link) => [link.getAttribute('href'), link.hasAttribute('download')])).toEqual([['/api/chat/downloads/tok', true]]);
    });

    it.each([
      ['Export chat as text', 'txt', 'Chat exported as text'],
      ['Export chat as JSON', 'json', 'Chat exported as JSON'],
    ])('"%s" fetches the export with the session and saves it', async (button, format, said) => {
      await open();
      await answerLatest({ messages: LATEST, nextCursor: null });

      byButton(host, button)?.click();
      const request = backend.expectOne((candidate) => candidate.url === `${MEETING}/export` && candidate.params.get('format') === format);
      expect(request.request.responseType).toBe('blob');
      request.flush(new Blob(['Ada: hello'], { type: 'text/plain' }));
      await fixture.whenStable();

      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(clicked.map((link) => link.download)).toEqual([`chat-abc-defg-hij.${format}`]);
      expect(Array.from(host.querySelectorAll('[aria-live]')).map(text)).toContain(said);
    });
  });
});
