import { DomainEvent } from '@confer/shared/contracts';

export interface MeetingLivePayload {
  meetingId: string;
  code: string;
  hostId: string;
  at: string;
}

/** The meeting's LiveKit room started. */
export class MeetingStarted extends DomainEvent<MeetingLivePayload> {
  static readonly type = 'meetings.meeting.started';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

/** The meeting ended: its room finished, a host ended it, or the reconciler found it empty or gone. */
export class MeetingEnded extends DomainEvent<MeetingLivePayload & { reason: 'room_finished' | 'ended_by_host' | 'reconciled' | 'host_deleted' }> {
  static readonly type = 'meetings.meeting.ended';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export interface ParticipantPresencePayload {
  meetingId: string;
  identity: string;
  /** Null for guests. */
  userId: string | null;
  displayName: string;
  at: string;
}

export class ParticipantJoined extends DomainEvent<ParticipantPresencePayload> {
  static readonly type = 'meetings.participant.joined';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export class ParticipantLeft extends DomainEvent<ParticipantPresencePayload> {
  static readonly type = 'meetings.participant.left';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

/** A host or co-host removed someone from the meeting, for good (chat closes their connection). */
export class ParticipantRemoved extends DomainEvent<{ meetingId: string; code: string; identity: string; userId: string | null; at: string }> {
  static readonly type = 'meetings.participant.removed';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export interface ParticipantActionPayload {
  meetingId: string;
  identity: string;
  at: string;
}

export class ScreenShareStarted extends DomainEvent<ParticipantActionPayload & { trackSid: string }> {
  static readonly type = 'meetings.screenshare.started';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export class ScreenShareStopped extends DomainEvent<ParticipantActionPayload & { trackSid: string }> {
  static readonly type = 'meetings.screenshare.stopped';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export class HandRaised extends DomainEvent<ParticipantActionPayload> {
  static readonly type = 'meetings.hand.raised';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

export class HandLowered extends DomainEvent<ParticipantActionPayload> {
  static readonly type = 'meetings.hand.lowered';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}
