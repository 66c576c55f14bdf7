import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@confer/shared/contracts';
import { ephemeralSecrets, freePorts, startPlatform, type Platform, type PlatformOptions } from './platform';
import { createTestDatabase, type TestDatabase } from './postgres';
import { startRedisServer, type RedisServerHandle } from './redis-server';

export interface TestPlatform {
  platform: Platform;
  db: TestDatabase;
  redis: RedisServerHandle;
  /** Stops everything and removes the run's folder. */
  stop(): Promise<void>;
}

/**
 * The platform for one test run or benchmark: a fresh database, a private Redis, free ports, fresh
 * secrets and a folder of its own; if any part fails to start, what did start is stopped.
 */
export async function startTestPlatform(options: {
  name: string;
  services?: readonly ServiceName[];
  companions?: PlatformOptions['companions'];
  logLevel?: string;
  settings?: PlatformOptions['settings'];
}): Promise<TestPlatform> {
  const dir = mkdtempSync(join(tmpdir(), `confer-${options.name}-`));
  const [db, redis] = await Promise.all([createTestDatabase(`confer_${options.name.replace(/\W/g, '_')}`), startRedisServer(join(dir, 'redis'))]);
  const cleanUp = async () => {
    await redis.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  let platform: Platform;
  try {
    platform = await startPlatform({
      dir,
      databaseUrl: db.url,
      redisUrl: redis.url,
      ports: await freePorts(),
      secrets: ephemeralSecrets(),
      services: options.services,
      companions: options.companions,
      logLevel: options.logLevel,
      settings: options.settings,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    platform,
    db,
    redis,
    stop: async () => {
      await platform.stop();
      await cleanUp();
    },
  };
}
