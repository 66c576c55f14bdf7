import { type AbstractControl, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import {
  DEFAULT_MEETING_SETTINGS,
  MEETING_SETTINGS_LIMITS,
  RecurrenceLimits,
  SCHEDULING_LIMITS,
  WEEKDAYS,
  type MeetingSettings,
  type RecurrenceFrequency,
  type ScreenShareSetting,
  type Weekday,
} from '@confer/meetings/contracts';

/** "Repeats": not at all, or one of the frequencies of RecurrenceRule. */
export type RepeatChoice = 'none' | RecurrenceFrequency;
/** "Ends": an open-ended series, after `count` meetings, or on the `until` date. */
export type EndChoice = 'never' | 'count' | 'until';
/** keep: send nothing (no passcode on a new meeting); set: the typed one; remove: null (edit only). */
export type PasscodeChoice = 'keep' | 'set' | 'remove';

export type WeekdayChoices = Record<Weekday, boolean>;

export interface RecurrenceFormValue {
  frequency: RepeatChoice;
  interval: number | null;
  weekdays: WeekdayChoices;
  ends: EndChoice;
  count: number | null;
  /** YYYY-MM-DD, from `<input type="date">`. */
  until: string;
}

/** Everything the schedule form holds, as `getRawValue()` gives it. */
export interface ScheduleFormValue {
  title: string;
  description: string;
  /** The wall clock in `timeZone`, `YYYY-MM-DDTHH:mm` (a datetime-local input). */
  startsAt: string;
  durationMinutes: number | null;
  timeZone: string;
  recurrence: RecurrenceFormValue;
  settings: Omit<MeetingSettings, 'maxParticipants'> & { maxParticipants: number | null };
  passcodeChoice: PasscodeChoice;
  passcode: string;
  /** Addresses separated by commas, semicolons, spaces or new lines. */
  invitees: string;
}

export const PASSCODE_PATTERN = /^[A-Za-z0-9]{4,32}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A plausible address; the server has the last word. */
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** The addresses in the invitees box, de-duplicated (case-insensitively), in the order typed. */
export function inviteeAddresses(text: string): string[] {
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const address of text.split(/[\s,;]+/)) {
    if (address === '' || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    addresses.push(address);
  }
  return addresses;
}

export function noWeekdays(): WeekdayChoices {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, false])) as WeekdayChoices;
}

/** The form's starting point for a new meeting. */
export function newScheduleFormValue(timeZone: string, startsAt: string, settings: MeetingSettings = DEFAULT_MEETING_SETTINGS): ScheduleFormValue {
  return {
    title: '',
    description: '',
    startsAt,
    durationMinutes: 60,
    timeZone,
    recurrence: { frequency: 'none', interval: 1, weekdays: noWeekdays(), ends: 'never', count: 10, until: '' },
    settings: { ...settings },
    passcodeChoice: 'keep',
    passcode: '',
    invitees: '',
  };
}

export function scheduleForm(fb: NonNullableFormBuilder) {
  const settings = DEFAULT_MEETING_SETTINGS;
  const { maxParticipantsMin, maxParticipantsMax } = MEETING_SETTINGS_LIMITS;
  return fb.group({
    title: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(200)]],
    description: ['', Validators.maxLength(5000)],
    startsAt: ['', [Validators.required, Validators.pattern(LOCAL_DATE_TIME)]],
    durationMinutes: fb.control<number | null>(60, [Validators.required, wholeNumber, Validators.min(5), Validators.max(1440)]),
    timeZone: ['', Validators.required],
    recurrence: fb.group({
      frequency: fb.control<RepeatChoice>('none'),
      interval: fb.control<number | null>(1, [
        Validators.required,
        wholeNumber,
        Validators.min(RecurrenceLimits.intervalMin),
        Validators.max(RecurrenceLimits.intervalMax),
      ]),
      weekdays: fb.group(noWeekdays(), { validators: atLeastOneDay }),
      ends: fb.control<EndChoice>('never'),
      count: fb.control<number | null>(10, [Validators.required, wholeNumber, Validators.min(RecurrenceLimits.countMin), Validators.max(RecurrenceLimits.countMax)]),
      until: ['', Validators.required],
    }),
    settings: fb.group({
      waitingRoom: [settings.waitingRoom],
      screenShare: fb.control<ScreenShareSetting>(settings.screenShare),
      allowChat: [settings.allowChat],
      allowRecording: [settings.allowRecording],
      muteOnEntry: [settings.muteOnEntry],
      cameraOffOnEntry: [settings.cameraOffOnEntry],
      participantsMayUnmute: [settings.participantsMayUnmute],
      allowGuests: [settings.allowGuests],
      maxParticipants: fb.control<number | null>(settings.maxParticipants, [
        Validators.required,
        wholeNumber,
        Validators.min(maxParticipantsMin),
        Validators.max(maxParticipantsMax),
      ]),
    }),
    passcodeChoice: fb.control<PasscodeChoice>('keep'),
    passcode: ['', [Validators.required, Validators.pattern(PASSCODE_PATTERN)]],
    invitees: ['', inviteeList],
  });
}

