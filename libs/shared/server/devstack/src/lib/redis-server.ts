import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { freeTcpPort } from './ports';
import { spawnManaged, tcpAnswers, waitUntil, type ManagedProcess } from './process';

export interface RedisServerHandle {
  port: number;
  url: string;
  /** Stops the server; its data is gone (nothing is persisted). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A private redis-server (Debian's) on a free loopback port, for a test run that must not share Redis. */
export async function startRedisServer(dir: string, port?: number): Promise<RedisServerHandle> {
  const chosen = port ?? (await freeTcpPort());
  mkdirSync(dir, { recursive: true });
  let current: ManagedProcess | undefined;
  const handle: RedisServerHandle = {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async start() {
      current = spawnManaged(
        'redis-server',
        'redis-server',
        ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { logFile: join(dir, 'redis.log') },
      );
      await waitUntil(`redis on ${chosen}`, () => tcpAnswers(chosen), { process: current, timeoutMs: 10000 });
    },
    async stop() {
      await current?.stop();
      current = undefined;
    },
  };
  await handle.start();
  return handle;
}
