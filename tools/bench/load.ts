import { Agent, request } from 'node:http';

export interface LoadResult {
  concurrency: number;
  durationSeconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A closed-loop HTTP load: `concurrency` keep-alive connections, each sending the next request as
 * soon as the last one answered, for a bounded time. Loopback only; it stops by itself.
 */
export async function closedLoopLoad(url: string, concurrency: number, durationMs: number): Promise<LoadResult> {
  const target = loopbackOnly(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      getOnce(target, agent, undefined, (status) => {
        if (status === 200) latencies.push(performance.now() - started);
        else errors += 1;
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  return {
    concurrency,
    durationSeconds: round(elapsed),
    requests: latencies.length,
    errors,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: pct(50),
    p90Ms: pct(90),
    p99Ms: pct(99),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
  };
}

/** One GET on a keep-alive agent; calls back with the status (0 on a transport error or timeout). */
function getOnce(target: URL, agent: Agent, headers: Record<string, string> | undefined, done: (status: number) => void): void {
  const req = request(target, { agent, method: 'GET', headers }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode ?? 0));
  });
  req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  req.on('error', () => done(0));
  req.end();
}

function loopbackOnly(url: string): URL {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('benchmarks only target loopback');
  return target;
}

/** The p-th percentile of sorted latencies, rounded to 0.01 ms. */
/** The p-th percentile (0..100) of ascending values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
  console.log('');
}

export interface RateResult {
  targetPerSecond: number;
  durationSeconds: number;
  sent: number;
  ok: number;
  errors: number;
  achievedPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * An open-loop HTTP load: requests leave at a fixed rate whatever the answers do, and each latency
 * is measured from when the request was due, so a stall shows up in the percentiles instead of
 * silently lowering the rate (no coordinated omission). Loopback only.
 */
export async function constantRateLoad(
  url: string,
  options: { perSecond: number; durationMs: number; headers?: Record<string, string>; maxSockets?: number },
): Promise<RateResult> {
  const target = loopbackOnly(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const intervalMs = 1000 / options.perSecond;
  const total = Math.floor((options.durationMs / 1000) * options.perSecond);
  const fire = (dueAt: number) =>
    new Promise<void>((resolve) => {
      getOnce(target, agent, options.headers, (status) => {
        if (status === 200) latencies.push(performance.now() - dueAt);
        else errors += 1;
        resolve();
      });
    });
  while (sent < total) {
    const now = performance.now();
    // Send everything that is due by now, then sleep about a millisecond.
    while (sent < total && started + sent * intervalMs <= now) {
      pending.push(fire(started + sent * intervalMs));
      sent += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  return {
    targetPerSecond: options.perSecond,
    durationSeconds: round(elapsed),
    sent,
    ok: latencies.length,
    errors,
    achievedPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
  };
}
