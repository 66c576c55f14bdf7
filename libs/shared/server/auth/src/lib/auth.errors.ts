import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';

/** Codes of the 401/403 answers of the guard. Clients treat every 401 as "refresh, then sign in". */
export const AuthErrorCode = {
  Unauthenticated: CommonErrorCode.Unauthenticated,
  TokenExpired: 'TOKEN_EXPIRED',
  TokenInvalid: 'TOKEN_INVALID',
  TokenRevoked: 'TOKEN_REVOKED',
  Forbidden: CommonErrorCode.Forbidden,
} as const;

export function missingToken(): DomainError {
  return new DomainError(
    AuthErrorCode.Unauthenticated,
    'unauthenticated',
    'Sign in to continue: send an access token as "Authorization: Bearer <token>".',
  );
}

export function tokenExpired(): DomainError {
  return new DomainError(AuthErrorCode.TokenExpired, 'unauthenticated', 'The access token has expired.');
}

/** One message for every malformed, forged or unverifiable token: the caller learns nothing more. */
export function tokenInvalid(): DomainError {
  return new DomainError(AuthErrorCode.TokenInvalid, 'unauthenticated', 'The access token is not valid.');
}

export function tokenRevoked(): DomainError {
  return new DomainError(AuthErrorCode.TokenRevoked, 'unauthenticated', 'The session has ended; sign in again.');
}

export function forbidden(): DomainError {
  return new DomainError(AuthErrorCode.Forbidden, 'forbidden', 'You are not allowed to do this.');
}
