import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * The device a participant last joined or renewed their token from, a short label such as
 * "Chrome 131 on Linux" (never the raw user agent), copied onto each attendance row when LiveKit
 * reports the connection (docs/decisions.md, "Attendance device"). meeting_attendance.device exists
 * since 1764720000001.
 */
export class ParticipantDevice1764740000000 implements MigrationInterface {
  name = 'ParticipantDevice1764740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.meeting_participants ADD COLUMN device text CHECK (char_length(device) <= 64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.meeting_participants DROP COLUMN IF EXISTS device`);
  }
}
