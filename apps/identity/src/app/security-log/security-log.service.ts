import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page, SecurityEventType, SecurityLogEntry } from '@confer/identity/contracts';
import { quotedSchema } from '@confer/shared/server/database';
import { DomainError } from '@confer/shared/util';

export interface SecurityEvent {
  type: SecurityEventType;
  userId?: string | null;
  /** Who did it, when not the user themself (an admin). */
  actorId?: string | null;
  ip?: string | null;
  /** Never a secret: no passwords, tokens, codes or hashes. */
  details?: Record<string, string | number | boolean>;
}

interface Row {
  seq: string;
  id: string;
  type: SecurityEventType;
  user_id: string | null;
  actor_id: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean>;
  at: Date;
}

/** The append-only security log (the table refuses UPDATE and DELETE). Times are UTC. */
@Injectable()
export class SecurityLogService {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async record(event: SecurityEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.security_log (id, type, user_id, actor_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), event.type, event.userId ?? null, event.actorId ?? null, event.ip ?? null, JSON.stringify(event.details ?? {})],
    );
  }

  /** Newest first; `userId` undefined lists everyone's (admins only). */
  async list(options: { userId?: string; cursor?: string; limit: number }): Promise<Page<SecurityLogEntry>> {
    const params: unknown[] = [options.limit + 1];
    const where: string[] = [];
    if (options.userId !== undefined) {
      params.push(options.userId);
      where.push(`(user_id = $${params.length} OR actor_id = $${params.length})`);
    }
    const before = decodeCursor(options.cursor);
    if (before !== undefined) {
      params.push(before);
      where.push(`seq < $${params.length}`);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT seq, id, type, user_id, actor_id, ip, details, at FROM ${this.s}.security_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, options.limit).map(toEntry);
    return rows.length > options.limit ? { items: page, next: encodeCursor(rows[options.limit - 1].seq) } : { items: page };
  }
}

function toEntry(row: Row): SecurityLogEntry {
  return {
    id: row.id,
    type: row.type,
    userId: row.user_id,
    actorId: row.actor_id,
    ip: row.ip,
    at: row.at.toISOString(),
    details: row.details,
  };
}

function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^s:\d{1,19}$/.test(text)) throw new DomainError('CURSOR_INVALID', 'invalid', 'The page cursor is not valid.');
  return text.slice(2);
}
