import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityErrorCode, type SignInResponse } from '@confer/identity/contracts';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { UserRepository } from '../accounts/user.repository';
import { invalidCode, MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { SecurityLogService } from '../security-log/security-log.service';
import type { ClientInfo } from './client-info';
import { MfaChallenges } from './mfa-challenges';
import { IdentityLimits } from './rate-limits';
import { SessionService, type OpenedSession } from './session.service';

export type SignInOutcome = { kind: 'session'; session: OpenedSession } | { kind: 'mfa'; response: SignInResponse };

/** Email and password, then the second factor when MFA is on. */
@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly challenges: MfaChallenges,
    private readonly limiter: RateLimiter,
    private readonly securityLog: SecurityLogService,
  ) {}

  async signIn(email: string, password: string, client: ClientInfo): Promise<SignInOutcome> {
    await this.limiter.enforce([
      { rule: IdentityLimits.signInPerIp, subject: client.ip },
      { rule: IdentityLimits.signInPerAccount, subject: email.trim().toLowerCase() },
    ]);
    const user = await this.users.findByEmail(email);
    const passwordOk = await this.hasher.verifyOrBurn(user?.passwordHash, password);
    if (!user || !passwordOk) {
      await this.securityLog.record({ type: 'sign_in.failed', userId: user?.id ?? null, ip: client.ip, details: { device: client.device } });
      throw invalidCredentials();
    }
    if (user.disabledAt) {
      await this.securityLog.record({ type: 'sign_in.failed', userId: user.id, ip: client.ip, details: { reason: 'disabled' } });
      throw new DomainError(IdentityErrorCode.AccountDisabled, 'forbidden', 'This account is disabled. Contact your administrator.');
    }
    await this.limiter.reset(IdentityLimits.signInPerAccount, user.email);
    if (user.mfaEnabledAt) {
      const { challenge, expiresAt } = await this.challenges.create(user.id);
      return { kind: 'mfa', response: { mfaRequired: true, challenge, expiresAt } };
    }
    return { kind: 'session', session: await this.sessions.open(user, client) };
  }

  async completeMfa(challenge: string, code: string, client: ClientInfo): Promise<OpenedSession> {
    const userId = await this.challenges.userOf(challenge);
    if (!userId) {
      throw new DomainError(IdentityErrorCode.MfaChallengeInvalid, 'unauthenticated', 'The sign-in took too long. Start again.');
    }
    await this.mfa.limitAttempt(userId, client.ip);
    const user = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.findById(userId, manager, true);
      if (!locked || locked.disabledAt) return undefined;
      return (await this.mfa.checkSecondFactor(locked, code, client.ip, manager)) ? locked : null;
    });
    if (user === undefined) throw invalidCredentials();
    if (user === null) {
      await this.securityLog.record({ type: 'sign_in.failed', userId, ip: client.ip, details: { reason: 'second_factor' } });
      throw invalidCode();
    }
    if (!(await this.challenges.complete(challenge))) {
      throw new DomainError(IdentityErrorCode.MfaChallengeInvalid, 'unauthenticated', 'The sign-in took too long. Start again.');
    }
    return this.sessions.open(user, client, { mfa: true });
  }
}

export function invalidCredentials(): DomainError {
  return new DomainError(IdentityErrorCode.InvalidCredentials, 'unauthenticated', 'The email address or password is not right.');
}
