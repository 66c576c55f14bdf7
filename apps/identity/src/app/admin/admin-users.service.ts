import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityErrorCode, type AdminUserView, type Page } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { toMe } from '../accounts/me';
import { UserRepository } from '../accounts/user.repository';
import { PrivacyRequestRepository } from '../privacy/privacy-request.repository';
import { SecurityLogService } from '../security-log/security-log.service';
import { SessionService } from '../sessions/session.service';

/** What platform admins do to accounts: list them, disable and enable them. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly securityLog: SecurityLogService,
    private readonly privacyRequests: PrivacyRequestRepository,
  ) {}

  /** Accounts by sign-up time, newest first; `query` matches name or address. */
  async list(options: { cursor?: string; limit: number; query?: string }): Promise<Page<AdminUserView>> {
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const users = await this.users.page({ limit: options.limit + 1, query: options.query, after });
    const items = users.slice(0, options.limit).map((u) => ({ ...toMe(u), disabled: u.disabledAt !== null }));
    const last = users[options.limit - 1];
    return users.length > options.limit ? { items, next: encodeCursor(last.createdAt, last.id) } : { items };
  }

  async setDisabled(adminId: string, userId: string, disabled: boolean, ip: string): Promise<void> {
    if (adminId === userId) throw new DomainError('CANNOT_DISABLE_SELF', 'conflict', 'You cannot disable your own account.');
    const revoked = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findById(userId, manager, true);
      if (!user) throw new DomainError('USER_NOT_FOUND', 'not_found', 'There is no such user.');
      if ((user.disabledAt !== null) === disabled) return [];
      if (!disabled && (await this.privacyRequests.deletionUnderWay(userId, manager))) {
        throw new DomainError(IdentityErrorCode.AccountBeingDeleted, 'conflict', 'This account is being deleted at its owner’s request.');
      }
      await this.users.update(userId, { disabledAt: disabled ? new Date() : null }, manager);
      await this.securityLog.record({ type: disabled ? 'admin.user_disabled' : 'admin.user_enabled', userId, actorId: adminId, ip }, manager);
      return disabled ? this.sessions.revoke(userId, undefined, { reason: 'account_disabled', log: 'session.revoked', actorId: adminId, ip }, manager) : [];
    });
    await this.sessions.broadcast(userId, revoked, 'account_disabled');
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError('CURSOR_INVALID', 'invalid', 'The page cursor is not valid.');
  }
  return { createdAt, id };
}
