import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MeetingsErrorCode, type MeetingView } from '@confer/meetings/contracts';
import { AuthSession, readApiError } from '@confer/web/auth';
import { MeetingsApi } from '../meetings-api';

type Problem = { kind: 'unverified' } | { kind: 'other'; message: string };

/** "Start a meeting now": an instant meeting, then its code and a link to share. */
@Component({
  selector: 'cf-start-meeting',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start-meeting.html',
})
export class StartMeeting {
  private readonly api = inject(MeetingsApi);
  private readonly session = inject(AuthSession);
  private readonly document = inject(DOCUMENT);

  protected readonly pending = signal(false);
  protected readonly meeting = signal<MeetingView | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly copyStatus = signal('');
  protected readonly link = computed(() => {
    const meeting = this.meeting();
    return meeting ? `${this.document.location.origin}/m/${meeting.code}` : '';
  });

  protected start(): void {
    if (this.pending()) return;
    const name = this.session.user()?.displayName;
    this.pending.set(true);
    this.problem.set(null);
    this.copyStatus.set('');
    this.api.startNow(name ? `${name}'s meeting` : 'Meeting').subscribe({
      next: (meeting) => {
        this.pending.set(false);
        this.meeting.set(meeting);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        const apiError = readApiError(error);
        this.problem.set(
          apiError.status === 403 && apiError.code === MeetingsErrorCode.EmailNotVerified ? { kind: 'unverified' } : { kind: 'other', message: apiError.message },
        );
      },
    });
  }

  protected async copy(): Promise<void> {
    this.copyStatus.set('');
    try {
      // Absent outside secure contexts: then the catch tells the person to copy by hand.
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('No clipboard');
      await clipboard.writeText(this.link());
      this.copyStatus.set('Copied');
    } catch {
      this.copyStatus.set('Could not copy. Select the link and copy it.');
    }
  }
}
