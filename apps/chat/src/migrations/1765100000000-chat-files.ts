import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Files shared in chat (docs/decisions.md, Chat files and export): one row per upload, from its
 * reservation to its deletion; the bytes live in the uploads bucket under chat/<meeting id>/<id>. A
 * message shares at most one file, and a file is shared by at most one message.
 */
export class ChatFiles1765100000000 implements MigrationInterface {
  name = 'ChatFiles1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE ${s}.files (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL,
        meeting_code text NOT NULL,
        uploader_identity text NOT NULL,
        uploader_user_id uuid,
        name text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        content_type text NOT NULL,
        -- pending: reserved, waiting for its bytes; uploading: bytes arriving; stored: checked and in S3.
        status text NOT NULL CHECK (status IN ('pending', 'uploading', 'stored')),
        -- SHA-256 of the upload URL's token; cleared once used.
        upload_token_hash bytea UNIQUE,
        upload_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        stored_at timestamptz,
        -- Its message was deleted: the object and the row are removed (at once, or by the sweeper).
        deleted_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX files_uploader_user ON ${s}.files (uploader_user_id) WHERE uploader_user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX files_created ON ${s}.files (created_at)`);
    await queryRunner.query(`ALTER TABLE ${s}.messages ADD COLUMN file_id uuid UNIQUE REFERENCES ${s}.files (id) ON DELETE SET NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.messages DROP COLUMN IF EXISTS file_id`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.files`);
  }
}
