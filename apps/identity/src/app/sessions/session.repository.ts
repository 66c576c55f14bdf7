import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

export interface Session {
  id: string;
  userId: string;
  device: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface RefreshLookup {
  session: Session;
  /** When this refresh token was replaced by a newer one; a replaced token presented again is reuse. */
  rotatedAt: Date | null;
}

/** Sessions (one per sign-in) and their refresh tokens (one family per session, stored hashed). */
@Injectable()
export class SessionRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async create(session: Omit<Session, 'createdAt' | 'lastSeenAt' | 'revokedAt'>, tokenHash: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.sessions (id, user_id, device, ip, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [session.id, session.userId, session.device, session.ip, session.expiresAt],
    );
    await manager.query(`INSERT INTO ${this.s}.refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [tokenHash, session.id]);
  }

  /** Finds the session of a refresh token, locking the token row for the rotation. */
  async findByRefresh(tokenHash: string, manager: EntityManager): Promise<RefreshLookup | undefined> {
    const [row] = await manager.query(
      `SELECT t.rotated_at, s.* FROM ${this.s}.refresh_tokens t JOIN ${this.s}.sessions s ON s.id = t.session_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [tokenHash],
    );
    return row ? { session: toSession(row), rotatedAt: row.rotated_at } : undefined;
  }

  async rotate(sessionId: string, oldHash: string, newHash: string, ip: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE ${this.s}.refresh_tokens SET rotated_at = now() WHERE token_hash = $1`, [oldHash]);
    await manager.query(`INSERT INTO ${this.s}.refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [newHash, sessionId]);
    await manager.query(`UPDATE ${this.s}.sessions SET last_seen_at = now(), ip = $2 WHERE id = $1`, [sessionId, ip]);
  }

  async listActive(userId: string): Promise<Session[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM ${this.s}.sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC`,
      [userId],
    );
    return rows.map(toSession);
  }

  /** Revokes sessions of one user (all of them when `ids` is undefined); returns the ids revoked. */
  async revoke(userId: string, ids: string[] | undefined, reason: string, manager: EntityManager, exceptId?: string): Promise<string[]> {
    const result: [{ id: string }[], number] = await manager.query(
      `UPDATE ${this.s}.sessions SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
         AND ($4::uuid IS NULL OR id <> $4::uuid)
       RETURNING id`,
      [userId, reason, ids ?? null, exceptId ?? null],
    );
    return result[0].map((r) => r.id);
  }

  /** Sessions revoked since `since`, for the revocation snapshot. */
  async revokedSince(since: Date): Promise<{ id: string; userId: string; revokedAt: Date; reason: string }[]> {
    const rows: { id: string; user_id: string; revoked_at: Date; revoked_reason: string }[] = await this.dataSource.query(
      `SELECT id, user_id, revoked_at, revoked_reason FROM ${this.s}.sessions WHERE revoked_at > $1`,
      [since],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, revokedAt: r.revoked_at, reason: r.revoked_reason }));
  }
}

function toSession(row: Record<string, unknown>): Session {
  return {
    id: row['id'] as string,
    userId: row['user_id'] as string,
    device: row['device'] as string,
    ip: row['ip'] as string,
    createdAt: row['created_at'] as Date,
    lastSeenAt: row['last_seen_at'] as Date,
    expiresAt: row['expires_at'] as Date,
    revokedAt: row['revoked_at'] as Date | null,
  };
}
