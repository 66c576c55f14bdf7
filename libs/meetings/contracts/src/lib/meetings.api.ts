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
