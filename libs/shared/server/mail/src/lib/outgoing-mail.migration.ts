import type { QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * The `outgoing_mail` table MailOutbox writes to, for a service's own migration to create in its
 * schema. Identity's older table gets the `attachments` column by a migration of its own.
 */
export async function createOutgoingMailTable(queryRunner: QueryRunner): Promise<void> {
  const s = quotedSchema(queryRunner.connection);
  await queryRunner.query(`
    CREATE TABLE ${s}.outgoing_mail (
      id uuid PRIMARY KEY,
      recipient text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text
    )`);
  await queryRunner.query(`CREATE INDEX outgoing_mail_due ON ${s}.outgoing_mail (next_attempt_at) WHERE sent_at IS NULL`);
}
