import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { avatarPath, AVATAR_SIZES } from '@confer/identity/contracts';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Everything identity holds about one person, read for an export and erased for a deletion.
 * Credentials (password hash, TOTP secret, recovery-code and token hashes) are never exported: they
 * are secrets, not information about the person, and they are erased with the account.
 */
@Injectable()
export class PersonalDataRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async collect(userId: string): Promise<Record<string, unknown> | undefined> {
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [userId]);
    const [account] = await q<Record<string, unknown>>(
      `SELECT id, email, display_name AS "displayName", role, email_verified_at AS "emailVerifiedAt", disabled_at AS "disabledAt",
         mfa_enabled_at AS "mfaEnabledAt", time_zone AS "timeZone", locale, preferences, discoverable,
         avatar_version AS "avatarVersion", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM ${this.s}.users WHERE id = $1`,
    );
    if (!account) return undefined;
    const version = account['avatarVersion'] as number | null;
    return {
      account,
      avatar: version === null ? null : { version, urls: AVATAR_SIZES.map((size) => avatarPath(userId, version, size)) },
      sessions: await q(
        `SELECT id, device, ip, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt",
           revoked_at AS "revokedAt", revoked_reason AS "revokedReason"
         FROM ${this.s}.sessions WHERE user_id = $1 ORDER BY created_at`,
      ),
      contacts: await q(
        `SELECT c.contact_id AS "userId", u.display_name AS "displayName", c.favourite, c.created_at AS "addedAt"
         FROM ${this.s}.contacts c JOIN ${this.s}.users u ON u.id = c.contact_id WHERE c.owner_id = $1 ORDER BY c.created_at`,
      ),
      securityLog: await q(
        `SELECT id, type, user_id AS "userId", actor_id AS "actorId", ip, details, at
         FROM ${this.s}.security_log WHERE user_id = $1 OR actor_id = $1 ORDER BY seq`,
      ),
      privacyRequests: await q(
        `SELECT id, kind, status, created_at AS "createdAt", completed_at AS "completedAt"
         FROM ${this.s}.privacy_requests WHERE user_id = $1 ORDER BY created_at`,
      ),
    };
  }

  /** The address and the avatar versions to remove from storage, before the account row goes. */
  async erasureTargets(userId: string, manager: EntityManager): Promise<{ email: string; displayName: string; avatarVersions: number } | undefined> {
    const [row]: { email: string; display_name: string; avatar_last_version: number }[] = await manager.query(
      `SELECT email, display_name, avatar_last_version FROM ${this.s}.users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return row ? { email: row.email, displayName: row.display_name, avatarVersions: row.avatar_last_version } : undefined;
  }

  /**
   * Erases the account inside the caller's transaction: the user row (its sessions, refresh and email
   * tokens, recovery codes and contacts in both directions go with it by cascade), the mail sent to
   * the address, and the IP address and device of its security-log entries. The entries themselves
   * stay (type and time, under an id that no longer names anyone): the log is append-only.
   */
  async erase(userId: string, email: string, manager: EntityManager): Promise<Record<string, number>> {
    await manager.query(`SET LOCAL confer.erasure = 'on'`);
    const [, logEntries]: [unknown[], number] = await manager.query(
      `UPDATE ${this.s}.security_log SET ip = NULL, details = details - 'device'
       WHERE (user_id = $1 OR actor_id = $1) AND (ip IS NOT NULL OR details ? 'device')`,
      [userId],
    );
    await manager.query(`SET LOCAL confer.erasure = 'off'`);
    const [, mails]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.outgoing_mail WHERE recipient = $1`, [email]);
    const [, sessions]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.sessions WHERE user_id = $1`, [userId]);
    const [, contacts]: [unknown[], number] = await manager.query(
      `DELETE FROM ${this.s}.contacts WHERE owner_id = $1 OR contact_id = $1`,
      [userId],
    );
    const [, accounts]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.users WHERE id = $1`, [userId]);
    return { accounts, sessions, contacts, mails, securityLogEntriesAnonymised: logEntries };
  }
}
