import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, type OnInit, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MEETING_CODE_PATTERN, type MeetingAttendanceView, type MeetingListEntry, type ScheduledMeetingView } from '@confer/meetings/contracts';
import { readApiError } from '@confer/web/auth';
import { ChatHistory } from '@confer/web/chat/history';
import { copyText } from '../clipboard';
import { MeetingsApi } from '../meetings-api';
import { browserTimeZone, saveFile, timeZoneLabel, ToastService } from '@confer/web/core';
import { inviteText } from './invite-text';
import { MeetingHistory } from './meeting-history';
import { recurrenceInWords, settingsSummary, statusLabel, timeRangeIn } from './meeting-words';

type PageState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; meeting: ScheduledMeetingView };

type OccurrencesState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; entries: readonly MeetingListEntry[] };

/** `none`: a 404, nothing this person may see (never held, or they were neither host nor there). */
type AttendanceState = { kind: 'loading' } | { kind: 'none' } | { kind: 'failed' } | { kind: 'loaded'; attendance: MeetingAttendanceView };

/** How many upcoming occurrences of a series the page lists. */
export const OCCURRENCES_SHOWN = 10;

/**
 * /meetings/:code: when, how it repeats, its settings and invitees, the join link with "Copy invite",
 * "Add to calendar" and "Join"; for the host "Edit", "Cancel meeting" and, for a series, cancelling
 * one occurrence; once held, its history. Host and invitees see it; someone who attended without an
 * invitation sees only the history; to anyone else the meeting does not exist.
 */
