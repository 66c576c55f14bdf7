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

/** Who may share their screen in a meeting. */
export type ScreenShareSetting = 'host' | 'everyone';

/**
 * Settings of one meeting. A new meeting starts from its host's meeting defaults (identity
 * preferences) and these values for the rest; the host changes them per meeting.
 */
export interface MeetingSettings {
  /** People wait in the lobby until a host or co-host admits them. */
  waitingRoom: boolean;
  /** 'host': hosts and co-hosts only. */
  screenShare: ScreenShareSetting;
  allowChat: boolean;
  allowRecording: boolean;
  /** Microphones start muted. */
  muteOnEntry: boolean;
  /** Cameras start off. */
  cameraOffOnEntry: boolean;
  /** Participants may unmute themselves after a host muted them or they joined muted. */
  participantsMayUnmute: boolean;
  /** People without an account may join under a display name. */
  allowGuests: boolean;
  /** Hosts included. */
  maxParticipants: number;
}

export const MEETING_SETTINGS_LIMITS = { maxParticipantsMin: 2, maxParticipantsMax: 100 } as const;

export const DEFAULT_MEETING_SETTINGS: Readonly<MeetingSettings> = Object.freeze({
  waitingRoom: false,
  screenShare: 'everyone',
  allowChat: true,
  allowRecording: true,
  muteOnEntry: false,
  cameraOffOnEntry: false,
  participantsMayUnmute: true,
  allowGuests: true,
  maxParticipants: 100,
});

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
  settings: MeetingSettings;
  /** A passcode is needed to join (only its hash is stored). */
  hasPasscode: boolean;
  /** Locked: nobody new may join, not even through the lobby. */
  locked: boolean;
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
