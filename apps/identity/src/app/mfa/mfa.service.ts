import { Inject, Injectable } from '@nestjs/common';
import { toString as qrSvg } from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { IdentityErrorCode, type MfaEnrollment, type MfaRecoveryCodes } from '@confer/identity/contracts';
import {
  base32Encode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  openSecret,
  otpauthUri,
  sealSecret,
  verifyTotp,
} from '@confer/identity/domain';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { UserRepository, type User } from '../accounts/user.repository';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import { PasswordHasher } from '../passwords/password-hasher';
import { SecurityLogService } from '../security-log/security-log.service';
import { IdentityLimits } from '../sessions/rate-limits';
import { RecoveryCodeRepository } from './recovery-code.repository';

/** TOTP (RFC 6238) second factor with ten one-time recovery codes. */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly recoveryCodes: RecoveryCodeRepository,
    private readonly hasher: PasswordHasher,
    private readonly securityLog: SecurityLogService,
    private readonly limiter: RateLimiter,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /**
   * Counts a code attempt per IP and per account (429 beyond the limit). A right code clears the
   * account's count, so the limit bites on guessing, not on a user who signs in often.
   */
  limitAttempt(userId: string, ip: string): Promise<void> {
    return this.limiter.enforce([
      { rule: IdentityLimits.totpPerIp, subject: ip },
      { rule: IdentityLimits.totpPerAccount, subject: userId },
    ]);
  }

  async enroll(userId: string): Promise<MfaEnrollment> {
    const user = await this.requireUser(userId);
    if (user.mfaEnabledAt) throw new DomainError(IdentityErrorCode.MfaAlreadyEnabled, 'conflict', 'Two-step sign-in is already on.');
    const secret = generateTotpSecret();
    await this.users.update(userId, { mfaPendingSecret: sealSecret(this.config.IDENTITY_SECRET_KEY, secret) });
    const uri = otpauthUri({ issuer: 'Confer', account: user.email, secret });
    return { otpauthUri: uri, secret: base32Encode(secret), qrSvg: await qrSvg(uri, { type: 'svg', margin: 1 }) };
  }

  async confirm(userId: string, code: string, ip: string): Promise<MfaRecoveryCodes> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.requireUser(userId, manager);
      if (user.mfaEnabledAt) throw new DomainError(IdentityErrorCode.MfaAlreadyEnabled, 'conflict', 'Two-step sign-in is already on.');
      if (!user.mfaPendingSecret) throw new DomainError(IdentityErrorCode.MfaEnrollmentMissing, 'conflict', 'Start the set-up first.');
      const result = verifyTotp(openSecret(this.config.IDENTITY_SECRET_KEY, user.mfaPendingSecret), code, { nowMs: Date.now() });
      if (!result.ok) throw invalidCode();
      await this.limiter.reset(IdentityLimits.totpPerAccount, userId);
      const codes = generateRecoveryCodes(10);
      await this.users.update(
        userId,
        { mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabledAt: new Date(), mfaLastStep: result.step },
        manager,
      );
      await this.recoveryCodes.replace(userId, codes.map(hashRecoveryCode), manager);
      await this.securityLog.record({ type: 'mfa.enabled', userId, ip }, manager);
      return { recoveryCodes: codes };
    });
  }

  async disable(userId: string, password: string, code: string, ip: string): Promise<void> {
    const user = await this.requireUser(userId);
    if (!user.mfaEnabledAt) throw new DomainError(IdentityErrorCode.MfaNotEnabled, 'conflict', 'Two-step sign-in is not on.');
    if (!(await this.hasher.verifyOrBurn(user.passwordHash, password))) {
      throw new DomainError(IdentityErrorCode.InvalidCredentials, 'invalid', 'The password is not right.', {
        fields: [{ field: 'password', problems: ['The password is not right.'] }],
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.requireUser(userId, manager);
      if (!(await this.checkSecondFactor(locked, code, ip, manager))) throw invalidCode();
      await this.users.update(userId, { mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null }, manager);
      await this.recoveryCodes.clear(userId, manager);
      await this.securityLog.record({ type: 'mfa.disabled', userId, ip }, manager);
    });
  }

  /**
   * Checks a TOTP or recovery code for a user whose row the caller has locked in `manager`'s
   * transaction; each code is accepted once (TOTP steps at or before the last used one are refused).
   */
  async checkSecondFactor(user: User, code: string, ip: string, manager: EntityManager): Promise<boolean> {
    if (!user.mfaSecret) return false;
    const trimmed = code.replace(/\s+/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const secret = openSecret(this.config.IDENTITY_SECRET_KEY, user.mfaSecret);
      const result = verifyTotp(secret, trimmed, { nowMs: Date.now(), lastUsedStep: user.mfaLastStep ?? undefined });
      if (!result.ok) return false;
      await this.users.update(user.id, { mfaLastStep: result.step }, manager);
      await this.limiter.reset(IdentityLimits.totpPerAccount, user.id);
      return true;
    }
    if (!(await this.recoveryCodes.use(user.id, hashRecoveryCode(trimmed), manager))) return false;
    const remaining = await this.recoveryCodes.remaining(user.id, manager);
    await this.securityLog.record({ type: 'mfa.recovery_code_used', userId: user.id, ip, details: { remaining } }, manager);
    await this.limiter.reset(IdentityLimits.totpPerAccount, user.id);
    return true;
  }

  private async requireUser(userId: string, manager?: EntityManager): Promise<User> {
    const user = await this.users.findById(userId, manager, manager !== undefined);
    if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
    return user;
  }
}

export function invalidCode(): DomainError {
  return new DomainError(IdentityErrorCode.MfaInvalidCode, 'invalid', 'That code is not right or was already used.', {
    fields: [{ field: 'code', problems: ['That code is not right or was already used.'] }],
  });
}
