import { ChangeDetectionStrategy, Component, computed, effect, inject, type OnInit, signal, untracked } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MEETING_CODE_PATTERN, MeetingsErrorCode, type JoinResult, type LiveKitGrant, type MeetingPreview } from '@confer/meetings/contracts';
import { AuthSession, readApiError } from '@confer/web/auth';
import { ChatConnection } from '@confer/web/chat';
import { JoinApi } from './join/join-api';
import { RoomSession } from './live/room-session';
import type { MediaChoices } from './live/media-choices';
import { LobbyWait } from './lobby/lobby-wait';
import { PreJoin, type JoinOutcome } from './prejoin/pre-join';
import { MeetingRoom } from './room/meeting-room';

/** Where the person is on the way into (and out of) the meeting. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'pre-join'; preview: MeetingPreview }
  | { kind: 'waiting'; ticket: string }
  | { kind: 'room' }
  | { kind: 'over'; message: string; rejoin: boolean };

const FINAL_MESSAGES: Partial<Record<string, { message: string; rejoin: boolean }>> = {
  ended: { message: 'The meeting has ended.', rejoin: false },
  removed: { message: 'A host removed you from the meeting.', rejoin: false },
  replaced: { message: 'You joined this meeting from another window or device.', rejoin: false },
  left: { message: 'You left the meeting.', rejoin: true },
  lost: { message: 'The connection to the meeting was lost and could not be restored.', rejoin: true },
};

/**
 * /m/:code — the way into one meeting and the meeting itself: preview and pre-join, the lobby, the
 * room, and what happens after. Guests may use it; a signed-in person joins under their account.
 */
@Component({
  selector: 'cf-meeting-page',
  imports: [LobbyWait, MeetingRoom, PreJoin, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-page.html',
  providers: [RoomSession, ChatConnection],
})
export class MeetingPage implements OnInit {
  private readonly joinApi = inject(JoinApi);
  private readonly auth = inject(AuthSession);
  protected readonly session = inject(RoomSession);
  private readonly chat = inject(ChatConnection);

  /** The route's meeting code, as typed (checked against MEETING_CODE_PATTERN before use). */
  protected readonly code = signal((inject(ActivatedRoute).snapshot.paramMap.get('code') ?? '').toLowerCase());

  protected readonly phase = signal<Phase>({ kind: 'loading' });
  protected readonly title = signal('');
  protected readonly signedInName = computed(() => this.auth.user()?.displayName ?? null);
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly rejoining = signal(false);
  private media: MediaChoices = { microphoneOn: true, cameraOn: true };

  constructor() {
    // Leaving the room for good (ended, removed, lost...) turns the page into an explanation.
    // Only a change of the connection's state counts: rejoining shows the room before the state moves on.
    effect(() => {
      const final = FINAL_MESSAGES[this.session.state()];
      untracked(() => {
        if (final && this.phase().kind === 'room') this.phase.set({ kind: 'over', ...final });
      });
    });
    // The chat hears of the meeting's end too (meetings' event): the room ends then, whatever LiveKit said.
    effect(() => {
      if (this.chat.meetingEnded()) untracked(() => void this.session.endedElsewhere());
    });
    // The chat follows the room: in once LiveKit has let this person in, out when they are out for good.
    effect(() => {
      const state = this.session.state();
      untracked(() => {
        const ticket = this.session.ticket;
        if (state === 'connected' && ticket) this.chat.connect({ code: this.code(), ticket });
        else if (FINAL_MESSAGES[state]) this.chat.disconnect();
      });
    });
  }

  async ngOnInit(): Promise<void> {
    const code = this.code();
    if (!MEETING_CODE_PATTERN.test(code)) {
      this.phase.set({ kind: 'unavailable', message: 'This is not a meeting link. Check the code: it looks like abc-defg-hij.' });
      return;
    }
    // A signed-in person joins as themself: wait until the session is restored from its cookie.
    await this.auth.whenRestored();
    this.joinApi.preview(code).subscribe({
      next: (preview) => {
        this.title.set(preview.title);
        if (preview.status === 'ended' || preview.status === 'cancelled') {
          this.phase.set({ kind: 'unavailable', message: preview.status === 'ended' ? 'This meeting has ended.' : 'This meeting was cancelled.' });
        } else {
          this.phase.set({ kind: 'pre-join', preview });
        }
      },
      error: (error: unknown) => {
        const problem = readApiError(error);
        const message =
          problem.code === MeetingsErrorCode.MeetingNotFound
            ? "This meeting doesn't exist. Check the link you were sent."
            : problem.status === 429
              ? 'Too many attempts. Wait a minute and reload the page.'
              : 'The meeting could not be loaded. Reload the page to try again.';
        this.phase.set({ kind: 'unavailable', message });
      },
    });
  }

  protected async onJoined(outcome: JoinOutcome): Promise<void> {
    this.media = outcome.media;
    await this.enter(outcome.result);
  }

  protected async onDecided(result: Exclude<JoinResult, { status: 'waiting' }> | { status: 'denied' } | { status: 'removed' }): Promise<void> {
    if (result.status === 'denied') this.phase.set({ kind: 'over', message: 'A host did not let you in.', rejoin: false });
    else if (result.status === 'removed') this.phase.set({ kind: 'over', message: 'A host removed you from the meeting.', rejoin: false });
    else await this.enter(result);
  }

  protected leaveLobby(): void {
    this.phase.set({ kind: 'over', message: 'You left the waiting room.', rejoin: false });
  }

  protected async rejoin(): Promise<void> {
    this.rejoining.set(true);
    this.phase.set({ kind: 'room' });
    try {
      await this.session.rejoin(this.media);
    } catch (error) {
      const problem = readApiError(error);
      const message =
        problem.code === MeetingsErrorCode.ParticipantRemoved
          ? 'A host removed you from the meeting.'
          : problem.code === MeetingsErrorCode.MeetingNotJoinable
            ? 'The meeting has ended.'
            : 'The meeting could not be joined again. Try once more in a moment.';
      this.phase.set({ kind: 'over', message, rejoin: problem.code !== MeetingsErrorCode.ParticipantRemoved && problem.code !== MeetingsErrorCode.MeetingNotJoinable });
    } finally {
      this.rejoining.set(false);
    }
  }

  private async enter(result: JoinResult): Promise<void> {
    if (result.status === 'waiting') {
      this.phase.set({ kind: 'waiting', ticket: result.ticket });
      return;
    }
    this.phase.set({ kind: 'room' });
    await this.connect(result.ticket, result);
  }

  private async connect(ticket: string, grant: LiveKitGrant): Promise<void> {
    try {
      await this.session.connect(this.code(), ticket, grant, this.media);
    } catch {
      this.phase.set({ kind: 'over', message: 'Could not connect to the meeting. Check your connection and try again.', rejoin: true });
    }
  }
}
