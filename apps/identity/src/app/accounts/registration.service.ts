import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdentityErrorCode, UserRegistered, UserVerified, type AcceptedResponse, type RegisterRequest } from '@confer/identity/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import { MailOutbox } from '@confer/shared/server/mail';
import { MailTemplates } from '../mail/mail-templates';
import { PasswordHasher } from '../passwords/password-hasher';
import { SecurityLogService } from '../security-log/security-log.service';
import type { ClientInfo } from '../sessions/client-info';
import { IdentityLimits } from '../sessions/rate-limits';
import { EmailTokenRepository } from './email-token.repository';
import { assertAcceptablePassword } from './password-rules';
import { normalizeEmail, UserRepository } from './user.repository';

const VERIFY_TTL_MS = 24 * 3_600_000;

export const REGISTER_ACCEPTED: AcceptedResponse = {
  status: 'accepted',
  message: 'Check your inbox: we sent a link to confirm your address.',
};

/**
 * Registration answers the same way, in about the same time, whether or not the address already
 * has an account: a new address gets a confirmation link, a known one a "you already have an
 * account" mail.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: EmailTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailOutbox,
    private readonly events: EventPublisher,
    private readonly limiter: RateLimiter,
    private readonly securityLog: SecurityLogService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async register(request: RegisterRequest, client: ClientInfo): Promise<AcceptedResponse> {
    const email = normalizeEmail(request.email);
    const displayName = request.displayName.trim();
    assertAcceptablePassword(request.password, 'password', { email, displayName });
    await this.limiter.enforce([
      { rule: IdentityLimits.registerPerIp, subject: client.ip },
      { rule: IdentityLimits.registerPerAccount, subject: email },
    ]);
    const passwordHash = await this.hasher.hash(request.password);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const inserted = await this.users.insert({ id, email, displayName, passwordHash }, manager);
      if (!inserted) {
        const existing = await this.users.findByEmail(email, manager);
        await this.mail.enqueue(
          MailTemplates.alreadyRegistered(email, existing?.displayName ?? displayName, this.link('/sign-in'), this.link('/forgot-password')),
          manager,
        );
        return;
      }
      const token = await this.tokens.issue(id, 'verify_email', VERIFY_TTL_MS, manager);
      await this.mail.enqueue(MailTemplates.verifyEmail(email, displayName, this.link('/verify-email', token)), manager);
      await this.events.publish(new UserRegistered({ userId: id, displayName, registeredAt: new Date().toISOString() }), manager);
    });
    return REGISTER_ACCEPTED;
  }

  async verifyEmail(token: string, client: ClientInfo): Promise<void> {
    await this.limiter.enforce([{ rule: IdentityLimits.verifyPerIp, subject: client.ip }]);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume(token, 'verify_email', manager);
      if (!userId) throw tokenInvalid();
      const user = await this.users.findById(userId, manager, true);
      if (!user || user.emailVerifiedAt) return;
      const verifiedAt = new Date();
      const role = this.config.ADMIN_EMAILS.includes(user.email) ? 'admin' : user.role;
      await this.users.update(userId, { emailVerifiedAt: verifiedAt, role }, manager);
      await this.securityLog.record({ type: 'email.verified', userId, ip: client.ip, details: role === 'admin' ? { admin: true } : {} }, manager);
      await this.events.publish(new UserVerified({ userId, verifiedAt: verifiedAt.toISOString() }), manager);
    });
  }

  /** Sends a new confirmation link to a signed-in, unverified user. */
  async resendVerification(userId: string, client: ClientInfo): Promise<AcceptedResponse> {
    await this.limiter.enforce([
      { rule: IdentityLimits.registerPerIp, subject: client.ip },
      { rule: IdentityLimits.registerPerAccount, subject: userId },
    ]);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(userId, manager, true);
      if (!user || user.emailVerifiedAt) return;
      const token = await this.tokens.issue(userId, 'verify_email', VERIFY_TTL_MS, manager);
      await this.mail.enqueue(MailTemplates.verifyEmail(user.email, user.displayName, this.link('/verify-email', token)), manager);
    });
    return REGISTER_ACCEPTED;
  }

  private link(path: string, token?: string): string {
    const url = new URL(path, this.config.PUBLIC_ORIGIN);
    // The token travels in the fragment, so it never reaches a server log or a Referer header.
    if (token) url.hash = `token=${token}`;
    return url.toString();
  }
}

export function tokenInvalid(): DomainError {
  return new DomainError(IdentityErrorCode.TokenInvalid, 'invalid', 'This link is not valid any more. Ask for a new one.');
}
