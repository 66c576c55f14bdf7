/**
 * bench:health — requests per second and latency of GET /api/meetings/health through the one origin
 * (edge → meetings, which checks Postgres and Redis on every call). Brings up a fresh database, a
 * private Redis, the meetings service and the edge on free loopback ports; tears them down after.
 */
import { startTestPlatform } from '@confer/shared/server/devstack';
import { closedLoopLoad, printTable, type LoadResult } from './load';

const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 10000);
const CONCURRENCY = (process.env['BENCH_CONCURRENCY'] ?? '1,16,64').split(',').map(Number);

async function main(): Promise<void> {
  const stack = await startTestPlatform({
    name: 'bench-health',
    services: ['meetings'],
    companions: { livekit: false, s3: false, mail: false },
    logLevel: 'warn',
  });
  const { platform } = stack;
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
    await stack.stop();
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
