import { rpcPattern } from './rpc';

/**
 * The access token every service accepts. Identity signs it; every other service verifies it against
 * identity's published keys. It lives in shared contracts because every service depends on it.
 */
export const ACCESS_TOKEN = {
  /** The one signature algorithm accepted; anything else (none, HS256, ES256) is rejected. */
  algorithm: 'RS256',
  /** `aud` of every access token. */
  audience: 'confer',
  /** Default `iss`; a deployment may set its own (IDENTITY_ISSUER / AUTH_ISSUER). */
  issuer: 'confer-identity',
  /** Upper bound on an access token's life, in seconds. Revocation reaches every service within it. */
  maxTtlSeconds: 900,
} as const;

export type PlatformRole = 'admin' | 'user';
export const PLATFORM_ROLES: readonly PlatformRole[] = ['admin', 'user'];

/** Claims of an access token (RFC 7519 names where one exists). */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Session id: the refresh-token family this token was minted from. */
  sid: string;
  role: PlatformRole;
  /** Display name at the time of signing. */
  name: string;
  /** Whether the email address is verified. Unverified accounts may join meetings but not host them. */
  ev: boolean;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  /** Token id, unique per token. */
  jti: string;
}

/** Who is asking, as every service sees it after the guard has checked the token. */
export interface AuthUser {
  id: string;
  sessionId: string;
  role: PlatformRole;
  name: string;
  emailVerified: boolean;
  /** When the token expires (epoch seconds). */
  expiresAt: number;
}

/** A public key in JWK form (RFC 7517), as published in the JWKS. */
export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

export interface JwkSet {
  keys: PublicJwk[];
}

/** Path of the JWKS under identity's API base: GET /api/identity/.well-known/jwks.json */
export const JWKS_PATH = '.well-known/jwks.json';

/**
 * A revocation: every token of these sessions, or every token of this user issued at or before
 * `notBefore`, stops being accepted. Broadcast to every instance of every service at once; the
 * snapshot RPC lets an instance that was not listening catch up.
 */
export type Revocation =
  | { kind: 'sessions'; userId: string; sessionIds: string[]; reason: RevocationReason; at: number }
  | { kind: 'user'; userId: string; notBefore: number; reason: RevocationReason; at: number };

export type RevocationReason =
  | 'sign_out'
  | 'session_revoked'
  | 'sign_out_everywhere'
  | 'password_changed'
  | 'password_reset'
  | 'refresh_reuse'
  | 'account_disabled'
  | 'account_deleted';

/** Revocations of the last `ACCESS_TOKEN.maxTtlSeconds`: older ones concern only expired tokens. */
export interface RevocationSnapshot {
  revocations: Revocation[];
}

/** Redis pub/sub channel on which identity broadcasts revocations. */
export function revocationChannel(prefix: string): string {
  return `${prefix}:auth:revocations`;
}

/** RPC patterns identity answers for the other services' auth guard. */
export const AuthRpc = {
  /** The current JwkSet. */
  jwks: rpcPattern('identity', 'jwks'),
  /** A RevocationSnapshot. */
  revocations: rpcPattern('identity', 'revocations'),
} as const;
