import { DomainEvent } from '@confer/shared/contracts';

export interface UserRegisteredPayload {
  userId: string;
  displayName: string;
  registeredAt: string;
}

/** A new account exists (not yet verified). */
export class UserRegistered extends DomainEvent<UserRegisteredPayload> {
  static readonly type = 'identity.user.registered';
  static readonly version = 1;
  static readonly producer = 'identity' as const;
}

export interface UserVerifiedPayload {
  userId: string;
  verifiedAt: string;
}

export class UserVerified extends DomainEvent<UserVerifiedPayload> {
  static readonly type = 'identity.user.verified';
  static readonly version = 1;
  static readonly producer = 'identity' as const;
}

export interface SessionsRevokedPayload {
  userId: string;
  /** Empty when every session of the user ended. */
  sessionIds: string[];
  reason: string;
  at: string;
}

/** Sessions ended. Live connections hear it at once through the revocation broadcast as well. */
export class SessionsRevoked extends DomainEvent<SessionsRevokedPayload> {
  static readonly type = 'identity.sessions.revoked';
  static readonly version = 1;
  static readonly producer = 'identity' as const;
}
