import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Privacy requests ("download my data", "delete my account") as background jobs, and the one
 * sanctioned change to the append-only security log: when an account is deleted, its entries lose
 * their IP address and device, but the entries themselves stay (see docs/decisions.md, Privacy).
 *
 * privacy_requests has no foreign key to users: a deletion's row outlives the account it deleted,
 * so that its status can still be shown and the revocation it caused still be replayed.
 */
export class IdentityPrivacy1764600000000 implements MigrationInterface {
  name = 'IdentityPrivacy1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE ${s}.privacy_requests (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('export', 'deletion')),
        status text NOT NULL CHECK (status IN ('awaiting_confirmation', 'queued', 'running', 'completed', 'failed', 'cancelled', 'expired')),
        parts jsonb NOT NULL DEFAULT '{}'::jsonb,
        confirm_token_hash text UNIQUE,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        archive_key text,
        size_bytes bigint,
        expires_at timestamptz,
        confirmed_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX privacy_requests_user ON ${s}.privacy_requests (user_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX privacy_requests_due ON ${s}.privacy_requests (next_attempt_at) WHERE status IN ('queued', 'running')`);
    // At most one export in flight and one deletion under way per account.
    await queryRunner.query(`
      CREATE UNIQUE INDEX privacy_requests_one_active ON ${s}.privacy_requests (user_id, kind)
      WHERE status IN ('awaiting_confirmation', 'queued', 'running')`);

    // The log stays append-only: DELETE and TRUNCATE are still refused for everyone, and an UPDATE is
    // allowed only inside an erasure (SET LOCAL confer.erasure = 'on') and only to drop the IP address
    // and the device of an entry; every other column must stay as it was.
    await queryRunner.query(`DROP TRIGGER security_log_append_only ON ${s}.security_log`);
    await queryRunner.query(`
      CREATE TRIGGER security_log_append_only BEFORE DELETE OR TRUNCATE ON ${s}.security_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.security_log_append_only()`);
    await queryRunner.query(`
      CREATE FUNCTION ${s}.security_log_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('confer.erasure', true), '') <> 'on'
           OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.id IS DISTINCT FROM OLD.id
           OR NEW.type IS DISTINCT FROM OLD.type OR NEW.user_id IS DISTINCT FROM OLD.user_id
           OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.at IS DISTINCT FROM OLD.at
           OR NEW.ip IS NOT NULL OR NEW.details IS DISTINCT FROM (OLD.details - 'device') THEN
          RAISE EXCEPTION 'security_log is append-only';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER security_log_erasure_only BEFORE UPDATE ON ${s}.security_log
      FOR EACH ROW EXECUTE FUNCTION ${s}.security_log_erasure_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`DROP TRIGGER IF EXISTS security_log_erasure_only ON ${s}.security_log`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ${s}.security_log_erasure_only()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS security_log_append_only ON ${s}.security_log`);
    await queryRunner.query(`
      CREATE TRIGGER security_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.security_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.security_log_append_only()`);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.privacy_requests`);
  }
}
