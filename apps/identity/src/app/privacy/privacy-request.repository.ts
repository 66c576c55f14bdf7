import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { PrivacyPartStatus, PrivacyRequestKind, PrivacyRequestStatus } from '@confer/identity/contracts';
import type { ServiceName } from '@confer/shared/contracts';
import { quotedSchema } from '@confer/shared/server/database';

export interface PrivacyRequest {
  id: string;
  userId: string;
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  parts: Partial<Record<ServiceName, PrivacyPartStatus>>;
  attempts: number;
  lastError: string | null;
  archiveKey: string | null;
  sizeBytes: number | null;
  expiresAt: Date | null;
  confirmedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, user_id, kind, status, parts, attempts, last_error, archive_key, size_bytes, expires_at,
  confirmed_at, completed_at, created_at, updated_at`;

/** Rows of privacy_requests: the jobs and their progress. Partial unique index: one active per kind. */
@Injectable()
export class PrivacyRequestRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Inserts a request; undefined when one of the same kind is already active for the user. */
  async insert(
    request: { userId: string; kind: PrivacyRequestKind; status: PrivacyRequestStatus; parts: PrivacyRequest['parts']; confirmTokenHash?: string; expiresAt?: Date },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PrivacyRequest | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO ${this.s}.privacy_requests (id, user_id, kind, status, parts, confirm_token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), request.userId, request.kind, request.status, JSON.stringify(request.parts), request.confirmTokenHash ?? null, request.expiresAt ?? null],
    );
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  async listForUser(userId: string, limit: number): Promise<PrivacyRequest[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.privacy_requests WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toRequest);
  }

  async findForUser(id: string, userId: string): Promise<PrivacyRequest | undefined> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.privacy_requests WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  async findByTokenHash(tokenHash: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PrivacyRequest | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${this.s}.privacy_requests WHERE confirm_token_hash = $1 AND kind = 'deletion' ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  async setStatus(id: string, status: PrivacyRequestStatus, manager: EntityManager, fields: { confirmedAt?: Date } = {}): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.privacy_requests SET status = $2, confirmed_at = coalesce($3, confirmed_at), next_attempt_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, fields.confirmedAt ?? null],
    );
  }

  /** Withdraws the user's unconfirmed deletion; false when there is none. */
  async cancelUnconfirmedDeletion(userId: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.privacy_requests SET status = 'cancelled', updated_at = now()
       WHERE user_id = $1 AND kind = 'deletion' AND status = 'awaiting_confirmation'`,
      [userId],
    );
    return count > 0;
  }

  /** Takes the next due job for `leaseMs` (a job whose worker died is taken again once its lease ends). */
  async claimDue(leaseMs: number): Promise<PrivacyRequest | undefined> {
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.privacy_requests
       SET status = 'running', lease_until = now() + ($1 || ' milliseconds')::interval, updated_at = now()
       WHERE id = (
         SELECT id FROM ${this.s}.privacy_requests
         WHERE next_attempt_at <= now() AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
         ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [String(leaseMs)],
    );
    return rows[0] ? toRequest(rows[0]) : undefined;
  }

  async markPart(id: string, service: ServiceName, status: PrivacyPartStatus, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.privacy_requests SET parts = jsonb_set(parts, ARRAY[$2::text], to_jsonb($3::text)), updated_at = now() WHERE id = $1`,
      [id, service, status],
    );
  }

  async complete(id: string, fields: { archiveKey?: string; sizeBytes?: number; expiresAt?: Date }, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.privacy_requests SET status = 'completed', completed_at = now(), lease_until = NULL, last_error = NULL,
         archive_key = $2, size_bytes = $3, expires_at = $4, updated_at = now() WHERE id = $1`,
      [id, fields.archiveKey ?? null, fields.sizeBytes ?? null, fields.expiresAt ?? null],
    );
  }

  /** Puts a job back in the queue after a failure, or marks it failed when `giveUp`. */
  async retryLater(id: string, error: string, retryInMs: number, giveUp: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.s}.privacy_requests SET status = $4, attempts = attempts + 1, last_error = $2, lease_until = NULL,
         next_attempt_at = now() + ($3 || ' milliseconds')::interval, updated_at = now() WHERE id = $1`,
      [id, error.slice(0, 300), String(retryInMs), giveUp ? 'failed' : 'queued'],
    );
  }

  /** Exports whose archive is past its time: returned so the archive can be removed, then marked expired. */
  async expiredExports(limit: number): Promise<{ id: string; archiveKey: string | null }[]> {
    const rows: { id: string; archive_key: string | null }[] = await this.dataSource.query(
      `SELECT id, archive_key FROM ${this.s}.privacy_requests WHERE kind = 'export' AND status = 'completed' AND expires_at <= now() LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, archiveKey: r.archive_key }));
  }

  /** Every export archive of a user still in storage. */
  async archivesOf(userId: string): Promise<{ id: string; archiveKey: string }[]> {
    const rows: { id: string; archive_key: string }[] = await this.dataSource.query(
      `SELECT id, archive_key FROM ${this.s}.privacy_requests WHERE user_id = $1 AND archive_key IS NOT NULL`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, archiveKey: r.archive_key }));
  }

  async markExpired(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.privacy_requests SET status = 'expired', archive_key = NULL, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Deletion links nobody followed in time. */
  async cancelStaleConfirmations(): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.s}.privacy_requests SET status = 'cancelled', updated_at = now()
       WHERE kind = 'deletion' AND status = 'awaiting_confirmation' AND expires_at <= now()`,
    );
  }

  /** A confirmed deletion of the account has not finished yet (it must not be re-enabled meanwhile). */
  async deletionUnderWay(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${this.s}.privacy_requests WHERE user_id = $1 AND kind = 'deletion' AND status IN ('queued', 'running', 'failed')`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Accounts whose deletion was confirmed since `since`: their tokens must stay refused. */
  async deletionsConfirmedSince(since: Date): Promise<{ userId: string; confirmedAt: Date }[]> {
    const rows: { user_id: string; confirmed_at: Date }[] = await this.dataSource.query(
      `SELECT user_id, confirmed_at FROM ${this.s}.privacy_requests WHERE kind = 'deletion' AND confirmed_at > $1`,
      [since],
    );
    return rows.map((r) => ({ userId: r.user_id, confirmedAt: r.confirmed_at }));
  }
}

function toRequest(row: Record<string, unknown>): PrivacyRequest {
  return {
    id: row['id'] as string,
    userId: row['user_id'] as string,
    kind: row['kind'] as PrivacyRequestKind,
    status: row['status'] as PrivacyRequestStatus,
    parts: row['parts'] as PrivacyRequest['parts'],
    attempts: row['attempts'] as number,
    lastError: row['last_error'] as string | null,
    archiveKey: row['archive_key'] as string | null,
    sizeBytes: row['size_bytes'] === null ? null : Number(row['size_bytes']),
    expiresAt: row['expires_at'] as Date | null,
    confirmedAt: row['confirmed_at'] as Date | null,
    completedAt: row['completed_at'] as Date | null,
    createdAt: row['created_at'] as Date,
    updatedAt: row['updated_at'] as Date,
  };
}