export type ScheduleForm = ReturnType<typeof scheduleForm>;

/**
 * Controls that do not apply (the weekdays of a daily meeting, the end date of an open series, the
 * passcode that is kept) are disabled, so they are neither validated nor shown.
 */
export function applyChoices(form: ScheduleForm): void {
  const recurrence = form.controls.recurrence.controls;
  const frequency = recurrence.frequency.value;
  const ends = recurrence.ends.value;
  const repeats = frequency !== 'none';
  toggle(recurrence.interval, repeats);
  toggle(recurrence.ends, repeats);
  toggle(recurrence.weekdays, frequency === 'weekly');
  toggle(recurrence.count, repeats && ends === 'count');
  toggle(recurrence.until, repeats && ends === 'until');
  toggle(form.controls.passcode, form.controls.passcodeChoice.value === 'set');
}

function toggle(control: AbstractControl, enabled: boolean): void {
  if (enabled && control.disabled) control.enable({ emitEvent: false });
  if (!enabled && control.enabled) control.disable({ emitEvent: false });
}

/** Sentences of the client-side checks, by control path and error key. */
export const SCHEDULE_SENTENCES = {
  title: { required: 'Enter a title.', pattern: 'Enter a title.', maxlength: 'Use at most 200 characters.' },
  description: { maxlength: 'Use at most 5000 characters.' },
  startsAt: { required: 'Enter the date and time the meeting starts.', pattern: 'Enter the date and time the meeting starts.' },
  durationMinutes: range('The duration', 5, 1440, 'minutes'),
  timeZone: { required: 'Choose a time zone.' },
  'recurrence.interval': range('The interval', RecurrenceLimits.intervalMin, RecurrenceLimits.intervalMax),
  'recurrence.weekdays': { atLeastOneDay: 'Choose at least one day of the week.' },
  'recurrence.count': range('The number of meetings', RecurrenceLimits.countMin, RecurrenceLimits.countMax),
  'recurrence.until': { required: 'Enter the date of the last meeting.' },
  'settings.maxParticipants': range('The limit', MEETING_SETTINGS_LIMITS.maxParticipantsMin, MEETING_SETTINGS_LIMITS.maxParticipantsMax, 'people'),
  passcode: { required: 'Enter a passcode.', pattern: 'Use 4 to 32 letters or digits, without spaces.' },
  invitees: {
    tooMany: `Invite at most ${SCHEDULING_LIMITS.inviteesMax} people.`,
  },
};

function range(what: string, min: number, max: number, unit = ''): Record<string, string> {
  const sentence = `${what} is a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}.`;
  return { required: sentence, wholeNumber: sentence, min: sentence, max: sentence };
}

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  return control.value === null || Number.isInteger(control.value) ? null : { wholeNumber: true };
}

function atLeastOneDay(group: AbstractControl): ValidationErrors | null {
  return Object.values(group.value as Partial<WeekdayChoices>).some(Boolean) ? null : { atLeastOneDay: true };
}

/** Each address must look like one, and there are at most 100. */
function inviteeList(control: AbstractControl<string>): ValidationErrors | null {
  const addresses = inviteeAddresses(control.value);
  if (addresses.length > SCHEDULING_LIMITS.inviteesMax) return { tooMany: true };
  const wrong = addresses.filter((address) => !EMAIL.test(address));
  // A string value under `server` is shown as is by FormFeedback: here it names the wrong addresses.
  return wrong.length > 0 ? { server: `${wrong.join(', ')} ${wrong.length === 1 ? 'is not an email address' : 'are not email addresses'}.` } : null;
}
