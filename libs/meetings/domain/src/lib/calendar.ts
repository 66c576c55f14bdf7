import type { OccurrenceId } from '@confer/meetings/contracts';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendarProdIdData } from 'ical-generator';
import { attendeeData, cancelledOccurrenceEvent, meetingEvents, vtimezones, type CalendarMeeting } from './calendar-events';

export type { CalendarMeeting, OccurrenceOverride } from './calendar-events';

/**
 * iCalendar (RFC 5545) files for invitations (iTIP, RFC 5546) and subscription feeds, written by
 * ical-generator: every value is escaped and folded by the library, never concatenated here.
 */

const PROD_ID: ICalCalendarProdIdData = { company: 'Confer', product: 'Meetings', language: 'EN' };
/** How often subscribed calendars should fetch a feed again, in seconds (PT1H). */
export const FEED_REFRESH_SECONDS = 3600;

export interface CalendarPerson {
  email: string;
  name?: string;
}

export interface InviteMeeting extends CalendarMeeting {
  organizer: { name: string; email: string };
  attendees: readonly CalendarPerson[];
}

export interface InviteOptions {
  /** REQUEST creates or updates (raise `sequence`); CANCEL withdraws the series or one occurrence. */
  method: 'REQUEST' | 'CANCEL';
  meeting: InviteMeeting;
  /** CANCEL only: cancel just this occurrence instead of the whole series. */
  occurrenceId?: OccurrenceId;
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
}

/**
 * The `.ics` attached to an invitation email.
 * - REQUEST: the series VEVENT (RRULE, EXDATE) plus one VEVENT per modified occurrence.
 * - CANCEL: the series with STATUS:CANCELLED, or with `occurrenceId` one VEVENT with that
 *   RECURRENCE-ID and STATUS:CANCELLED.
 * Throws RangeError for an unknown time zone or an occurrence id that is not in the series, and
 * InvalidRecurrenceError for an RRULE Confer did not write.
 */
export function inviteCalendar(options: InviteOptions): string {
  const { method, meeting, occurrenceId } = options;
  const stamp = options.stamp ?? new Date();
  if (occurrenceId !== undefined && method !== 'CANCEL') throw new RangeError('occurrenceId is for CANCEL only.');
  const people = { organizer: meeting.organizer, attendees: attendeeData(meeting.attendees, method === 'REQUEST') };

  const calendar = ical({ prodId: PROD_ID, method: ICalCalendarMethod[method], timezone: vtimezones });
  if (occurrenceId !== undefined) {
    calendar.createEvent(cancelledOccurrenceEvent(meeting, occurrenceId, people, stamp));
  } else if (method === 'CANCEL') {
    const [series] = meetingEvents({ ...meeting, overrides: [] }, people, stamp);
    calendar.createEvent({ ...series, status: ICalEventStatus.CANCELLED });
  } else {
    meetingEvents(meeting, people, stamp).forEach((event) => calendar.createEvent(event));
  }
  return calendar.toString();
}

export interface FeedMeeting extends CalendarMeeting {
  /** A cancelled meeting stays in the feed with STATUS:CANCELLED until the caller drops it. */
  cancelled?: boolean;
}

export interface FeedOptions {
  /** Calendar name shown by the subscribing app (X-WR-CALNAME). */
  name: string;
  events: readonly FeedMeeting[];
  stamp?: Date;
}

/**
 * A personal subscription feed (METHOD:PUBLISH) for Google Calendar, Outlook and Apple Calendar.
 * It names no organizer or attendees: the feed URL is a bearer secret and must not leak other
 * people's addresses. Refresh hints: REFRESH-INTERVAL and X-PUBLISHED-TTL of one hour.
 */
export function feedCalendar(options: FeedOptions): string {
  const stamp = options.stamp ?? new Date();
  const calendar = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes the calendar name without escaping; line breaks must not get in.
    name: options.name.replace(/[\p{Cc}]+/gu, ' ').trim(),
    ttl: FEED_REFRESH_SECONDS,
    timezone: vtimezones,
  });
  for (const meeting of options.events) {
    const [series, ...modified] = meetingEvents(meeting, {}, stamp);
    calendar.createEvent(meeting.cancelled ? { ...series, status: ICalEventStatus.CANCELLED } : series);
    if (!meeting.cancelled) modified.forEach((event) => calendar.createEvent(event));
  }
  return calendar.toString();
}
