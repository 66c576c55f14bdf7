import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  IdentityErrorCode,
  DELETION_CONFIRM_PAGE,
  PRIVACY_LIMITS,
  type PrivacyRequestView,
} from '@confer/identity/contracts';
import { hashOpaqueToken, newOpaqueToken } from '@confer/identity/domain';
import { PRIVACY_PARTICIPANTS, type ServiceName } from '@confer/shared/contracts';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { tokenInvalid } from '../accounts/registration.service';
import { UserRepository } from '../accounts/user.repository';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';
import { MailOutbox } from '@confer/shared/server/mail';
import { MailTemplates } from '../mail/mail-templates';
import { invalidCode, MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { SecurityLogService } from '../security-log/security-log.service';
import type { ClientInfo } from '../sessions/client-info';
import { SessionService } from '../sessions/session.service';
import { PrivacyJobs } from './privacy-jobs';
import { PrivacyRequestRepository, type PrivacyRequest } from './privacy-request.repository';
import { PrivacyLimits } from './privacy.limits';

/** Every service takes part in an export and an erasure: identity itself and the participants. */
export const PRIVACY_SERVICES: readonly ServiceName[] = ['identity', ...PRIVACY_PARTICIPANTS];

/** Starting, confirming, withdrawing and showing privacy requests; PrivacyJobs runs them. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: PrivacyRequestRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly mfa: MfaService,
    private readonly sessions: SessionService,
    private readonly mail: MailOutbox,
    private readonly securityLog: SecurityLogService,
    private readonly limiter: RateLimiter,
    private readonly jobs: PrivacyJobs,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async list(userId: string): Promise<PrivacyRequestView[]> {
    return (await this.requests.listForUser(userId, 20)).map(toView);
  }

  async requestExport(userId: string, client: ClientInfo): Promise<PrivacyRequestView> {
    await this.limiter.enforce(PrivacyLimits.exportsPerAccount, userId);
    const created = await this.dataSource.transaction(async (manager) => {
      const request = await this.requests.insert({ userId, kind: 'export', status: 'queued', parts: pendingParts() }, manager);
      if (!request) throw active('An export of your data is already being prepared.');
      await this.securityLog.record({ type: 'privacy.export_requested', userId, ip: client.ip }, manager);
      return request;
    });
    this.jobs.wake();
    return toView(created);
  }

  /** Re-checks the password (and second factor) and mails a confirmation link; nothing is deleted yet. */
  async requestDeletion(userId: string, password: string, code: string | undefined, client: ClientInfo): Promise<PrivacyRequestView> {
    await this.limiter.enforce(PrivacyLimits.deletionPerAccount, userId);
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
    if (!(await this.hasher.verifyOrBurn(user.passwordHash, password))) {
      throw new DomainError(IdentityErrorCode.InvalidCredentials, 'invalid', 'The password is not right.', {
        fields: [{ field: 'password', problems: ['The password is not right.'] }],
      });
    }
    if (user.mfaEnabledAt) {
      if (!code) {
        throw new DomainError(IdentityErrorCode.MfaRequired, 'invalid', 'Enter a code from your authenticator app or a recovery code.', {
          fields: [{ field: 'code', problems: ['Enter a code from your authenticator app or a recovery code.'] }],
        });
      }
      await this.mfa.limitAttempt(userId, client.ip);
    }
    await this.requests.cancelStaleConfirmations();
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + PRIVACY_LIMITS.deletionLinkMinutes * 60_000);
    const created = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.findById(userId, manager, true);
      if (!locked) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
      if (locked.mfaEnabledAt && !(await this.mfa.checkSecondFactor(locked, code ?? '', client.ip, manager))) throw invalidCode();
      const request = await this.requests.insert(
        { userId, kind: 'deletion', status: 'awaiting_confirmation', parts: pendingParts(), confirmTokenHash: hashOpaqueToken(token), expiresAt },
        manager,
      );
      if (!request) throw active('A deletion of your account is already under way. Check your mail for the link.');
      const link = new URL(DELETION_CONFIRM_PAGE, this.config.PUBLIC_ORIGIN);
      link.hash = `token=${token}`;
      await this.mail.enqueue(MailTemplates.confirmDeletion(locked.email, locked.displayName, link.toString(), PRIVACY_LIMITS.deletionLinkMinutes), manager);
      await this.securityLog.record({ type: 'account.deletion_requested', userId, ip: client.ip }, manager);
      return request;
    });
    return toView(created);
  }

  async cancelDeletion(userId: string): Promise<void> {
    if (!(await this.requests.cancelUnconfirmedDeletion(userId))) {
      throw new DomainError(IdentityErrorCode.PrivacyRequestNotFound, 'not_found', 'There is no deletion waiting for confirmation.');
    }
  }

  /**
   * The link in the mail was followed: from here the deletion cannot be withdrawn. The account is
   * disabled and every session ends at once (a 'user' revocation reaches every service); the job
   * then erases the data in every service.
   */
  async confirmDeletion(token: string, client: ClientInfo): Promise<PrivacyRequestView> {
    await this.limiter.enforce(PrivacyLimits.confirmPerIp, client.ip);
    const confirmedAt = new Date();
    const { request, revoked } = await this.dataSource.transaction(async (manager) => {
      const found = await this.requests.findByTokenHash(hashOpaqueToken(token), manager, true);
      if (!found || found.status !== 'awaiting_confirmation' || !found.expiresAt || found.expiresAt.getTime() <= Date.now()) throw tokenInvalid();
      const user = await this.users.findById(found.userId, manager, true);
      if (!user) throw tokenInvalid();
      await this.requests.setStatus(found.id, 'queued', manager, { confirmedAt });
      await this.users.update(user.id, { disabledAt: user.disabledAt ?? confirmedAt }, manager);
      await this.securityLog.record({ type: 'account.deletion_confirmed', userId: user.id, ip: client.ip }, manager);
      const ended = await this.sessions.revoke(user.id, undefined, { reason: 'account_deleted', log: 'session.revoked', ip: client.ip }, manager);
      return { request: { ...found, status: 'queued' as const, confirmedAt }, revoked: ended };
    });
    await this.sessions.broadcast(request.userId, revoked, 'account_deleted');
    await this.sessions.broadcastUser(request.userId, confirmedAt, 'account_deleted');
    this.jobs.wake();
    return toView(request);
  }

  /** The status of a deletion, for the page that confirmed it (the account may be gone already). */
  async deletionStatus(token: string, client: ClientInfo): Promise<PrivacyRequestView> {
    await this.limiter.enforce(PrivacyLimits.statusPerIp, client.ip);
    const found = await this.requests.findByTokenHash(hashOpaqueToken(token));
    if (!found || found.status === 'awaiting_confirmation' || found.status === 'cancelled') throw tokenInvalid();
    return toView(found);
  }
}

function pendingParts(): PrivacyRequest['parts'] {
  return Object.fromEntries(PRIVACY_SERVICES.map((service) => [service, 'pending' as const]));
}

function active(message: string): DomainError {
  return new DomainError(IdentityErrorCode.PrivacyRequestActive, 'conflict', message);
}

export function toView(request: PrivacyRequest): PrivacyRequestView {
  return {
    id: request.id,
    kind: request.kind,
    status: request.status,
    parts: request.parts,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    completedAt: request.completedAt?.toISOString() ?? null,
    expiresAt: request.expiresAt?.toISOString() ?? null,
    sizeBytes: request.sizeBytes,
    error: request.status === 'failed' || request.attempts > 0 ? request.lastError : null,
  };
}
