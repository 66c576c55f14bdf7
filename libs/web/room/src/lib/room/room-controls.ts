import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ReactionsButton } from '@confer/web/chat';
import type { LiveParticipant } from '../live/live-participant';
import { ROOM_SHORTCUTS, type RoomCommand } from './shortcuts';
import type { ViewMode } from './stage-layout';

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
}
