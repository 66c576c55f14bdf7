import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ReactionsButton } from '@confer/web/chat';
import type { LiveParticipant } from '../live/live-participant';
import { ROOM_SHORTCUTS, type RoomCommand } from './shortcuts';
import type { ViewMode } from './stage-layout';

/** One button of the bar that runs a room command (and has its shortcut). */
interface CommandButton {
  readonly command: RoomCommand;
  readonly label: string;
  readonly icon: string;
  /** The tooltip, before the shortcut. */
  readonly tip: string;
  /** Toggles: aria-pressed. */
  readonly pressed?: boolean;
  /** Buttons that show a panel: aria-controls and aria-expanded. */
  readonly opens?: { readonly panel: string; readonly open: boolean };
  readonly disabled?: boolean;
  readonly badge?: { readonly count: number; readonly words: string };
}

/**
 * The control bar. Toggles are buttons with a fixed name and `aria-pressed`; each one's shortcut is in
 * `aria-keyshortcuts` and its tooltip. It shows only what the server lets this person do.
 */
@Component({
  selector: 'cf-room-controls',
  imports: [ReactionsButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-controls.html',
  styleUrl: './room-controls.css',
})
export class RoomControls {
  readonly me = input.required<LiveParticipant>();
  readonly mayPublish = input.required<{ camera: boolean; microphone: boolean; screen: boolean }>();
  readonly sharing = input(false);
  readonly hostly = input(false);
  readonly view = input<ViewMode>('grid');
  readonly participantsOpen = input(false);
  readonly chatOpen = input(false);
  /** Messages from others that arrived while the chat panel was closed. */
  readonly chatUnread = input(0);
  readonly devicesOpen = input(false);
  readonly lobbyCount = input(0);

  readonly commanded = output<RoomCommand>();
  readonly devicesToggled = output<void>();
  readonly leaveClicked = output<void>();
  readonly endClicked = output<void>();

  protected readonly shortcuts = ROOM_SHORTCUTS;

  protected readonly buttons = computed<CommandButton[]>(() => {
    const me = this.me();
    const may = this.mayPublish();
    const buttons: CommandButton[] = [
      {
        command: 'microphone',
        label: 'Microphone',
        icon: me.microphoneOn ? '🎤' : '🔇',
        tip: me.microphoneOn ? 'Mute' : may.microphone ? 'Unmute' : 'A host muted you; ask to speak with Raise hand',
        pressed: me.microphoneOn,
        disabled: !may.microphone && !me.microphoneOn,
      },
      {
        command: 'camera',
        label: 'Camera',
        icon: me.cameraOn ? '📷' : '🚫',
        tip: me.cameraOn ? 'Stop video' : 'Start video',
        pressed: me.cameraOn,
        disabled: !may.camera && !me.cameraOn,
      },
    ];
    if (may.screen || this.sharing()) {
      buttons.push({ command: 'screen', label: 'Share screen', icon: '🖥️', tip: this.sharing() ? 'Stop sharing' : 'Share your screen', pressed: this.sharing() });
    }
    const lobby = this.hostly() ? this.lobbyCount() : 0;
    const unread = this.chatOpen() ? 0 : this.chatUnread();
    buttons.push(
      { command: 'hand', label: 'Raise hand', icon: '✋', tip: me.handRaised ? 'Lower your hand' : 'Raise your hand', pressed: me.handRaised },
      {
        command: 'participants',
        label: 'Participants',
        icon: '👥',
        tip: 'Participants',
        opens: { panel: 'participants-panel', open: this.participantsOpen() },
        badge: lobby > 0 ? { count: lobby, words: 'waiting' } : undefined,
      },
      {
        command: 'chat',
        label: 'Chat',
        icon: '💬',
        tip: 'Chat',
        opens: { panel: 'chat-panel', open: this.chatOpen() },
        badge: unread > 0 ? { count: unread, words: 'unread' } : undefined,
      },
      {
        command: 'view',
        label: 'Speaker view',
        icon: '🔲',
        tip: this.view() === 'speaker' ? 'Switch to grid view' : 'Switch to speaker view',
        pressed: this.view() === 'speaker',
      },
    );
    return buttons;
  });
}
