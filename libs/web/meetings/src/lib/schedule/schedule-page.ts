import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import {
  DEFAULT_MEETING_SETTINGS,
  MEETING_CODE_PATTERN,
  MeetingsErrorCode,
  WEEKDAYS,
  type RecurrenceFrequency,
  type ScheduledMeetingView,
  type Weekday,
} from '@confer/meetings/contracts';
import { FieldControl, FieldError, formFeedback, readApiError } from '@confer/web/auth';
import { ToastService } from '@confer/web/core';
import { MeetingsApi } from '../meetings-api';
import { browserTimeZone, timeZoneChoices, timeZoneLabel } from '@confer/web/core';
import { instantOf, localDateTimeOf, weekdayOfDate } from '../wall-clock';
import { HostMeetingDefaults } from './host-meeting-defaults';
import {
  applyChoices,
  inviteeAddresses,
  newScheduleFormValue,
  SCHEDULE_SENTENCES,
  scheduleForm,
  type EndChoice,
  type PasscodeChoice,
  type RepeatChoice,
} from './schedule-form';
import { placeScheduleErrors } from './schedule-errors';
import { formValueOf, scheduleRequest, updateRequest } from './schedule-request';

type PageState =
  | { kind: 'new' }
  | { kind: 'loading' }
  | { kind: 'editing'; meeting: ScheduledMeetingView }
  /** Not found, not the host, or no longer editable: a sentence instead of the form. */
  | { kind: 'blocked'; message: string; code: string | null };

const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const UNITS: Readonly<Record<RecurrenceFrequency, string>> = { daily: 'days', weekly: 'weeks', monthly: 'months' };

export const NOT_FOUND_SENTENCE = "This meeting doesn't exist or you aren't invited.";

/**
 * /meetings/new and /meetings/:code/edit: one form for scheduling a meeting and for editing it (the
 * whole series). Times are typed as the wall clock of the chosen zone; the request carries the instant.
 */
@Component({
  selector: 'cf-schedule-page',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-page.html',
  styles: `
    .field textarea {
      min-block-size: 5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid #8a93a6;
      border-radius: 0.5rem;
      font: inherit;
    }
    .field textarea[aria-invalid='true'] {
      border-color: var(--cf-danger);
    }
    .schedule-inline {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
  `,
})
export class SchedulePage implements OnInit {
  private readonly api = inject(MeetingsApi);
  private readonly defaults = inject(HostMeetingDefaults);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The meeting being edited; null on /meetings/new. */
  protected readonly code = inject(ActivatedRoute).snapshot.paramMap.get('code');
  protected readonly form = scheduleForm(inject(NonNullableFormBuilder));
  protected readonly feedback = formFeedback(this.form, 'schedule', SCHEDULE_SENTENCES);

  protected readonly state = signal<PageState>(this.code === null ? { kind: 'new' } : { kind: 'loading' });
  protected readonly timeZones = signal<readonly string[]>([]);
  protected readonly frequency = signal<RepeatChoice>('none');
  protected readonly ends = signal<EndChoice>('never');
  protected readonly passcodeChoice = signal<PasscodeChoice>('keep');
  /** "That is 09:00 on … where you are", when the chosen zone is not the browser's. */
  protected readonly startPreview = signal('');
  protected readonly notice = signal('');
  protected readonly unverified = signal(false);
  protected readonly hadPasscode = computed(() => {
    const state = this.state();
    return state.kind === 'editing' && state.meeting.hasPasscode;
  });

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayName = (day: Weekday): string => WEEKDAY_NAMES[day];
  protected readonly unit = (frequency: RepeatChoice): string => (frequency === 'none' ? '' : UNITS[frequency]);
  protected readonly zoneLabel = timeZoneLabel;
  protected readonly settingChecks = [
    { key: 'waitingRoom', label: 'Waiting room', hint: 'People wait until a host lets them in.' },
    { key: 'allowChat', label: 'Allow chat', hint: null },
    { key: 'allowRecording', label: 'Allow recording', hint: null },
    { key: 'muteOnEntry', label: 'Mute microphones on entry', hint: null },
    { key: 'cameraOffOnEntry', label: 'Turn cameras off on entry', hint: null },
    { key: 'participantsMayUnmute', label: 'Participants may unmute themselves', hint: null },
    { key: 'allowGuests', label: 'Allow guests', hint: 'People without an account may join under a name of their choosing.' },
  ] as const;

