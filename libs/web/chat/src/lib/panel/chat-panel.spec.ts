import { TestBed } from '@angular/core/testing';
import type { ChatMessage } from '@confer/chat/contracts';
import { AuthSession } from '@confer/web/auth';
import { byButton, byLabel, choose, selectByLabel, text, textareaByLabel, type } from '@confer/web/core/testing';
import { ADA, aMessage, fakeAuth, fakeSocketFactory, GWEN, HEDY, readyFor } from '../../testing/fake-chat-socket';
import { ChatConnection } from '../connection/chat-connection';
import { CHAT_SOCKET_FACTORY } from '../connection/chat-socket';
import { ChatPanel } from './chat-panel';

const XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

const PAGE: ChatMessage[] = [
  aMessage(11, ADA, 'Agenda: https://example.com/agenda', { reactions: [{ emoji: '👍', count: 2, by: [ADA, HEDY] }] }),
  aMessage(12, HEDY, 'Mine to change'),
  aMessage(13, GWEN, 'psst', { to: HEDY }),
  aMessage(14, HEDY, 'answer', { to: GWEN }),
  aMessage(15, ADA, XSS),
  aMessage(16, ADA, '', { deletedAt: '2025-06-01T10:05:00.000Z' }),
  aMessage(17, GWEN, '', { file: { id: '44444444-4444-4444-8444-444444444444', name: 'slides.pdf', size: 1_572_864, contentType: 'application/pdf' } }),
];

