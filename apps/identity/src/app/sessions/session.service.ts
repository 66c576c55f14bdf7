import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { IdentityErrorCode, SessionsRevoked, type SessionGrant, type SessionInfo } from '@confer/identity/contracts';
import { hashOpaqueToken, newOpaqueToken } from '@confer/identity/domain';
import { ACCESS_TOKEN, type RevocationReason, type RevocationSnapshot } from '@confer/shared/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { DomainError } from '@confer/shared/util';
import { toMe } from '../accounts/me';
import { UserRepository, type User } from '../accounts/user.repository';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import { SigningKeysService } from '../keys/signing-keys.service';
import { PrivacyRequestRepository } from '../privacy/privacy-request.repository';
import { SecurityLogService } from '../security-log/security-log.service';
import type { SecurityEventType } from '@confer/identity/contracts';
import type { ClientInfo } from './client-info';
import { RevocationBroadcaster } from './revocation-broadcaster';
import { SessionRepository } from './session.repository';

export interface OpenedSession {
  grant: SessionGrant;
  refreshToken: string;
}

export interface RevokeOptions {
  reason: RevocationReason;
  log: SecurityEventType;
  ip?: string;
  actorId?: string;
  exceptId?: string;
}

/** Sessions: opened at sign-in, kept alive by rotating refresh tokens, ended by revocation. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly keys: SigningKeysService,
    private readonly securityLog: SecurityLogService,
    private readonly events: EventPublisher,
    private readonly broadcaster: RevocationBroadcaster,
    private readonly privacyRequests: PrivacyRequestRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async open(user: User, client: ClientInfo, details: Record<string, string | boolean> = {}): Promise<OpenedSession> {
    const refreshToken = newOpaqueToken();
    const sessionId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
      await this.sessions.create({ id: sessionId, userId: user.id, device: client.device, ip: client.ip, expiresAt }, hashOpaqueToken(refreshToken), manager);
      await this.securityLog.record({ type: 'sign_in.succeeded', userId: user.id, ip: client.ip, details: { device: client.device, ...details } }, manager);
    });
    return { grant: this.grant(user, sessionId), refreshToken };
  }

  /** Swaps a refresh token for a new one and a fresh access token. Presenting a swapped-out token ends the session. */
  async refresh(refreshToken: string, client: ClientInfo): Promise<OpenedSession> {
    const oldHash = hashOpaqueToken(refreshToken);
    const newToken = newOpaqueToken();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const found = await this.sessions.findByRefresh(oldHash, manager);
      if (!found || found.session.revokedAt || found.session.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      const { session } = found;
      if (found.rotatedAt) {
        await this.revokeWithin(manager, session.userId, [session.id], { reason: 'refresh_reuse', log: 'refresh.reused', ip: client.ip });
        return { kind: 'reused' as const, userId: session.userId, sessionId: session.id };
      }
      const user = await this.users.findById(session.userId, manager);
      if (!user || user.disabledAt) return { kind: 'invalid' as const };
      await this.sessions.rotate(session.id, oldHash, hashOpaqueToken(newToken), client.ip, manager);
      return { kind: 'ok' as const, user, sessionId: session.id };
    });
    if (outcome.kind === 'invalid') {
      throw new DomainError(IdentityErrorCode.RefreshInvalid, 'unauthenticated', 'Your session has ended. Sign in again.');
    }
    if (outcome.kind === 'reused') {
      await this.broadcast(outcome.userId, [outcome.sessionId], 'refresh_reuse');
      throw new DomainError(IdentityErrorCode.RefreshReused, 'unauthenticated', 'This sign-in was used twice, so it was ended for safety. Sign in again.');
    }
    return { grant: this.grant(outcome.user, outcome.sessionId), refreshToken: newToken };
  }

  /** The session a refresh token belongs to, if it is live (for sign-out by cookie). */
  async sessionOf(refreshToken: string): Promise<{ userId: string; sessionId: string } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.sessions.findByRefresh(hashOpaqueToken(refreshToken), manager);
      return found && !found.session.revokedAt ? { userId: found.session.userId, sessionId: found.session.id } : undefined;
    });
  }

  async list(userId: string, currentSessionId: string): Promise<SessionInfo[]> {
    const sessions = await this.sessions.listActive(userId);
    return sessions.map((s) => ({
      id: s.id,
      device: s.device,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === currentSessionId,
    }));
  }

  /** Ends sessions of a user (all when `ids` is undefined), records why, and tells every service. */
  async revoke(userId: string, ids: string[] | undefined, options: RevokeOptions, manager?: EntityManager): Promise<string[]> {
    const revoked = manager
      ? await this.revokeWithin(manager, userId, ids, options)
      : await this.dataSource.transaction((m) => this.revokeWithin(m, userId, ids, options));
    if (revoked.length > 0 && !manager) await this.broadcast(userId, revoked, options.reason);
    return revoked;
  }

  /** For callers that revoke inside their own transaction: broadcast after it commits. */
  async broadcast(userId: string, sessionIds: string[], reason: RevocationReason): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.broadcaster.broadcast({ kind: 'sessions', userId, sessionIds, reason, at: Math.floor(Date.now() / 1000) });
  }

  /** Ends every token of the user issued up to `at`, in every service (an account going away). */
  async broadcastUser(userId: string, at: Date, reason: RevocationReason): Promise<void> {
    const seconds = Math.floor(at.getTime() / 1000);
    await this.broadcaster.broadcast({ kind: 'user', userId, notBefore: seconds, reason, at: seconds });
  }

  /**
   * Revocations recent enough to concern unexpired tokens: ended sessions, and accounts whose
   * deletion was confirmed (their session rows may be gone already; the privacy request remains).
   */
  async snapshot(): Promise<RevocationSnapshot> {
    const since = new Date(Date.now() - (ACCESS_TOKEN.maxTtlSeconds + 60) * 1000);
    const [rows, deletions] = await Promise.all([this.sessions.revokedSince(since), this.privacyRequests.deletionsConfirmedSince(since)]);
    return {
      revocations: [
        ...rows.map((r) => ({
          kind: 'sessions' as const,
          userId: r.userId,
          sessionIds: [r.id],
          reason: r.reason as RevocationReason,
          at: Math.floor(r.revokedAt.getTime() / 1000),
        })),
        ...deletions.map((d) => {
          const at = Math.floor(d.confirmedAt.getTime() / 1000);
          return { kind: 'user' as const, userId: d.userId, notBefore: at, reason: 'account_deleted' as const, at };
        }),
      ],
    };
  }

  private async revokeWithin(manager: EntityManager, userId: string, ids: string[] | undefined, options: RevokeOptions): Promise<string[]> {
    const revoked = await this.sessions.revoke(userId, ids, options.reason, manager, options.exceptId);
    if (revoked.length === 0) return revoked;
    await this.securityLog.record(
      { type: options.log, userId, actorId: options.actorId ?? null, ip: options.ip, details: { sessions: revoked.length, reason: options.reason } },
      manager,
    );
    await this.events.publish(
      new SessionsRevoked({ userId, sessionIds: ids === undefined ? [] : revoked, reason: options.reason, at: new Date().toISOString() }),
      manager,
    );
    return revoked;
  }

  private grant(user: User, sessionId: string): SessionGrant {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = this.keys.sign({
      sub: user.id,
      sid: sessionId,
      role: user.role,
      name: user.displayName,
      ev: user.emailVerifiedAt !== null,
      iss: this.config.AUTH_ISSUER,
      aud: ACCESS_TOKEN.audience,
      iat,
      exp,
      jti: randomUUID(),
    });
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString(), user: toMe(user) };
  }
}
