import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChatConnection } from '@confer/web/chat';
import { byButton } from '@confer/web/core/testing';
import type { LiveParticipant } from '../live/live-participant';
import { RoomControls } from './room-controls';
import type { RoomCommand } from './shortcuts';

const me: LiveParticipant = {
  identity: 'me',
  name: 'Ada',
  isLocal: true,
  role: 'participant',
  handRaised: false,
  blocked: [],
  microphoneOn: true,
  cameraOn: true,
  speaking: false,
  quality: 'good',
  joinedAt: 0,
};

describe('RoomControls', () => {
  async function render(inputs: Record<string, unknown>) {
    const chat = { state: signal('connected'), float: jest.fn(async () => undefined) };
    TestBed.configureTestingModule({ providers: [{ provide: ChatConnection, useValue: chat }] });
    const fixture = TestBed.createComponent(RoomControls);
    fixture.componentRef.setInput('me', me);
    fixture.componentRef.setInput('mayPublish', { camera: true, microphone: true, screen: true });
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    const commands: RoomCommand[] = [];
    fixture.componentInstance.commanded.subscribe((command) => commands.push(command));
    await fixture.whenStable();
    return { bar: fixture.nativeElement as HTMLElement, commands, chat, fixture };
  }

  it('has a Chat toggle for the chat panel, with its shortcut and the unread count', async () => {
    const { bar, commands } = await render({ chatOpen: false, chatUnread: 3 });
    const button = byButton(bar, 'Chat 3 unread') as HTMLButtonElement;
    expect(button.getAttribute('aria-controls')).toBe('chat-panel');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+H');
    button.click();
    expect(commands).toEqual(['chat']);
  });

  it('shows no unread count while the panel is open', async () => {
    const { bar } = await render({ chatOpen: true, chatUnread: 0 });
    expect(byButton(bar, 'Chat')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('sends a floating reaction from the Reactions menu', async () => {
    const { bar, chat, fixture } = await render({});
    byButton(bar, 'Reactions')?.click();
    await fixture.whenStable();
    expect(bar.querySelector('[role="menu"]')?.getAttribute('aria-label')).toBe('Send a reaction');
    byButton(bar, 'Clapping')?.click();
    expect(chat.float).toHaveBeenCalledWith('👏');
  });
});
