/** Error codes of the meetings service (JSON `code` of its 4xx answers). */
export const MeetingsErrorCode = {
  WebhookUnsigned: 'WEBHOOK_UNSIGNED',
  WebhookSignatureInvalid: 'WEBHOOK_SIGNATURE_INVALID',
  WebhookBodyInvalid: 'WEBHOOK_BODY_INVALID',
} as const;
export type MeetingsErrorCode = (typeof MeetingsErrorCode)[keyof typeof MeetingsErrorCode];
