import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Who is (or waited, or was removed) in a meeting, when they were connected (from LiveKit webhooks),
 * which webhook deliveries were handled (dedupe), and the host's display name for previews.
 */
export class JoiningAndAttendance1764720000001 implements MigrationInterface {
  name = 'JoiningAndAttendance1764720000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.meetings ADD COLUMN host_name text`);
    await queryRunner.query(`
      CREATE TABLE ${s}.meeting_participants (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
        identity text NOT NULL,
        user_id uuid,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('host', 'co-host', 'participant')),
        status text NOT NULL CHECK (status IN ('waiting', 'admitted', 'denied', 'removed', 'left')),
        ticket_hash text NOT NULL UNIQUE,
        hand_raised boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        admitted_at timestamptz,
        left_at timestamptz,
        removed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, identity)
      )`);
    await queryRunner.query(`CREATE INDEX meeting_participants_user ON ${s}.meeting_participants (user_id) WHERE user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX meeting_participants_lobby ON ${s}.meeting_participants (meeting_id, created_at) WHERE status = 'waiting'`);
    await queryRunner.query(`
      CREATE TABLE ${s}.meeting_attendance (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES ${s}.meetings (id) ON DELETE CASCADE,
        identity text NOT NULL,
        user_id uuid,
        display_name text NOT NULL,
        livekit_sid text NOT NULL,
        device text,
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        UNIQUE (meeting_id, livekit_sid)
      )`);
    await queryRunner.query(`CREATE INDEX meeting_attendance_user ON ${s}.meeting_attendance (user_id) WHERE user_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.livekit_webhook_deliveries (
        id text PRIMARY KEY,
        event text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX livekit_webhook_deliveries_received ON ${s}.livekit_webhook_deliveries (received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.livekit_webhook_deliveries`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.meeting_attendance`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.meeting_participants`);
    await queryRunner.query(`ALTER TABLE ${s}.meetings DROP COLUMN IF EXISTS host_name`);
  }
}
