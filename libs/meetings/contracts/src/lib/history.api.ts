/**
 * Meeting history: when a meeting actually ran and who was connected, from LiveKit's webhooks
 * (docs/decisions.md, "Meeting history"). Under /api/meetings.
 */
import type { MeetingRole } from './joining.api';

/**
 * One run of a meeting: from the first connection to the last disconnection, a stretch in which the
 * room was never empty for as long as it takes to close (EMPTY_ROOM_TIMEOUT_MINUTES). A one-off
 * meeting runs once; a series runs once per occurrence that was held.
 */
export interface MeetingRunSummary {
  startedAt: string;
  /** null while someone is still connected. */
  endedAt: string | null;
  /** From start to end (to now while it runs), in whole seconds. */
  durationSeconds: number;
  /** Different people connected during the run (each guest counts once). */
  attendeeCount: number;
}

/** One connection of one person. */
export interface AttendanceSession {
  joinedAt: string;
  /** null while still connected. */
  leftAt: string | null;
  durationSeconds: number;
  /**
   * The browser and system it came from, coarse on purpose ("Chrome 131 on Linux", "Safari 18 on
   * iPhone", "Bot or script", "Unknown device"); null when not recorded (connections from before it
   * was, or of an erased account). Shown to the host, and to an attendee for their own connections.
   */
  device: string | null;
}

/** One person's attendance during a run, their connections oldest first. */
export interface AttendeeAttendance {
  displayName: string;
  kind: 'account' | 'guest';
  /** Their role in the meeting as it is now (roles are not kept per run). */
  role: MeetingRole;
  /** Time connected, counting overlapping connections (two devices) once. */
  totalSeconds: number;
  sessions: AttendanceSession[];
}

export interface MeetingRunAttendance extends MeetingRunSummary {
  /** Everyone connected during the run, in the order they first joined. */
  attendees: string[];
  /** The host's view: everyone. An attendee's view: only themself. */
  people: AttendeeAttendance[];
}

/**
 * `GET /meetings/:code/attendance`. The host sees every run and everyone's join and leave times;
 * someone who attended (signed in) sees the runs they were in, their own times and the others' names.
 * Anyone else, invitees who did not attend included, gets 404 `MEETING_NOT_FOUND`.
 */
export interface MeetingAttendanceView {
  code: string;
  title: string;
  view: 'host' | 'attendee';
  /** Most recent first. */
  runs: MeetingRunAttendance[];
}
