import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Server URL used to create and drop test databases; trust auth on loopback here. */
export function adminPostgresUrl(): string {
  return process.env['CONFER_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh, empty database on the local Postgres server, named for the run. */
export async function createTestDatabase(prefix = 'confer_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(adminPostgresUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Creates the database a URL names, on its own server, unless it exists (for `npm start`). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const exists = await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [name], admin.toString());
  if (exists === 0) await adminQuery(`CREATE DATABASE "${name.replace(/"/g, '')}"`, [], admin.toString());
}

async function adminQuery(sql: string, params: unknown[] = [], url = adminPostgresUrl()): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}
