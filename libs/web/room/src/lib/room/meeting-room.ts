import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ChatConnection, ChatPanel, FloatingReactions } from '@confer/web/chat';
import { RoomSession, type DeviceKind } from '../live/room-session';
import { TrackElement } from '../live/track-element';
import { HostApi } from '../participants/host-api';
import { ParticipantsPanel } from '../participants/participants-panel';
import { ParticipantTile } from './participant-tile';
import { RoomControls } from './room-controls';
import { commandOf, type RoomCommand } from './shortcuts';
import { stageLayout, type StageLayout, type ViewMode } from './stage-layout';

/** The meeting itself: the stage, everyone's sound, the control bar and the side panels. */
@Component({
  selector: 'cf-meeting-room',
  imports: [ChatPanel, FloatingReactions, ParticipantTile, ParticipantsPanel, RoomControls, TrackElement],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-room.html',
  styleUrl: './meeting-room.css',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class MeetingRoom {
  protected readonly session = inject(RoomSession);
  private readonly hostApi = inject(HostApi);
  protected readonly chat = inject(ChatConnection);

  readonly code = input.required<string>();
  readonly title = input('');

  protected readonly view = signal<ViewMode>('grid');
  protected readonly pinned = signal<string | null>(null);
  protected readonly participantsOpen = signal(false);
  protected readonly chatOpen = signal(false);
  protected readonly devicesOpen = signal(false);
  protected readonly confirmingEnd = signal(false);

  protected readonly people = this.session.participants;
  protected readonly me = this.session.me;
  protected readonly layout = computed(() => stageLayout(this.people(), this.view(), this.pinned(), this.session.lastSpeaker()));
  protected readonly screenLayout = computed(() => narrow(this.layout(), 'screen'));
  protected readonly speakerLayout = computed(() => narrow(this.layout(), 'speaker'));
  protected readonly gridLayout = computed(() => narrow(this.layout(), 'grid'));
  protected readonly sharing = computed(() => Boolean(this.me()?.screen));
  protected readonly others = computed(() => this.people().filter((p) => !p.isLocal));
  /** Who a private chat message may go to. */
  protected readonly chatPeople = computed(() => this.others().map((p) => ({ identity: p.identity, displayName: p.name })));

  protected onKey(event: KeyboardEvent): void {
    const command = commandOf(event);
    if (!command) return;
    event.preventDefault();
    void this.run(command);
  }

  protected async run(command: RoomCommand): Promise<void> {
    switch (command) {
      case 'microphone':
        return this.session.toggleMicrophone();
      case 'camera':
        return this.session.toggleCamera();
      case 'screen':
        if (this.sharing() || this.session.mayPublish().screen) await this.session.toggleScreenShare();
        return;
      case 'hand':
        await this.session.setHand(!this.me()?.handRaised).catch(() => this.session.notice.set('Your hand could not be raised. Try again.'));
        return;
      case 'participants':
        this.participantsOpen.update((open) => !open);
        return;
      case 'chat':
        this.chatOpen.update((open) => !open);
        return;
      case 'view':
        this.pinned.set(null);
        this.view.update((view) => (view === 'grid' ? 'speaker' : 'grid'));
        return;
    }
  }

  protected togglePin(identity: string): void {
    this.pinned.update((pinned) => (pinned === identity ? null : identity));
  }

  protected async switchDevice(kind: DeviceKind, event: Event): Promise<void> {
    await this.session.switchDevice(kind, (event.target as HTMLSelectElement).value).catch(() => this.session.notice.set('That device could not be used.'));
  }

  protected async leave(): Promise<void> {
    await this.session.leave();
  }

  protected async endForEveryone(): Promise<void> {
    this.confirmingEnd.set(false);
    // Ending deletes the room: LiveKit disconnects everyone, this page included, with ROOM_DELETED.
    await firstValueFrom(this.hostApi.end(this.code())).catch(() => undefined);
  }
}

function narrow<K extends StageLayout['kind']>(layout: StageLayout, kind: K): Extract<StageLayout, { kind: K }> | null {
  return layout.kind === kind ? (layout as Extract<StageLayout, { kind: K }>) : null;
}
