import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Chat (docs/decisions.md, Chat): messages with a per-meeting position and change counter, a
 * full-text index, reactions, and the meetings each person took part in (for search).
 */
export class Chat1765000000000 implements MigrationInterface {
  name = 'Chat1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    // One row per meeting: the last value handed out; taking the next locks the row, so a meeting's
    // changes are numbered (and committed) one after the other.
    await queryRunner.query(`
      CREATE TABLE ${s}.meeting_counters (
        meeting_id uuid PRIMARY KEY,
        last_version bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.messages (
        id uuid PRIMARY KEY,
        pos bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        meeting_id uuid NOT NULL,
        meeting_code text NOT NULL,
        seq bigint NOT NULL,
        version bigint NOT NULL,
        client_id uuid NOT NULL,
        sender_identity text NOT NULL,
        sender_user_id uuid,
        sender_name text NOT NULL,
        recipient_identity text,
        recipient_name text,
        body text NOT NULL CHECK (char_length(body) <= 4000),
        body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by text,
        UNIQUE (meeting_id, seq),
        UNIQUE (meeting_id, sender_identity, client_id)
      )`);
    await queryRunner.query(`CREATE INDEX messages_changes ON ${s}.messages (meeting_id, version)`);
    await queryRunner.query(`CREATE INDEX messages_search ON ${s}.messages USING GIN (body_tsv)`);
    await queryRunner.query(`CREATE INDEX messages_sender_user ON ${s}.messages (sender_user_id) WHERE sender_user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX messages_recipient ON ${s}.messages (recipient_identity) WHERE recipient_identity IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.reactions (
        message_id uuid NOT NULL REFERENCES ${s}.messages (id) ON DELETE CASCADE,
        emoji text NOT NULL,
        identity text NOT NULL,
        user_id uuid,
        display_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (message_id, emoji, identity)
      )`);
    await queryRunner.query(`CREATE INDEX reactions_user ON ${s}.reactions (user_id) WHERE user_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.members (
        meeting_id uuid NOT NULL,
        identity text NOT NULL,
        user_id uuid,
        display_name text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        PRIMARY KEY (meeting_id, identity)
      )`);
    await queryRunner.query(`CREATE INDEX members_user ON ${s}.members (user_id) WHERE user_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.members`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.reactions`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.messages`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.meeting_counters`);
  }
}
