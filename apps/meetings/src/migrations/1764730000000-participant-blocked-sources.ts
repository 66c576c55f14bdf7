import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * What a participant may not turn back on by themself until a host allows it, when the meeting's
 * participantsMayUnmute is off (docs/decisions.md, "Participants may unmute").
 */
export class ParticipantBlockedSources1764730000000 implements MigrationInterface {
  name = 'ParticipantBlockedSources1764730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      ALTER TABLE ${s}.meeting_participants ADD COLUMN blocked_sources text[] NOT NULL DEFAULT '{}'
        CHECK (blocked_sources <@ ARRAY['microphone', 'camera']::text[])`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.meeting_participants DROP COLUMN IF EXISTS blocked_sources`);
  }
}
