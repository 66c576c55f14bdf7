/**
 * bench:health — requests per second and latency of GET /api/meetings/health through the one origin
 * (edge → meetings, which checks Postgres and Redis on every call). Brings up a fresh database, a
 * private Redis, the meetings service and the edge on free loopback ports; tears them down after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, ephemeralSecrets, freePorts, startPlatform, startRedisServer } from '@confer/shared/server/devstack';
import { closedLoopLoad, printTable, type LoadResult } from './load';

const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 10000);
const CONCURRENCY = (process.env['BENCH_CONCURRENCY'] ?? '1,16,64').split(',').map(Number);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-bench-health-'));
  const [db, redis] = await Promise.all([createTestDatabase('confer_bench'), startRedisServer(join(dir, 'redis'))]);
  const platform = await startPlatform({
    dir,
    databaseUrl: db.url,
    redisUrl: redis.url,
    ports: await freePorts(),
    secrets: ephemeralSecrets(),
    services: ['meetings'],
    companions: { livekit: false, s3: false, mail: false },
    logLevel: 'warn',
  }).catch(async (error: unknown) => {
    await redis.stop();
    await db.drop();
    throw error;
  });
  const url = `${platform.origin}/api/meetings/health`;
  const direct = `${platform.services[0].baseUrl}/health`;
  const results: LoadResult[] = [];
  const directResults: LoadResult[] = [];
  try {
    await closedLoopLoad(url, 8, 2000); // warm-up: JIT, connection pools
    for (const concurrency of CONCURRENCY) results.push(await closedLoopLoad(url, concurrency, DURATION_MS));
    // The same calls straight to the service, to show what the edge costs.
    for (const concurrency of CONCURRENCY) directResults.push(await closedLoopLoad(direct, concurrency, DURATION_MS));
  } finally {
    await platform.stop();
    await redis.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    `GET /api/meetings/health (${DURATION_MS / 1000} s per row, closed loop, keep-alive, 2 cores shared by load, edge, service, Postgres, Redis)`,
    [
      ...results.map((r) => ({ via: 'edge (one origin)', ...r })),
      ...directResults.map((r) => ({ via: 'meetings directly', ...r })),
    ],
  );
  const best = results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const bestDirect = directResults.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  console.log(
    JSON.stringify({
      benchmark: 'health',
      path: '/api/meetings/health',
      via: 'edge',
      runs: results,
      direct: directResults,
      bestDirectRequestsPerSecond: bestDirect.requestsPerSecond,
      bestRequestsPerSecond: best.requestsPerSecond,
      bestAtConcurrency: best.concurrency,
      p50MsAtBest: best.p50Ms,
      p99MsAtBest: best.p99Ms,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`bench:health failed: ${(error as Error).message}`);
  process.exit(1);
});
