/** Error codes of the meetings service (JSON `code` of its 4xx answers). */
export const MeetingsErrorCode = {
  WebhookUnsigned: 'WEBHOOK_UNSIGNED',
  WebhookSignatureInvalid: 'WEBHOOK_SIGNATURE_INVALID',
  WebhookBodyInvalid: 'WEBHOOK_BODY_INVALID',
  /** No such meeting, or not one the caller may see: the answer never says which. */
  MeetingNotFound: 'MEETING_NOT_FOUND',
  /** Unverified accounts may join meetings but not host them (docs/decisions.md). */
  EmailNotVerified: 'EMAIL_NOT_VERIFIED',
  /** A recurrence rule or RRULE that Confer does not accept; `details` lists RecurrenceFieldError. */
  RecurrenceInvalid: 'RECURRENCE_INVALID',
  /** The meeting is over or was cancelled: nobody joins it any more. */
  MeetingNotJoinable: 'MEETING_NOT_JOINABLE',
  /** A host locked the meeting: nobody new may join, not even through the lobby. */
  MeetingLocked: 'MEETING_LOCKED',
  MeetingFull: 'MEETING_FULL',
  PasscodeInvalid: 'PASSCODE_INVALID',
  /** Guests may not join this meeting; sign in. */
  GuestsNotAllowed: 'GUESTS_NOT_ALLOWED',
  /** A host removed this person from the meeting; they cannot come back to it. */
  ParticipantRemoved: 'PARTICIPANT_REMOVED',
  /** The caller is in the meeting but its role does not allow this control. */
  MeetingRoleRequired: 'MEETING_ROLE_REQUIRED',
  /** No such participant (or lobby entry) in this meeting. */
  ParticipantNotFound: 'PARTICIPANT_NOT_FOUND',
  /** The participant is not connected to the room right now, or has no such track. */
  ParticipantNotInRoom: 'PARTICIPANT_NOT_IN_ROOM',
  /** A stale or replayed LiveKit webhook. */
  WebhookStale: 'WEBHOOK_STALE',
  /** Only the meeting's host may do this (invitees see the meeting but do not change it). */
  HostOnly: 'MEETING_HOST_ONLY',
  /** The meeting is cancelled or over: it can no longer be edited. */
  MeetingNotEditable: 'MEETING_NOT_EDITABLE',
  /** The occurrence id names no occurrence of this series (or the meeting does not repeat). */
  OccurrenceNotFound: 'OCCURRENCE_NOT_FOUND',
  /** An invitee given by user id is not a Confer account. */
  InviteeUnknown: 'INVITEE_UNKNOWN',
  /** No calendar feed with this token (never made, rotated or revoked). */
  CalendarFeedNotFound: 'CALENDAR_FEED_NOT_FOUND',
} as const;
export type MeetingsErrorCode = (typeof MeetingsErrorCode)[keyof typeof MeetingsErrorCode];