describe('ChatPanel', () => {
  let sockets: ReturnType<typeof fakeSocketFactory>;
  let fixture: ReturnType<typeof TestBed.createComponent<ChatPanel>>;
  let panel: HTMLElement;

  async function open(options: { moderator?: boolean; allowChat?: boolean; more?: boolean } = {}): Promise<void> {
    sockets = fakeSocketFactory();
    TestBed.configureTestingModule({
      providers: [ChatConnection, { provide: CHAT_SOCKET_FACTORY, useValue: sockets.factory }, { provide: AuthSession, useValue: fakeAuth() }],
    });
    fixture = TestBed.createComponent(ChatPanel);
    fixture.componentRef.setInput('people', [GWEN, ADA]);
    fixture.componentRef.setInput('moderator', options.moderator ?? false);
    fixture.componentRef.setInput('open', true);
    panel = fixture.nativeElement as HTMLElement;
    TestBed.inject(ChatConnection).connect({ code: 'abc-defg-hij', ticket: 'T'.repeat(43) });
    sockets.last().accept(readyFor(HEDY, { allowChat: options.allowChat ?? true, latestVersion: 17 }));
    sockets.last().answer('chat:history', { ok: true, messages: PAGE, more: options.more ?? false });
    await fixture.whenStable();
  }

  const items = () => [...panel.querySelectorAll<HTMLElement>('ol[aria-label="Messages"] > li')];
  const item = (words: string) => {
    const found = items().find((li) => text(li).includes(words));
    if (!found) throw new Error(`no message with ${words}`);
    return found;
  };
  const key = (target: Element, name: string, extra: KeyboardEventInit = {}) => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...extra }));

  it('offers Send to (everyone or one person), the Message field, Add emoji, Send, search and Save chat, by name', async () => {
    await open();
    byButton(panel, 'Save chat')?.click();
    expect(sockets.last().sent('chat:export').map((e) => e.payload)).toEqual([{ format: 'txt' }]);
    expect([...selectByLabel(panel, 'Send to').options].map((o) => o.text)).toEqual(['Everyone', 'Gwen', 'Ada']);
    expect(textareaByLabel(panel, 'Message').disabled).toBe(false);
    expect(byButton(panel, 'Send')?.disabled).toBe(false);
    expect(byButton(panel, 'Add emoji')?.getAttribute('aria-haspopup')).toBe('menu');
    expect(byLabel(panel, 'Search messages').type).toBe('search');
    expect(panel.querySelector('h2')?.textContent).toBe('Chat');
  });

  it('shows each message with its author, private ones marked, deleted ones as such, and markup as text', async () => {
    await open();
    expect(text(item('Agenda'))).toContain('Ada');
    expect(text(item('psst'))).toContain('Privately from Gwen');
    expect(text(item('answer'))).toContain('Privately to Gwen');
    expect(text(item('Mine to change'))).toContain('You');
    expect(text(items()[5])).toContain('Message deleted');
    expect(text(item('alert(1)'))).toContain(XSS);
    expect(panel.querySelectorAll('ol img, ol script')).toHaveLength(0);
    const link = item('Agenda').querySelector('a');
    expect([link?.getAttribute('href'), link?.getAttribute('rel'), link?.getAttribute('target')]).toEqual(['https://example.com/agenda', 'noopener noreferrer', '_blank']);
  });

  it('sends with Enter, to the person chosen, and starts a new line with Shift+Enter', async () => {
    await open();
    choose(selectByLabel(panel, 'Send to'), GWEN.identity);
    const message = textareaByLabel(panel, 'Message');
    type(message, 'Just for you');
    key(message, 'Enter', { shiftKey: true });
    expect(sockets.last().sent('chat:send')).toEqual([]);
    key(message, 'Enter');
    await fixture.whenStable();
    expect(sockets.last().sent('chat:send').map((e) => e.payload)).toEqual([{ clientId: expect.any(String), body: 'Just for you', to: GWEN.identity }]);
    expect(message.value).toBe('');
    expect(text(item('Just for you'))).toContain('Sending…');
    expect(text(item('Just for you'))).toContain('Privately to Gwen');
  });

  it('toggles a reaction by its button, named with the count and who reacted', async () => {
    await open();
    const reaction = byButton(item('Agenda'), '👍 2, reacted by Ada and you');
    expect(reaction?.getAttribute('aria-pressed')).toBe('true');
    reaction?.click();
    expect(sockets.last().sent('chat:react').map((e) => e.payload)).toEqual([{ messageId: PAGE[0].id, emoji: '👍' }]);
    expect(byButton(item('psst'), 'Add reaction')).not.toBeNull();
  });

  it('lets me edit and delete my own messages only, and a host or co-host delete anyone’s', async () => {
    await open();
    expect(byButton(item('Mine to change'), 'Edit')).not.toBeNull();
    expect(byButton(item('Agenda'), 'Edit')).toBeNull();
    expect(byButton(item('Agenda'), 'Delete')).toBeNull();

    const mine = item('Mine to change');
    byButton(mine, 'Edit')?.click();
    await fixture.whenStable();
    expect(byButton(mine, 'Edit')).toBeNull();
    const editor = textareaByLabel(mine, 'Edit message');
    expect(editor.value).toBe('Mine to change');
    expect(document.activeElement).toBe(editor);
    type(editor, 'Changed');
    key(editor, 'Enter');
    expect(sockets.last().sent('chat:edit').map((e) => e.payload)).toEqual([{ id: PAGE[1].id, body: 'Changed' }]);

    byButton(item('answer'), 'Delete')?.click();
    await fixture.whenStable();
    expect(sockets.last().sent('chat:delete')).toEqual([]);
    byButton(item('answer'), 'Confirm delete')?.click();
    expect(sockets.last().sent('chat:delete').map((e) => e.payload)).toEqual([{ id: PAGE[3].id }]);

    TestBed.resetTestingModule();
    await open({ moderator: true });
    expect(byButton(item('Agenda'), 'Delete')).not.toBeNull();
    expect(byButton(item('Agenda'), 'Edit')).toBeNull();
  });

  it('opens the emoji menu from Add emoji, moves with the arrow keys, closes with Escape, and inserts the emoji picked', async () => {
    await open();
    const trigger = byButton(panel, 'Add emoji') as HTMLButtonElement;
    trigger.click();
    await fixture.whenStable();
    const menu = panel.querySelector('[role="menu"]') as HTMLElement;
    expect(menu.getAttribute('aria-label')).toBe('Emoji');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Thumbs up');
    key(document.activeElement as Element, 'ArrowRight');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Thumbs down');
    key(document.activeElement as Element, 'Escape');
    await fixture.whenStable();
    expect(panel.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    type(textareaByLabel(panel, 'Message'), 'Nice ');
    trigger.click();
    await fixture.whenStable();
    byButton(panel, 'Party')?.click();
    await fixture.whenStable();
    expect(textareaByLabel(panel, 'Message').value).toBe('Nice 🎉');
  });

  it('searches the loaded messages and loads earlier ones on request', async () => {
    await open({ more: true });
    type(byLabel(panel, 'Search messages'), 'PSST');
    await fixture.whenStable();
    expect(items().map(text)).toEqual([expect.stringContaining('psst')]);
    expect(text(panel)).toContain('1 of 7 loaded messages match.');
    byButton(panel, 'Load earlier messages')?.click();
    expect(sockets.last().sent('chat:history').map((e) => e.payload)).toEqual([{ before: 11, limit: 50 }]);
    type(byLabel(panel, 'Search messages'), '');
    sockets.last().answer('chat:history', { ok: true, messages: [aMessage(5, GWEN, 'The very first')], more: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    expect(text(items()[0])).toContain('The very first');
    expect(byButton(panel, 'Load earlier messages')).toBeNull();
  });

  it('shows shared files with a Download button, and shares a chosen file unless it cannot be shared', async () => {
    await open();
    expect(text(item('slides.pdf'))).toContain('slides.pdf (1.5 MB)');
    byButton(item('slides.pdf'), 'Download slides.pdf')?.click();
    expect(sockets.last().sent('chat:download').map((e) => e.payload)).toEqual([{ fileId: '44444444-4444-4444-8444-444444444444' }]);

    expect(byButton(panel, 'Attach a file')).not.toBeNull();
    const picker = panel.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    const pick = (file: File) => {
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      picker.dispatchEvent(new Event('change'));
    };
    pick(new File(['MZ'], 'setup.exe'));
    await fixture.whenStable();
    expect(text(panel)).toContain('That kind of file cannot be shared.');
    expect(sockets.last().sent('chat:upload')).toEqual([]);
    pick(new File(['hello'], 'notes.txt'));
    await fixture.whenStable();
    expect(sockets.last().sent('chat:upload').map((e) => e.payload)).toEqual([{ name: 'notes.txt', size: 5 }]);
    expect(panel.querySelector('progress')?.getAttribute('aria-label')).toBe('Uploading notes.txt');
  });

  it('says so when a host turned chat off, and then lets participants read only', async () => {
    await open({ allowChat: false });
    expect(text(panel)).toContain('A host turned chat off in this meeting.');
    expect(textareaByLabel(panel, 'Message').disabled).toBe(true);
    expect(byButton(panel, 'Send')?.disabled).toBe(true);
    expect(byButton(item('Agenda'), 'Add reaction')).toBeNull();
  });
});
