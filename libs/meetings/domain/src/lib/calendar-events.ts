import type { OccurrenceId, RecurrenceFrequency, RecurrenceRule } from '@confer/meetings/contracts';
import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalAttendeeData,
  type ICalEventData,
  type ICalOrganizer,
  type ICalRepeatingOptions,
  type ICalTimezone,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { isOccurrenceOf } from './occurrences';
import { parseRrule } from './recurrence';
import { endOfLocalDay, isValidTimeZone } from './time-zone';

/** One occurrence that differs from the series: moved, renamed, or cancelled. */
export interface OccurrenceOverride {
  occurrenceId: OccurrenceId;
  startsAt: Date | string;
  durationMinutes: number;
  title?: string;
  sequence: number;
  cancelled?: boolean;
}

/** What every calendar entry of a meeting is built from. */
export interface CalendarMeeting {
  /** Stable across updates: the meeting's UID (e.g. `<meeting id>@confer.example`). */
  uid: string;
  /** Raised on every significant change; calendars ignore updates with a lower SEQUENCE. */
  sequence: number;
  title: string;
  description: string;
  joinUrl: string;
  startsAt: Date | string;
  durationMinutes: number;
  /** IANA time zone: DTSTART carries it as TZID and the series repeats on its wall clock. */
  timeZone: string;
  /** RRULE value written by toRrule. */
  recurrence?: string;
  /** Occurrence ids that are cancelled (EXDATE). */
  cancelledOccurrences?: readonly OccurrenceId[];
  overrides?: readonly OccurrenceOverride[];
}

export interface EventPeople {
  organizer?: ICalOrganizer;
  attendees?: ICalAttendeeData[];
}

/** A zone as the calendar names it: the VTIMEZONE library's TZID (canonical, e.g. Etc/UTC for UTC). */
export interface CalendarZone {
  tzid: string;
}

const FREQUENCY: Record<RecurrenceFrequency, ICalEventRepeatingFreq> = {
  daily: ICalEventRepeatingFreq.DAILY,
  weekly: ICalEventRepeatingFreq.WEEKLY,
  monthly: ICalEventRepeatingFreq.MONTHLY,
};

/**
 * VTIMEZONE definitions from timezones-ical-library. The calendar's own zone stays null so that
 * DTSTAMP and UNTIL are written in UTC, as RFC 5545 requires; each event's TZID gets a VTIMEZONE.
 */
export const vtimezones: ICalTimezone = {
  name: null,
  generator: (tzid) => {
    const block = tzlib_get_ical_block(tzid);
    return Array.isArray(block) && block[0] ? block[0] : null;
  },
};

