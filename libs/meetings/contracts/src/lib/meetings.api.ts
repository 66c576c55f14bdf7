/** Public shapes of the meetings HTTP API under /api/meetings. */

export type MeetingKind = 'instant' | 'scheduled';
export type MeetingStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';

/** Meeting codes look like abc-defg-hij: ten random lower-case letters, about 47 bits. */
export const MEETING_CODE_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

export interface CreateMeetingRequest {
  title: string;
  description?: string;
  /** Absent for an instant meeting, which starts now. */
  startsAt?: string;
  durationMinutes?: number;
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone?: string;
}

export interface MeetingView {
  id: string;
  code: string;
  hostId: string;
  title: string;
  description: string;
  kind: MeetingKind;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  status: MeetingStatus;
  createdAt: string;
}

export type MeetingListScope = 'upcoming' | 'past';

/* ---------------------------------------------------------------------------------------------
 * Recurrence of a scheduled meeting. Stored and sent to calendars as an RFC 5545 RRULE; the
 * rules (validation, RRULE, expansion) live in @confer/meetings/domain.
 * ------------------------------------------------------------------------------------------- */

export type RecurrenceFrequency = 'daily' | 'weekly' | 'monthly';
export const RECURRENCE_FREQUENCIES: readonly RecurrenceFrequency[] = ['daily', 'weekly', 'monthly'];

/** RFC 5545 weekday codes, Monday first (the RFC's default week start). */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export const RecurrenceLimits = {
  intervalMin: 1,
  intervalMax: 99,
  countMin: 1,
  countMax: 366,
  /**
   * A series without count or until is open-ended (calendars get an RRULE without end), but one
   * expansion never covers more than this many days: two years of occurrences at most.
   */
  expansionWindowDays: 731,
} as const;

/**
 * How a meeting repeats. Times repeat at the same local wall-clock time in the meeting's time zone,
 * across daylight-saving changes. `count` and `until` exclude each other; with neither the series
 * is open-ended.
 */
export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  /** Every N days, weeks or months: 1..99, default 1. */
  interval?: number;
  /**
   * Weekly only: the days of the week, which must include the weekday of the first start.
   * Default: the weekday of the start. Monthly series repeat on the start's day of month.
   */
  weekdays?: Weekday[];
  /** Number of occurrences including the first: 1..366. */
  count?: number;
  /** Last local date (YYYY-MM-DD, in the meeting's time zone) on which an occurrence may start. */
  until?: string;
}

export type RecurrenceField = 'frequency' | 'interval' | 'weekdays' | 'count' | 'until' | 'startsAt' | 'timeZone';

export type RecurrenceErrorCode =
  | 'invalid'
  | 'out_of_range'
  | 'required'
  | 'not_allowed'
  | 'conflict'
  | 'before_start'
  | 'start_weekday_missing';

/** One problem with a RecurrenceRule; validation returns a list of these instead of throwing. */
export interface RecurrenceFieldError {
  field: RecurrenceField;
  code: RecurrenceErrorCode;
  message: string;
}

/**
 * Identifies one occurrence of a series: the ISO-8601 UTC start of the unmodified occurrence, as
 * `Date.prototype.toISOString()` writes it (`2026-03-02T08:00:00.000Z`). It is the RECURRENCE-ID of
 * RFC 5545 and does not change when that occurrence is moved.
 */
export type OccurrenceId = string;
