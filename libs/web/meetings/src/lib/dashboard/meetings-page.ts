import { ChangeDetectionStrategy, Component, inject, type OnInit, signal, type WritableSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MeetingListEntry, MeetingListScope } from '@confer/meetings/contracts';
import { CalendarFeedSection } from '../calendar-feed/calendar-feed-section';
import { MeetingsApi } from '../meetings-api';
import { JoinMeeting } from './join-meeting';
import { MeetingList, type ListStatus } from './meeting-list';
import { StartMeeting } from './start-meeting';

interface ListState {
  readonly entries: readonly MeetingListEntry[];
  readonly status: ListStatus;
}

/**
 * /meetings: schedule a meeting, start one now, join one by code or link, the upcoming and recent
 * meetings (each links to its details page), and the personal calendar feed.
 */
@Component({
  selector: 'cf-meetings-page',
  imports: [CalendarFeedSection, JoinMeeting, MeetingList, RouterLink, StartMeeting],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meetings-page.html',
})
export class MeetingsPage implements OnInit {
  private readonly api = inject(MeetingsApi);

  protected readonly upcoming = signal<ListState>({ entries: [], status: 'loading' });
  protected readonly past = signal<ListState>({ entries: [], status: 'loading' });

  ngOnInit(): void {
    this.load('upcoming', this.upcoming);
    this.load('past', this.past);
  }

  /** A failure is explained by the error toast; the list only says it could not be shown. */
  private load(scope: MeetingListScope, state: WritableSignal<ListState>): void {
    this.api.list(scope).subscribe({
      next: (entries) => state.set({ entries, status: 'loaded' }),
      error: () => state.set({ entries: [], status: 'failed' }),
    });
  }
}
