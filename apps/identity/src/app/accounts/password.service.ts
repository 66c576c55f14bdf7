import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityErrorCode, type AcceptedResponse } from '@confer/identity/contracts';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import { MailOutbox } from '@confer/shared/server/mail';
import { MailTemplates } from '../mail/mail-templates';
import { MfaService, invalidCode } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { SecurityLogService } from '../security-log/security-log.service';
import type { ClientInfo } from '../sessions/client-info';
import { IdentityLimits } from '../sessions/rate-limits';
import { SessionService } from '../sessions/session.service';
import { EmailTokenRepository } from './email-token.repository';
import { assertAcceptablePassword } from './password-rules';
import { tokenInvalid } from './registration.service';
import { normalizeEmail, UserRepository } from './user.repository';

const RESET_TTL_MS = 30 * 60_000;

export const RESET_ACCEPTED: AcceptedResponse = {
  status: 'accepted',
  message: 'If an account uses this address, we sent it a link to choose a new password.',
};

/** Forgotten and changed passwords. A reset ends every session and never skips the second factor. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: EmailTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailOutbox,
    private readonly mfa: MfaService,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly securityLog: SecurityLogService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async forgot(emailInput: string, client: ClientInfo): Promise<AcceptedResponse> {
    const email = normalizeEmail(emailInput);
    await this.limiter.enforce([
      { rule: IdentityLimits.resetPerIp, subject: client.ip },
      { rule: IdentityLimits.resetPerAccount, subject: email },
    ]);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByEmail(email, manager);
      if (!user || user.disabledAt) return;
      const token = await this.tokens.issue(user.id, 'reset_password', RESET_TTL_MS, manager);
      const link = new URL('/reset-password', this.config.PUBLIC_ORIGIN);
      link.hash = `token=${token}`;
      await this.mail.enqueue(MailTemplates.resetPassword(user.email, user.displayName, link.toString()), manager);
      await this.securityLog.record({ type: 'password.reset_requested', userId: user.id, ip: client.ip }, manager);
    });
    return RESET_ACCEPTED;
  }

  async reset(token: string, password: string, code: string | undefined, client: ClientInfo): Promise<void> {
    await this.limiter.enforce([{ rule: IdentityLimits.resetPerIp, subject: client.ip }]);
    const userId = await this.tokens.peek(token, 'reset_password');
    if (!userId) throw tokenInvalid();
    const candidate = await this.users.findById(userId);
    if (!candidate || candidate.disabledAt) throw tokenInvalid();
    assertAcceptablePassword(password, 'password', { email: candidate.email, displayName: candidate.displayName });
    if (candidate.mfaEnabledAt) {
      if (!code) throw new DomainError(IdentityErrorCode.MfaRequired, 'invalid', 'Enter a code from your authenticator app or a recovery code.');
      await this.mfa.limitAttempt(userId, client.ip);
    }
    const passwordHash = await this.hasher.hash(password);
    const revoked = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(userId, manager, true);
      if (!user) throw tokenInvalid();
      if (user.mfaEnabledAt && !(await this.mfa.checkSecondFactor(user, code ?? '', client.ip, manager))) throw invalidCode();
      if (!(await this.tokens.consume(token, 'reset_password', manager))) throw tokenInvalid();
      await this.users.update(userId, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() }, manager);
      await this.securityLog.record({ type: 'password.reset', userId, ip: client.ip }, manager);
      return this.sessions.revoke(userId, undefined, { reason: 'password_reset', log: 'sign_out.everywhere', ip: client.ip }, manager);
    });
    await this.sessions.broadcast(userId, revoked, 'password_reset');
  }

  /** Changes the password of a signed-in user and ends their other sessions. */
  async change(userId: string, sessionId: string, current: string, next: string, client: ClientInfo): Promise<void> {
    await this.limiter.enforce([{ rule: IdentityLimits.signInPerAccount, subject: userId }]);
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
    if (!(await this.hasher.verifyOrBurn(user.passwordHash, current))) {
      throw new DomainError(IdentityErrorCode.InvalidCredentials, 'invalid', 'The current password is not right.', {
        fields: [{ field: 'currentPassword', problems: ['The current password is not right.'] }],
      });
    }
    assertAcceptablePassword(next, 'newPassword', { email: user.email, displayName: user.displayName });
    const passwordHash = await this.hasher.hash(next);
    const revoked = await this.dataSource.transaction(async (manager) => {
      await this.users.update(userId, { passwordHash }, manager);
      await this.securityLog.record({ type: 'password.changed', userId, ip: client.ip }, manager);
      await this.mail.enqueue(MailTemplates.passwordChanged(user.email, user.displayName), manager);
      return this.sessions.revoke(userId, undefined, { reason: 'password_changed', log: 'session.revoked', ip: client.ip, exceptId: sessionId }, manager);
    });
    await this.sessions.broadcast(userId, revoked, 'password_changed');
  }
}
