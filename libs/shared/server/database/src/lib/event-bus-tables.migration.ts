import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from './migrate';

/**
 * The outbox (events this service produced, awaiting relay) and the inbox (events this service
 * already handled, for idempotency). Every service includes this migration in its own list.
 */
export class EventBusTables1764115200000 implements MigrationInterface {
  name = 'EventBusTables1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        version integer NOT NULL,
        payload jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_events_unpublished ON ${s}.outbox_events (seq) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE ${s}.processed_events (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`DROP TABLE ${s}.processed_events`);
    await queryRunner.query(`DROP TABLE ${s}.outbox_events`);
  }
}
