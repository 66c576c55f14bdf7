import { apiBase, type PlatformRole } from '@confer/shared/contracts';

/** Public shapes of identity's HTTP API under /api/identity. */

export const PASSWORD_POLICY = { minLength: 8, maxLength: 128 } as const;

/** Name of the httpOnly refresh cookie, scoped to /api/identity/auth. */
export const REFRESH_COOKIE = 'confer_refresh';

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
}

/** Register, forgot-password and resend-verification all answer this, whether or not the account exists. */
export interface AcceptedResponse {
  status: 'accepted';
  message: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface MfaSignInRequest {
  /** The challenge token from a sign-in that answered `mfaRequired`. */
  challenge: string;
  /** A 6-digit TOTP code or a recovery code. */
  code: string;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: PlatformRole;
  emailVerified: boolean;
  mfaEnabled: boolean;
  createdAt: string;
}

/** A successful sign-in or refresh; the refresh token travels only in the httpOnly cookie. */
export interface SessionGrant {
  accessToken: string;
  /** ISO time at which the access token expires. */
  expiresAt: string;
  user: Me;
}

export interface MfaChallenge {
  mfaRequired: true;
  challenge: string;
  /** ISO time after which the challenge must be started again. */
  expiresAt: string;
}

export type SignInResponse = SessionGrant | MfaChallenge;

export function isMfaChallenge(response: SignInResponse): response is MfaChallenge {
  return (response as MfaChallenge).mfaRequired === true;
}

export interface VerifyEmailRequest {
  token: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
  /** Required when the account has MFA on: a reset never bypasses the second factor. */
  code?: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SessionInfo {
  id: string;
  device: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface MfaEnrollment {
  /** otpauth://totp/... URI for authenticator apps. */
  otpauthUri: string;
  /** Base32 secret, for typing in by hand. */
  secret: string;
  /** The otpauth URI as an SVG QR code. */
  qrSvg: string;
}

export interface MfaConfirmRequest {
  code: string;
}

export interface MfaRecoveryCodes {
  /** Shown once; only their hashes are stored. */
  recoveryCodes: string[];
}

export interface MfaDisableRequest {
  password: string;
  code: string;
}

export type SecurityEventType =
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_out'
  | 'sign_out.everywhere'
  | 'session.revoked'
  | 'refresh.reused'
  | 'email.verified'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'mfa.enabled'
  | 'mfa.disabled'
  | 'mfa.recovery_code_used'
  | 'admin.user_disabled'
  | 'admin.user_enabled'
  | 'privacy.export_requested'
  | 'account.deletion_requested'
  | 'account.deletion_confirmed'
  | 'account.deleted';

export interface SecurityLogEntry {
  id: string;
  type: SecurityEventType;
  userId: string | null;
  actorId: string | null;
  ip: string | null;
  /** UTC, ISO 8601. */
  at: string;
  details: Record<string, string | number | boolean>;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page; absent on the last page. */
  next?: string;
}

/** A row of the admin users page. */
export interface AdminUserView extends Me {
  disabled: boolean;
}

// ---- Profile, avatar, contacts and directory ----

export type ScreenShareMode = 'host' | 'everyone';

/** How meetings this user creates start out; each can still be changed per meeting. */
export interface MeetingDefaults {
  waitingRoom: boolean;
  muteOnEntry: boolean;
  allowGuests: boolean;
  allowChat: boolean;
  allowRecording: boolean;
  /** Who may share their screen. */
  screenShare: ScreenShareMode;
}

export interface UserPreferences {
  joinWithMicOff: boolean;
  joinWithCameraOff: boolean;
  meetingDefaults: MeetingDefaults;
}

/** What a user who never changed a preference gets. */
export const DEFAULT_USER_PREFERENCES: Readonly<UserPreferences> = Object.freeze({
  joinWithMicOff: false,
  joinWithCameraOff: false,
  meetingDefaults: Object.freeze({
    waitingRoom: false,
    muteOnEntry: false,
    allowGuests: true,
    allowChat: true,
    allowRecording: true,
    screenShare: 'everyone',
  }),
});

/** `GET /profile`: the caller's own profile. */
export interface Profile {
  id: string;
  email: string;
  displayName: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Canonical BCP 47 tag, e.g. `en-GB`. */
  locale: string;
  preferences: UserPreferences;
  /** Whether other people can find this account in the directory search. */
  discoverable: boolean;
  avatarUrl: string | null;
}

/** Partial preferences: `meetingDefaults` is merged key by key with the stored ones. */
export interface UserPreferencesPatch {
  joinWithMicOff?: boolean;
  joinWithCameraOff?: boolean;
  meetingDefaults?: Partial<MeetingDefaults>;
}

/** `PATCH /profile`: only the fields present change. */
export interface UpdateProfileRequest {
  displayName?: string;
  timeZone?: string;
  locale?: string;
  discoverable?: boolean;
  preferences?: UserPreferencesPatch;
}

/** Another account as others see it: never its address. */
export interface PublicUser {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

/** A directory search hit; `email` only when the search was that exact address. */
export interface DirectoryEntry extends PublicUser {
  email?: string;
}

export const DIRECTORY_QUERY = { minLength: 2, maxLength: 100 } as const;

export interface Contact {
  user: PublicUser;
  favourite: boolean;
  /** ISO time the contact was added. */
  addedAt: string;
}

export interface UpdateContactRequest {
  favourite: boolean;
}

/** Square WebP renditions kept of every avatar, in pixels. */
export const AVATAR_SIZES = [48, 128, 512] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

/**
 * Largest avatar upload (`PUT /profile/avatar`, the raw image as the body). A larger one is refused
 * with 413: `AVATAR_TOO_LARGE`, or `PAYLOAD_TOO_LARGE` when refused before the body is read.
 */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** Largest width and height of an uploaded image, in pixels. */
export const AVATAR_MAX_DIMENSION = 8000;

/** Content types `PUT /profile/avatar` accepts; the content itself decides (PNG, JPEG, WebP or GIF). */
export const AVATAR_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/octet-stream'] as const;

/**
 * Where an avatar rendition is served. Versioned, so it is cached for good; swap the size for another
 * of AVATAR_SIZES.
 */
export function avatarPath(userId: string, version: number, size: AvatarSize = 128): string {
  return `${apiBase('identity')}/avatars/${userId}/${version}/${size}.webp`;
}

/** Most contacts one user can keep. */
export const CONTACTS_MAX = 1000;