  private readonly browserZone = browserTimeZone();

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.sync());
  }

  ngOnInit(): void {
    if (this.code === null) {
      this.startNew();
    } else if (!MEETING_CODE_PATTERN.test(this.code)) {
      this.state.set({ kind: 'blocked', message: NOT_FOUND_SENTENCE, code: null });
    } else {
      this.load(this.code);
    }
  }

  protected submit(): void {
    this.notice.set('');
    this.unverified.set(false);
    if (!this.feedback.start()) {
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const state = this.state();
    let save: Observable<ScheduledMeetingView>;
    if (state.kind === 'editing') {
      const request = updateRequest(value, state.meeting);
      if (Object.keys(request).length === 0) {
        this.feedback.succeed();
        this.notice.set('Nothing has changed.');
        return;
      }
      save = this.api.update(state.meeting.code, request);
    } else {
      save = this.api.schedule(scheduleRequest(value));
    }
    const invitees = inviteeAddresses(value.invitees);
    save.subscribe({
      next: (meeting) => {
        this.feedback.succeed();
        this.toasts.show(state.kind === 'editing' ? 'Your changes have been saved.' : 'Your meeting has been scheduled.', 'success');
        void this.router.navigate(['/meetings', meeting.code]);
      },
      error: (error: unknown) => {
        const failure = this.feedback.fail(placeScheduleErrors(error, invitees), (apiError) =>
          apiError.code === MeetingsErrorCode.EmailNotVerified ? null : undefined,
        );
        this.unverified.set(failure.code === MeetingsErrorCode.EmailNotVerified);
        this.focusFirstInvalid();
      },
    });
  }

  private startNew(): void {
    const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const zone = this.browserZone;
    this.timeZones.set(timeZoneChoices(zone));
    this.form.reset(newScheduleFormValue(zone, localDateTimeOf(nextHour, zone)));
    // The host's own defaults, unless they already changed a setting.
    this.defaults.load().subscribe({
      next: (defaults) => {
        const settings = this.form.controls.settings;
        if (settings.pristine) settings.reset({ ...DEFAULT_MEETING_SETTINGS, ...defaults });
      },
      error: () => undefined,
    });
  }

  private load(code: string): void {
    this.api.get(code).subscribe({
      next: (meeting) => {
        if (meeting.role !== 'host') {
          this.state.set({ kind: 'blocked', message: 'Only the host can change this meeting.', code });
        } else if (meeting.status === 'cancelled' || meeting.status === 'ended') {
          this.state.set({ kind: 'blocked', message: 'This meeting is cancelled or over and can no longer be changed.', code });
        } else {
          this.timeZones.set(timeZoneChoices(meeting.timeZone));
          this.form.reset(formValueOf(meeting));
          this.state.set({ kind: 'editing', meeting });
        }
      },
      error: (error: unknown) => {
        const failure = readApiError(error);
        const missing = failure.status === 404 || failure.status === 400;
        this.state.set({ kind: 'blocked', message: missing ? NOT_FOUND_SENTENCE : failure.message, code: missing ? null : code });
      },
    });
  }

  /** Enables what applies, and mirrors the choices the template switches on. */
  private sync(): void {
    const recurrence = this.form.controls.recurrence.controls;
    const startDay = weekdayOfDate(this.form.controls.startsAt.value);
    // Switching to weekly with no day chosen picks the start's weekday, which the series must include.
    if (recurrence.frequency.value === 'weekly' && this.frequency() !== 'weekly' && startDay && !Object.values(recurrence.weekdays.getRawValue()).some(Boolean)) {
      recurrence.weekdays.controls[startDay].setValue(true, { emitEvent: false });
    }
    applyChoices(this.form);
    this.frequency.set(recurrence.frequency.value);
    this.ends.set(recurrence.ends.value);
    this.passcodeChoice.set(this.form.controls.passcodeChoice.value);
    this.startPreview.set(this.preview());
  }

  private preview(): string {
    const { startsAt, timeZone } = this.form.getRawValue();
    if (!timeZone || timeZone === this.browserZone) return '';
    const instant = instantOf(startsAt, timeZone);
    if (!instant) return '';
    const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
    return `That is ${local} where you are (${timeZoneLabel(this.browserZone)}).`;
  }

  /** After the errors render: the first field that shows one, in reading order. */
  private focusFirstInvalid(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), { injector: this.injector });
  }
}
