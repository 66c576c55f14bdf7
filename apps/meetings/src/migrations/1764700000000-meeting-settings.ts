import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Per-meeting settings (JSON, read over DEFAULT_MEETING_SETTINGS), the passcode's hash, the lock,
 * recurrence (an RFC 5545 RRULE) with the iCalendar SEQUENCE, and when the meeting was live.
 */
export class MeetingSettings1764700000000 implements MigrationInterface {
  name = 'MeetingSettings1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      ALTER TABLE ${s}.meetings
        ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN passcode_hash text,
        ADD COLUMN locked boolean NOT NULL DEFAULT false,
        ADD COLUMN rrule text,
        ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        ADD COLUMN started_at timestamptz,
        ADD COLUMN ended_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      ALTER TABLE ${s}.meetings
        DROP COLUMN IF EXISTS ended_at, DROP COLUMN IF EXISTS started_at, DROP COLUMN IF EXISTS sequence,
        DROP COLUMN IF EXISTS rrule, DROP COLUMN IF EXISTS locked, DROP COLUMN IF EXISTS passcode_hash,
        DROP COLUMN IF EXISTS settings`);
  }
}
