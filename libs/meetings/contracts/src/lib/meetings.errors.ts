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
} as const;
export type MeetingsErrorCode = (typeof MeetingsErrorCode)[keyof typeof MeetingsErrorCode];