@Component({
  selector: 'cf-meeting-details-page',
  imports: [ChatHistory, MeetingHistory, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-details-page.html',
  styles: `
    .meeting-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .meeting-facts dt {
      font-weight: 600;
    }
    .meeting-facts dd {
      margin: 0;
    }
    .occurrences {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .occurrences li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--cf-border);
    }
  `,
})
export class MeetingDetailsPage implements OnInit {
  private readonly api = inject(MeetingsApi);
  private readonly toasts = inject(ToastService);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** From the snapshot: no link leads from one meeting's page straight to another's, so the page is never reused. */
  protected readonly code = inject(ActivatedRoute).snapshot.paramMap.get('code') ?? '';
  protected readonly state = signal<PageState>({ kind: 'loading' });
  protected readonly occurrences = signal<OccurrencesState>({ kind: 'loading' });
  protected readonly attendance = signal<AttendanceState>({ kind: 'loading' });
  protected readonly copyStatus = signal('');
  protected readonly downloading = signal(false);
  protected readonly confirmingCancel = signal(false);
  protected readonly cancelling = signal(false);
  /** The occurrence whose cancellation is being confirmed, then sent. */
  protected readonly confirmingOccurrence = signal<string | null>(null);
  protected readonly cancellingOccurrence = signal(false);

  protected readonly link = `${this.document.location.origin}/m/${this.code}`;
  protected readonly viewerZone = browserTimeZone();
  protected readonly zoneLabel = timeZoneLabel;
  protected readonly statusLabel = statusLabel;

  protected readonly meeting = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.meeting : null;
  });
  protected readonly isHost = computed(() => this.meeting()?.role === 'host');
  /** The history once the meeting has been held at least once. */
  protected readonly history = computed(() => {
    const state = this.attendance();
    return state.kind === 'loaded' && state.attendance.runs.length > 0 ? state.attendance : null;
  });
  /** Over or cancelled: nothing to join, add or change. */
  protected readonly isOpen = computed(() => {
    const status = this.meeting()?.status;
    return status === 'scheduled' || status === 'live';
  });
  protected readonly settings = computed(() => {
    const meeting = this.meeting();
    return meeting ? settingsSummary(meeting.settings, meeting.hasPasscode) : [];
  });
  protected readonly repeats = computed(() => {
    const meeting = this.meeting();
    return meeting?.recurrence ? recurrenceInWords(meeting.recurrence, meeting.startsAt, meeting.timeZone) : null;
  });

  ngOnInit(): void {
    if (!MEETING_CODE_PATTERN.test(this.code)) {
      this.state.set({ kind: 'missing' });
      this.attendance.set({ kind: 'none' });
      return;
    }
    this.loadAttendance();
    this.api.get(this.code).subscribe({
      next: (meeting) => this.show(meeting),
      error: (error: unknown) => {
        const failure = readApiError(error);
        this.state.set(failure.status === 404 || failure.status === 400 ? { kind: 'missing' } : { kind: 'failed', message: failure.message });
        this.titleFromHistory();
      },
    });
  }

  protected when(meeting: ScheduledMeetingView, timeZone: string): string {
    return timeRangeIn(meeting.startsAt, meeting.durationMinutes, timeZone);
  }

  protected occurrenceWhen(entry: MeetingListEntry): string {
    return timeRangeIn(entry.startsAt, entry.durationMinutes, this.viewerZone);
  }

  protected async copyInvite(meeting: ScheduledMeetingView): Promise<void> {
    this.copyStatus.set('');
    const copied = await copyText(this.document, inviteText(meeting, this.link));
    this.copyStatus.set(copied ? 'Invitation copied' : 'Could not copy. Select the link and copy it.');
  }

  /** The .ics through HttpClient (it needs the bearer token), saved through an object URL. */
  protected addToCalendar(meeting: ScheduledMeetingView): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.api.calendarFile(meeting.code).subscribe({
      next: (ics) => {
        this.downloading.set(false);
        saveFile(this.document, new Blob([ics], { type: 'text/calendar' }), `${meeting.code}.ics`);
      },
      error: () => this.downloading.set(false), // the error toast explains
    });
  }

  protected confirmCancel(show: boolean): void {
    this.confirmingCancel.set(show);
    this.focusAfterRender(show ? 'cancel-meeting-keep' : 'cancel-meeting-start');
  }

  protected cancelMeeting(meeting: ScheduledMeetingView): void {
    if (this.cancelling()) return;
    this.cancelling.set(true);
    this.api.cancel(meeting.code).subscribe({
      next: (cancelled) => {
        this.cancelling.set(false);
        this.confirmingCancel.set(false);
        this.show(cancelled);
        this.toasts.show('The meeting has been cancelled. Invitees are told by email.', 'success');
        this.focusAfterRender('meeting-title');
      },
      error: () => this.cancelling.set(false),
    });
  }

  protected confirmOccurrence(entry: MeetingListEntry | null): void {
    this.confirmingOccurrence.set(entry?.occurrenceId ?? null);
    if (entry?.occurrenceId) this.focusAfterRender(`occurrence-keep-${entry.occurrenceId}`);
  }

  protected cancelOccurrence(meeting: ScheduledMeetingView, entry: MeetingListEntry): void {
    const occurrenceId = entry.occurrenceId;
    if (!occurrenceId || this.cancellingOccurrence()) return;
    this.cancellingOccurrence.set(true);
    this.api.cancelOccurrence(meeting.code, occurrenceId).subscribe({
      next: (updated) => {
        this.cancellingOccurrence.set(false);
        this.confirmingOccurrence.set(null);
        this.state.set({ kind: 'ready', meeting: updated });
        this.occurrences.update((state) =>
          state.kind === 'loaded' ? { kind: 'loaded', entries: state.entries.filter((candidate) => candidate.occurrenceId !== occurrenceId) } : state,
        );
        this.toasts.show(`The meeting on ${this.occurrenceWhen(entry)} has been cancelled.`, 'success');
        this.focusAfterRender('occurrences-title');
      },
      error: () => this.cancellingOccurrence.set(false),
    });
  }

  private show(meeting: ScheduledMeetingView): void {
    this.state.set({ kind: 'ready', meeting });
    this.title.setTitle(`${meeting.title} · Confer`);
    if (meeting.recurrence && this.occurrences().kind !== 'loaded' && (meeting.status === 'scheduled' || meeting.status === 'live')) {
      this.loadOccurrences(meeting);
    }
  }

  /** Asked at once, beside the meeting: someone who attended without an invitation gets only this. */
  private loadAttendance(): void {
    this.api.attendance(this.code).subscribe({
      next: (attendance) => {
        this.attendance.set({ kind: 'loaded', attendance });
        this.titleFromHistory();
      },
      error: (error: unknown) => this.attendance.set(readApiError(error).status === 404 ? { kind: 'none' } : { kind: 'failed' }),
    });
  }

  /** Someone who only attended: the page is the history, under the meeting's title. */
  private titleFromHistory(): void {
    const attendance = this.attendance();
    if (this.state().kind === 'missing' && attendance.kind === 'loaded') this.title.setTitle(`${attendance.attendance.title} · Confer`);
  }

  /** A series' next occurrences, as the upcoming list has them (moved ones applied, cancelled ones left out). */
  private loadOccurrences(meeting: ScheduledMeetingView): void {
    this.api.list('upcoming').subscribe({
      next: (entries) =>
        this.occurrences.set({
          kind: 'loaded',
          entries: entries.filter((entry) => entry.id === meeting.id && entry.occurrenceId !== null).slice(0, OCCURRENCES_SHOWN),
        }),
      error: () => this.occurrences.set({ kind: 'failed' }),
    });
  }

  private focusAfterRender(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
