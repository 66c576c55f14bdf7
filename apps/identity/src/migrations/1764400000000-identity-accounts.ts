import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Accounts, sessions and their refresh tokens, one-time email tokens, MFA recovery codes, signing
 * keys, the mail outbox and the append-only security log.
 */
export class IdentityAccounts1764400000000 implements MigrationInterface {
  name = 'IdentityAccounts1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE ${s}.users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
        email_verified_at timestamptz,
        disabled_at timestamptz,
        mfa_secret text,
        mfa_pending_secret text,
        mfa_enabled_at timestamptz,
        mfa_last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email ON ${s}.users (email)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
        device text NOT NULL,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user ON ${s}.sessions (user_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`CREATE INDEX sessions_revoked ON ${s}.sessions (revoked_at) WHERE revoked_at IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE ${s}.refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES ${s}.sessions (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_session ON ${s}.refresh_tokens (session_id)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.email_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX email_tokens_user ON ${s}.email_tokens (user_id, purpose)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.recovery_codes (
        code_hash text NOT NULL,
        user_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);

    await queryRunner.query(`
      CREATE TABLE ${s}.signing_keys (
        kid text PRIMARY KEY,
        private_key_sealed text NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE ${s}.outgoing_mail (
        id uuid PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX outgoing_mail_due ON ${s}.outgoing_mail (next_attempt_at) WHERE sent_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE ${s}.security_log (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        user_id uuid,
        actor_id uuid,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX security_log_user ON ${s}.security_log (user_id, seq DESC)`);
    // Append-only: the database itself refuses to change or remove an entry.
    await queryRunner.query(`
      CREATE FUNCTION ${s}.security_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'security_log is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER security_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.security_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.security_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    for (const table of ['security_log', 'outgoing_mail', 'signing_keys', 'recovery_codes', 'email_tokens', 'refresh_tokens', 'sessions', 'users']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${s}.${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS ${s}.security_log_append_only()`);
  }
}
