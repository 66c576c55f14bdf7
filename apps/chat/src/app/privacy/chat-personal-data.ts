import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import type { PersonalDataHolder } from '@confer/shared/server/platform';
import { FileStorage } from '../files/file-storage';

/** How an erased person appears in the chats they took part in (as in meetings' attendance). */
export const DELETED_USER_NAME = 'Deleted user';

/**
 * What chat holds about a signed-in person: the messages they wrote, the files they shared, their
 * reactions, and the meetings they took part in. The export has all four (files as a list: names,
 * sizes, dates; messages others sent them stay the senders'). Erasure (docs/decisions.md, Chat)
 * deletes their files (the S3 objects first, so a retry finds what is left) and what they wrote,
 * keeping a tombstone so others' chats keep their order, names them "Deleted user" under an identity
 * that names nobody, and removes their reactions and memberships; private messages others sent them
 * keep their text, addressed to "Deleted user".
 */
@Injectable()
export class ChatPersonalData implements PersonalDataHolder {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {
    this.s = quotedSchema(dataSource);
  }

  async export(userId: string): Promise<Record<string, unknown>> {
    const messages: unknown[] = await this.dataSource.query(
      `SELECT meeting_code AS "meetingCode", id, body, recipient_name AS "privateTo", created_at AS "sentAt", edited_at AS "editedAt"
       FROM ${this.s}.messages WHERE sender_user_id = $1 AND deleted_at IS NULL ORDER BY pos`,
      [userId],
    );
    const reactions: unknown[] = await this.dataSource.query(
      `SELECT m.meeting_code AS "meetingCode", r.message_id AS "messageId", r.emoji, r.created_at AS "reactedAt"
       FROM ${this.s}.reactions r JOIN ${this.s}.messages m ON m.id = r.message_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    const meetings: unknown[] = await this.dataSource.query(
      `SELECT meeting_id AS "meetingId", display_name AS "displayName", first_seen_at AS "firstSeenAt", removed_at AS "removedAt"
       FROM ${this.s}.members WHERE user_id = $1 ORDER BY first_seen_at`,
      [userId],
    );
    const files: unknown[] = await this.dataSource.query(
      `SELECT m.meeting_code AS "meetingCode", m.id AS "messageId", f.name, f.size::float8 AS size, f.content_type AS "contentType",
         m.recipient_name AS "privateTo", m.created_at AS "sharedAt"
       FROM ${this.s}.files f JOIN ${this.s}.messages m ON m.file_id = f.id
       WHERE f.uploader_user_id = $1 AND f.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY m.pos`,
      [userId],
    );
    return { chatMessages: messages, chatFiles: files, chatReactions: reactions, chatMeetings: meetings };
  }

  /** Idempotent: a second call finds nothing of theirs left. */
  async erase(userId: string): Promise<Record<string, number>> {
    const anonymous = `deleted-${randomUUID()}`;
    const files: Array<{ id: string; meeting_id: string }> = await this.dataSource.query(
      `SELECT id, meeting_id FROM ${this.s}.files WHERE uploader_user_id = $1`,
      [userId],
    );
    for (const file of files) await this.storage.delete(FileStorage.key(file.meeting_id, file.id));
    return this.dataSource.transaction(async (manager) => {
      const [removedFiles]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.files WHERE id = ANY($1::uuid[]) RETURNING id`, [files.map((f) => f.id)]);
      const [written]: [unknown[], number] = await manager.query(
        `UPDATE ${this.s}.messages SET body = '', deleted_at = COALESCE(deleted_at, now()), deleted_by = COALESCE(deleted_by, $2),
           sender_user_id = NULL, sender_identity = $2, sender_name = $3
         WHERE sender_user_id = $1 RETURNING id`,
        [userId, anonymous, DELETED_USER_NAME],
      );
      const [received]: [unknown[], number] = await manager.query(
        `UPDATE ${this.s}.messages SET recipient_identity = $2, recipient_name = $3 WHERE recipient_identity = $1 RETURNING id`,
        [userId, anonymous, DELETED_USER_NAME],
      );
      const [reactions]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.reactions WHERE user_id = $1 RETURNING message_id`, [userId]);
      const [memberships]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.members WHERE user_id = $1 RETURNING meeting_id`, [userId]);
      return {
        messagesErased: written.length,
        files: removedFiles.length,
        privateMessagesReaddressed: received.length,
        reactions: reactions.length,
        memberships: memberships.length,
      };
    });
  }
}
