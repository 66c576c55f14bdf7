import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/**
 * Profiles (time zone, locale, preferences, discoverability, avatar version), the name index of the
 * directory search, and each user's contacts.
 *
 * Name search is a prefix search: `users_name_prefix` (btree, `text_pattern_ops` on the lower-cased
 * name) answers `lower(display_name) LIKE 'abc%'`. pg_trgm would allow substring search, but creating
 * an extension needs rights a service's database user may not have.
 */
export class IdentityProfiles1764500000000 implements MigrationInterface {
  name = 'IdentityProfiles1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    // avatar_version: the current avatar (null = none). avatar_last_version: the last version ever
    // handed out, so a URL (cached as immutable) never names two different images, even after a delete.
    await queryRunner.query(`
      ALTER TABLE ${s}.users
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD COLUMN locale text NOT NULL DEFAULT 'en',
        ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN discoverable boolean NOT NULL DEFAULT true,
        ADD COLUMN avatar_version integer CHECK (avatar_version > 0),
        ADD COLUMN avatar_last_version integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX users_name_prefix ON ${s}.users (lower(display_name) text_pattern_ops)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.contacts (
        owner_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
        favourite boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner_id, contact_id),
        CHECK (owner_id <> contact_id)
      )`);
    // The primary key serves the owner's list; this one the cascade when a contact's account goes.
    await queryRunner.query(`CREATE INDEX contacts_contact ON ${s}.contacts (contact_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.contacts`);
    await queryRunner.query(`DROP INDEX IF EXISTS ${s}.users_name_prefix`);
    await queryRunner.query(`
      ALTER TABLE ${s}.users
        DROP COLUMN IF EXISTS avatar_last_version,
        DROP COLUMN IF EXISTS avatar_version,
        DROP COLUMN IF EXISTS discoverable,
        DROP COLUMN IF EXISTS preferences,
        DROP COLUMN IF EXISTS locale,
        DROP COLUMN IF EXISTS time_zone`);
  }
}
