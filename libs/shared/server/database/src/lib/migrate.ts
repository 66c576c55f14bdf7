import type { DataSource } from 'typeorm';

export interface MigrationReport {
  applied: string[];
}

/**
 * Creates the service's schema and runs its pending migrations under a Postgres advisory lock, so
 * that two instances starting together run them once: the second waits, then finds nothing to do.
 */
export async function runMigrationsGuarded(dataSource: DataSource): Promise<MigrationReport> {
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`confer:migrate:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { applied: applied.map((m) => m.name) };
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`confer:migrate:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

/** Quotes the schema of the connection for use in migration SQL. */
export function quotedSchema(dataSource: DataSource): string {
  return `"${schemaOf(dataSource).replace(/"/g, '')}"`;
}

function schemaOf(dataSource: DataSource): string {
  return (dataSource.options as { schema?: string }).schema ?? 'public';
}
