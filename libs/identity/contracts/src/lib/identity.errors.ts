/** Error codes of the identity service (JSON `code` of its 4xx answers). */
export const IdentityErrorCode = {
  /** Wrong email or password, or no such account: the answer never says which. */
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountDisabled: 'ACCOUNT_DISABLED',
  PasswordTooShort: 'PASSWORD_TOO_SHORT',
  PasswordTooLong: 'PASSWORD_TOO_LONG',
  PasswordTooCommon: 'PASSWORD_TOO_COMMON',
  /** A verification or reset link that is unknown, used or expired. */
  TokenInvalid: 'TOKEN_INVALID',
  /** No refresh cookie, or one that is unknown, expired or revoked. */
  RefreshInvalid: 'REFRESH_INVALID',
  /** A rotated refresh token was presented again: the whole session was revoked. */
  RefreshReused: 'REFRESH_REUSED',
  MfaRequired: 'MFA_REQUIRED',
  MfaInvalidCode: 'MFA_INVALID_CODE',
  MfaAlreadyEnabled: 'MFA_ALREADY_ENABLED',
  MfaNotEnabled: 'MFA_NOT_ENABLED',
  MfaEnrollmentMissing: 'MFA_ENROLLMENT_MISSING',
  /** An MFA challenge token that is unknown, used or expired: sign in again. */
  MfaChallengeInvalid: 'MFA_CHALLENGE_INVALID',
  SessionNotFound: 'SESSION_NOT_FOUND',
  EmailNotVerified: 'EMAIL_NOT_VERIFIED',
  /** The upload is not a PNG, JPEG, WebP or GIF image (judged by its content, not its content type). */
  AvatarNotAnImage: 'AVATAR_NOT_AN_IMAGE',
  /** The upload is over AVATAR_MAX_BYTES, or wider or taller than AVATAR_MAX_DIMENSION. */
  AvatarTooLarge: 'AVATAR_TOO_LARGE',
  AvatarNotFound: 'AVATAR_NOT_FOUND',
  UserNotFound: 'USER_NOT_FOUND',
  ContactNotFound: 'CONTACT_NOT_FOUND',
  /** You cannot be your own contact. */
  ContactSelf: 'CONTACT_SELF',
  ContactLimitReached: 'CONTACT_LIMIT_REACHED',
  /** An export is already queued or running, or a deletion is already under way. */
  PrivacyRequestActive: 'PRIVACY_REQUEST_ACTIVE',
  PrivacyRequestNotFound: 'PRIVACY_REQUEST_NOT_FOUND',
  /** The export archive is not ready yet, or was removed after PRIVACY_LIMITS.exportTtlDays. */
  ExportNotReady: 'EXPORT_NOT_READY',
  /** An admin cannot enable an account while its owner's confirmed deletion is under way. */
  AccountBeingDeleted: 'ACCOUNT_BEING_DELETED',
} as const;
export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];
