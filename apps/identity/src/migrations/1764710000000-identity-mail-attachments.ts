import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/** outgoing_mail as @confer/shared/server/mail writes it: attachments (base64 in JSON) beside the bodies. */
export class IdentityMailAttachments1764710000000 implements MigrationInterface {
  name = 'IdentityMailAttachments1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.outgoing_mail ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE ${s}.outgoing_mail DROP COLUMN IF EXISTS attachments`);
  }
}