/** Resolves an IANA zone to the TZID used in the file. Zones the VTIMEZONE library lacks keep their name. */
export function calendarZone(timeZone: string): CalendarZone {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone ${timeZone}.`);
  // Asked only for zones it lists: for others it logs to the console.
  const listed = tzlib_get_timezones();
  const block = Array.isArray(listed) && listed.includes(timeZone) ? tzlib_get_ical_block(timeZone) : '';
  const tzid = Array.isArray(block) ? block[1]?.replace(/^TZID=/, '') : undefined;
  return { tzid: tzid || timeZone };
}

/**
 * The VEVENTs of a meeting: the series (with RRULE and EXDATE) and one per modified occurrence
 * (same UID, RECURRENCE-ID). Cancelled overrides become EXDATEs of the series.
 */
export function meetingEvents(meeting: CalendarMeeting, people: EventPeople, stamp: Date): ICalEventData[] {
  const zone = calendarZone(meeting.timeZone);
  const rule = meeting.recurrence ? parseRrule(meeting.recurrence, meeting.timeZone) : undefined;
  const overrides = meeting.overrides ?? [];
  const cancelled = [...(meeting.cancelledOccurrences ?? []), ...overrides.filter((o) => o.cancelled).map((o) => o.occurrenceId)];
  for (const id of [...cancelled, ...overrides.map((o) => o.occurrenceId)]) assertOccurrence(meeting, rule, id);

  const series: ICalEventData = {
    ...eventBase(meeting, people, stamp, zone),
    ...timing(meeting.startsAt, meeting.durationMinutes, zone),
    repeating: rule ? repeating(rule, cancelled, meeting.timeZone, zone) : null,
  };
  const modified = overrides
    .filter((o) => !o.cancelled)
    .map((o) => ({
      ...eventBase(meeting, people, stamp, zone),
      ...timing(o.startsAt, o.durationMinutes, zone),
      summary: o.title ?? meeting.title,
      sequence: o.sequence,
      recurrenceId: inZone(o.occurrenceId, zone),
    }));
  return [series, ...modified];
}

/** The VEVENT that cancels one occurrence (METHOD:CANCEL with RECURRENCE-ID). */
export function cancelledOccurrenceEvent(meeting: CalendarMeeting, occurrenceId: OccurrenceId, people: EventPeople, stamp: Date): ICalEventData {
  const zone = calendarZone(meeting.timeZone);
  const rule = meeting.recurrence ? parseRrule(meeting.recurrence, meeting.timeZone) : undefined;
  assertOccurrence(meeting, rule, occurrenceId);
  const override = meeting.overrides?.find((o) => o.occurrenceId === occurrenceId);
  return {
    ...eventBase(meeting, people, stamp, zone),
    ...timing(override?.startsAt ?? occurrenceId, override?.durationMinutes ?? meeting.durationMinutes, zone),
    summary: override?.title ?? meeting.title,
    sequence: Math.max(meeting.sequence, override?.sequence ?? 0),
    recurrenceId: inZone(occurrenceId, zone),
    status: ICalEventStatus.CANCELLED,
  };
}

/** Attendee entries of an invitation; REQUEST asks each one to answer. */
export function attendeeData(attendees: readonly { email: string; name?: string }[], rsvp: boolean): ICalAttendeeData[] {
  return attendees.map(({ email, name }) => ({
    email,
    name: name ?? null,
    role: ICalAttendeeRole.REQ,
    ...(rsvp ? { status: ICalAttendeeStatus.NEEDSACTION, rsvp: true } : {}),
  }));
}

function eventBase(meeting: CalendarMeeting, people: EventPeople, stamp: Date, zone: CalendarZone): Omit<ICalEventData, 'start'> {
  const description = [meeting.description.trim(), `Join the meeting: ${meeting.joinUrl}`].filter(Boolean).join('\n\n');
  return {
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp,
    timezone: zone.tzid,
    summary: meeting.title,
    description,
    location: meeting.joinUrl,
    url: meeting.joinUrl,
    organizer: people.organizer ?? null,
    attendees: people.attendees ?? [],
  };
}

function timing(startsAt: Date | string, durationMinutes: number, zone: CalendarZone): Pick<ICalEventData, 'start' | 'end'> {
  const start = inZone(startsAt, zone);
  return { start, end: start.plus({ minutes: durationMinutes }) };
}

function repeating(rule: RecurrenceRule, cancelled: readonly OccurrenceId[], timeZone: string, zone: CalendarZone): ICalRepeatingOptions {
  const options: ICalRepeatingOptions = { freq: FREQUENCY[rule.frequency], interval: rule.interval ?? 1 };
  if (rule.weekdays) options.byDay = rule.weekdays.map((day) => ICalWeekday[day]);
  if (rule.count !== undefined) options.count = rule.count;
  // UNTIL is written in UTC (the calendar has no zone of its own), as RFC 5545 wants with a TZID start.
  if (rule.until !== undefined) options.until = DateTime.fromJSDate(endOfLocalDay(rule.until, timeZone), { zone: 'utc' });
  if (cancelled.length > 0) options.exclude = [...new Set(cancelled)].sort().map((id) => inZone(id, zone));
  return options;
}

/** A Luxon DateTime in the event's zone: ical-generator then writes its local time after TZID. */
function inZone(instant: Date | string, zone: CalendarZone): DateTime {
  const dateTime = DateTime.fromJSDate(new Date(instant), { zone: zone.tzid });
  if (!dateTime.isValid) throw new RangeError(`Invalid date ${String(instant)}.`);
  return dateTime;
}

function assertOccurrence(meeting: CalendarMeeting, rule: RecurrenceRule | undefined, id: OccurrenceId): void {
  if (!rule || !isOccurrenceOf({ startsAt: meeting.startsAt, timeZone: meeting.timeZone, rule }, id)) {
    throw new RangeError(`${id} is not an occurrence of meeting ${meeting.uid}.`);
  }
}
