import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import { createOutgoingMailTable } from '@confer/shared/server/mail';

/**
 * Scheduling: invitees of a meeting, per-occurrence changes of a series (moved, renamed, cancelled),
 * personal calendar feeds (only the SHA-256 of the secret token), and the mail queue for invitations.
 */
export class MeetingsScheduling1764710000010 implements MigrationInterface {
  name = 'MeetingsScheduling1764710000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE ${s}.meeting_invitees (
        meeting_id uuid NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
        user_id uuid,
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, email)
      )`);
    await queryRunner.query(`CREATE INDEX meeting_invitees_user ON ${s}.meeting_invitees (user_id) WHERE user_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.meeting_occurrence_overrides (
        meeting_id uuid NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
        occurrence_id timestamptz NOT NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
        title text,
        cancelled boolean NOT NULL DEFAULT false,
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, occurrence_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.calendar_feeds (
        user_id uuid PRIMARY KEY,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await createOutgoingMailTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    for (const table of ['outgoing_mail', 'calendar_feeds', 'meeting_occurrence_overrides', 'meeting_invitees']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
    }
  }
}
