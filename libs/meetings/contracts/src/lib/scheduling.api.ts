import type { MeetingRunSummary } from './history.api';
import type { CreateMeetingRequest, MeetingSettings, MeetingView, OccurrenceId, RecurrenceRule } from './meetings.api';

/** Scheduling, invitations and calendars: request and response shapes under /api/meetings. */

export const SCHEDULING_LIMITS = {
  /** Invitees of one meeting. */
  inviteesMax: 100,
  /** `GET /meetings?scope=upcoming&days=`: how far ahead recurring series are expanded. */
  upcomingDaysDefault: 60,
  upcomingDaysMax: 365,
  /** Entries of one list answer. */
  listMax: 200,
  /** The personal feed covers this many days back and ahead. */
  feedPastDays: 30,
  feedFutureDays: 365,
} as const;

/** One invitee: a Confer account (by id) or any address. */
export interface InviteeRef {
  userId?: string;
  email?: string;
}

export interface ScheduleMeetingRequest extends CreateMeetingRequest {
  /** Needs `startsAt`. */
  recurrence?: RecurrenceRule;
  /** Alternatively an RFC 5545 RRULE as Confer writes it (`FREQ=WEEKLY;INTERVAL=1;BYDAY=MO`). */
  rrule?: string;
  /** Over the host's meeting defaults (identity preferences), then DEFAULT_MEETING_SETTINGS. */
  settings?: Partial<MeetingSettings>;
  /** 4–32 letters or digits; only its hash is stored. */
  passcode?: string;
  invitees?: InviteeRef[];
}

/** `PATCH /meetings/:code`: the whole series. Every edit raises the iCalendar SEQUENCE. */
export interface UpdateMeetingRequest {
  title?: string;
  description?: string;
  startsAt?: string;
  durationMinutes?: number;
  timeZone?: string;
  /** null: the meeting no longer repeats. Changing the start or the rule drops per-occurrence changes. */
  recurrence?: RecurrenceRule | null;
  rrule?: string | null;
  settings?: Partial<MeetingSettings>;
  /** null removes the passcode. */
  passcode?: string | null;
  /** Replaces the list: removed invitees are sent a cancellation, everyone else the update. */
  invitees?: InviteeRef[];
}

/** `PATCH /meetings/:code/occurrences/:occurrenceId`: move or retitle one occurrence of a series. */
export interface UpdateOccurrenceRequest {
  startsAt?: string;
  durationMinutes?: number;
  title?: string;
}

/** How the caller relates to a scheduled meeting (not the role inside a live meeting). */
export type ScheduleRole = 'host' | 'invitee';

export interface InviteeView {
  /** null for an address that is not (known to be) a Confer account. */
  userId: string | null;
  /** Shown to the host only. */
  email: string | null;
  displayName: string;
}

export interface OccurrenceOverrideView {
  occurrenceId: OccurrenceId;
  startsAt: string;
  durationMinutes: number;
  title: string | null;
  cancelled: boolean;
}

/** `GET /meetings/:code` and the answers of create and edit. */
export interface ScheduledMeetingView extends MeetingView {
  role: ScheduleRole;
  recurrence: RecurrenceRule | null;
  /** The iCalendar SEQUENCE of the series. */
  sequence: number;
  invitees: InviteeView[];
  overrides: OccurrenceOverrideView[];
}

/** How the caller relates to a listed meeting: `attendee` (past list only) took part without being invited. */
export type MeetingListRole = ScheduleRole | 'attendee';

/**
 * An entry of `GET /meetings`: a meeting, or for a series one occurrence of it (startsAt,
 * durationMinutes and title are the occurrence's).
 */
export interface MeetingListEntry extends MeetingView {
  role: MeetingListRole;
  /** The occurrence of a series; null for a meeting that does not repeat. */
  occurrenceId: OccurrenceId | null;
  /** Past list only: when it last actually ran (for a series, its latest run); null if it never did. */
  lastRun?: MeetingRunSummary | null;
}

/** `POST /calendar/feed`: the secret subscription URL (shown once; a new POST replaces it). */
export interface CalendarFeedView {
  url: string;
}
