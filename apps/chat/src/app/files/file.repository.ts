import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChatFile } from '@confer/chat/contracts';
import { quotedSchema } from '@confer/shared/server/database';
import type { Author } from '../messages/message.repository';

/** A files row as the repository reads it (bigints come back from pg as strings). */
export interface FileRow {
  id: string;
  meeting_id: string;
  meeting_code: string;
  uploader_identity: string;
  uploader_user_id: string | null;
  name: string;
  size: string;
  content_type: string;
  status: 'pending' | 'uploading' | 'stored';
  created_at: Date;
  deleted_at: Date | null;
}

const COLUMNS = 'id, meeting_id, meeting_code, uploader_identity, uploader_user_id, name, size, content_type, status, created_at, deleted_at';

export function toChatFile(row: Pick<FileRow, 'id' | 'name' | 'size' | 'content_type'>): ChatFile {
  return { id: row.id, name: row.name, size: Number(row.size), contentType: row.content_type };
}

/** How long an upload may stay unshared before the sweeper removes it. */
const UNSHARED_FOR = `interval '1 hour'`;

/** chat.files: uploads from their reservation to their removal, and which message shares each. */
@Injectable()
export class FileRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async reserve(id: string, uploader: Author, file: { name: string; size: number; contentType: string }, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.s}.files (id, meeting_id, meeting_code, uploader_identity, uploader_user_id, name, size, content_type, status, upload_token_hash, upload_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)`,
      [id, uploader.meetingId, uploader.code, uploader.identity, uploader.userId, file.name, file.size, file.contentType, tokenHash, expiresAt],
    );
  }

  /** Takes the upload of a token that is pending and not expired: one upload at a time per file. */
  async startUpload(tokenHash: Buffer): Promise<FileRow | undefined> {
    const [rows]: [FileRow[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.files SET status = 'uploading' WHERE upload_token_hash = $1 AND status = 'pending' AND upload_expires_at > now() RETURNING ${COLUMNS}`,
      [tokenHash],
    );
    return rows[0];
  }

  /** Stored: the token is spent. */
  async stored(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.files SET status = 'stored', stored_at = now(), upload_token_hash = NULL WHERE id = $1`, [id]);
  }

  /** The upload failed on our side (S3): the same URL may try again until it expires. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.files SET status = 'pending' WHERE id = $1 AND status = 'uploading'`, [id]);
  }

  /** Never to be shared or served; the sweeper removes its object and the row. */
  async markDeleted(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.files SET deleted_at = now(), upload_token_hash = NULL WHERE id = $1`, [id]);
  }

  async remove(ids: readonly string[], manager?: EntityManager): Promise<void> {
    if (ids.length > 0) await this.q(manager).query(`DELETE FROM ${this.s}.files WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A stored file of this uploader, in this meeting, that no message shares yet; locked until the transaction ends. */
  async findShareable(uploader: Author, id: string, manager: EntityManager): Promise<FileRow | undefined> {
    const [row]: FileRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${this.s}.files f
       WHERE id = $1 AND meeting_id = $2 AND uploader_identity = $3 AND status = 'stored' AND deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ${this.s}.messages m WHERE m.file_id = f.id)
       FOR UPDATE`,
      [id, uploader.meetingId, uploader.identity],
    );
    return row;
  }

  /** A file `identity` may download: shared by a message they may see, which is not deleted. */
  async findVisible(meetingId: string, identity: string, id: string): Promise<FileRow | undefined> {
    const [row]: FileRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS.split(', ').map((c) => `f.${c}`).join(', ')} FROM ${this.s}.files f JOIN ${this.s}.messages m ON m.file_id = f.id
       WHERE f.id = $1 AND m.meeting_id = $2 AND m.deleted_at IS NULL AND f.deleted_at IS NULL AND f.status = 'stored'
         AND (m.recipient_identity IS NULL OR m.sender_identity = $3 OR m.recipient_identity = $3)`,
      [id, meetingId, identity],
    );
    return row;
  }

  async byIds(ids: readonly string[], manager?: EntityManager): Promise<FileRow[]> {
    if (ids.length === 0) return [];
    return this.q(manager).query(`SELECT ${COLUMNS} FROM ${this.s}.files WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [ids]);
  }

  /** The file of a message being deleted goes with it; returns it, for its object to be removed. */
  async discardOfMessage(messageId: string, manager: EntityManager): Promise<FileRow | undefined> {
    const [rows]: [FileRow[], number] = await manager.query(
      `UPDATE ${this.s}.files SET deleted_at = now() WHERE id = (SELECT file_id FROM ${this.s}.messages WHERE id = $1) RETURNING ${COLUMNS}`,
      [messageId],
    );
    return rows[0];
  }

  /** Everything a person uploaded, shared or not (erasure). */
  async ofUser(userId: string, manager?: EntityManager): Promise<FileRow[]> {
    return this.q(manager).query(`SELECT ${COLUMNS} FROM ${this.s}.files WHERE uploader_user_id = $1`, [userId]);
  }

  /** Files to remove: of deleted messages, or uploaded over an hour ago and never shared; locked, skipping others' picks. */
  async sweepable(limit: number, manager: EntityManager): Promise<FileRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM ${this.s}.files f
       WHERE deleted_at IS NOT NULL OR (created_at < now() - ${UNSHARED_FOR} AND NOT EXISTS (SELECT 1 FROM ${this.s}.messages m WHERE m.file_id = f.id))
       ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }
}
