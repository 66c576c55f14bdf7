import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@confer/shared/server/devstack';
import { createServiceDataSource } from './data-source';
import { EventBusTables1764115200000 } from './event-bus-tables.migration';
import { quotedSchema, runMigrationsGuarded } from './migrate';

/** A slow migration, so that two instances starting together really overlap. */
class SlowCounter1764115300000 implements MigrationInterface {
  name = 'SlowCounter1764115300000';
  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quotedSchema(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE ${s}.counter (n integer NOT NULL)`);
    await queryRunner.query('SELECT pg_sleep(0.5)');
    await queryRunner.query(`INSERT INTO ${s}.counter VALUES (1)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${quotedSchema(queryRunner.connection)}.counter`);
  }
}

describe('runMigrationsGuarded', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  function instance() {
    return createServiceDataSource({
      service: 'meetings',
      url: db.url,
      schema: 'meetings',
      poolMax: 3,
      connectTimeoutMs: 5000,
      entities: [],
      migrations: [EventBusTables1764115200000, SlowCounter1764115300000],
    });
  }

  it('creates the schema and migrates once when two instances start together', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ra, rb] = await Promise.all([runMigrationsGuarded(a), runMigrationsGuarded(b)]);
      expect([...ra.applied, ...rb.applied].sort()).toEqual(['EventBusTables1764115200000', 'SlowCounter1764115300000']);
      expect(await a.query('SELECT n FROM meetings.counter')).toEqual([{ n: 1 }]);
      expect(await a.query('SELECT count(*)::int AS n FROM meetings.migrations')).toEqual([{ n: 2 }]);
      expect((await runMigrationsGuarded(a)).applied).toEqual([]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
