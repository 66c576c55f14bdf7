import { WEEKDAYS, type MeetingSettings, type MeetingStatus, type RecurrenceRule, type Weekday } from '@confer/meetings/contracts';
import { localDateOf, weekdayOfDate } from '../wall-clock';

/** Meetings in sentences, for the details page and the invitation text. `locale` undefined: the browser's. */

const STATUS_LABELS: Readonly<Record<MeetingStatus, string>> = {
  scheduled: 'Scheduled',
  live: 'Live now',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export function statusLabel(status: MeetingStatus): string {
  return STATUS_LABELS[status];
}

/** "Mon, 6 May 2030, 09:00 – 09:15 CEST" in `timeZone`, with the zone's short name. */
export function timeRangeIn(startsAt: string, durationMinutes: number, timeZone: string, locale?: string): string {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).formatRange(start, end);
}

/** "Every 2 weeks on Monday and Thursday, until 30 Jun 2026"; a rule's times follow the meeting's zone. */
export function recurrenceInWords(rule: RecurrenceRule, startsAt: string, timeZone: string, locale?: string): string {
  const every = (unit: string): string => (rule.interval && rule.interval > 1 ? `Every ${rule.interval} ${unit}s` : `Every ${unit}`);
  const startDate = localDateOf(startsAt, timeZone);
  let words: string;
  if (rule.frequency === 'daily') {
    words = every('day');
  } else if (rule.frequency === 'weekly') {
    const days = rule.weekdays?.length ? WEEKDAYS.filter((day) => rule.weekdays?.includes(day)) : [weekdayOfDate(startDate) ?? 'MO'];
    words = `${every('week')} on ${new Intl.ListFormat(locale, { type: 'conjunction' }).format(days.map((day) => weekdayName(day, locale)))}`;
  } else {
    words = `${every('month')} on day ${Number(startDate.slice(8, 10))}`;
  }
  if (rule.count !== undefined) words += `, ${rule.count} ${rule.count === 1 ? 'time' : 'times'}`;
  if (rule.until !== undefined) words += `, until ${calendarDate(rule.until, locale)}`;
  return words;
}

/** The settings of a meeting as [label, value] lines. */
export function settingsSummary(settings: MeetingSettings, hasPasscode: boolean): readonly (readonly [string, string])[] {
  const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
  return [
    ['Waiting room', settings.waitingRoom ? 'On: a host lets people in' : 'Off'],
    ['Screen sharing', settings.screenShare === 'host' ? 'Hosts and co-hosts' : 'Everyone'],
    ['Chat', settings.allowChat ? 'Allowed' : 'Off'],
    ['Recording', settings.allowRecording ? 'Allowed' : 'Off'],
    ['Microphones muted on entry', yesNo(settings.muteOnEntry)],
    ['Cameras off on entry', yesNo(settings.cameraOffOnEntry)],
    ['Participants may unmute themselves', yesNo(settings.participantsMayUnmute)],
    ['Guests without an account', settings.allowGuests ? 'Allowed' : 'Not allowed'],
    ['Maximum participants', String(settings.maxParticipants)],
    ['Passcode', hasPasscode ? 'Needed to join' : 'None'],
  ];
}

function weekdayName(day: Weekday, locale?: string): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

function calendarDate(localDate: string, locale?: string): string {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}
