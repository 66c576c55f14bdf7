/**
 * bench:chat — BENCH_CLIENTS socket.io clients (2,000) in meetings of 10 (BENCH_MEETINGS, 200), every
 * client sending one message a second, through two chat instances on one Redis (the socket.io Redis
 * adapter carries every message between them) with every message stored in Postgres. Reports delivery
 * latency (send → each other member), acks, lost and duplicated deliveries, the rows stored, the chat
 * instances' memory per 1,000 connections and the CPU of everything involved.
 * Targets (issue 5): delivery p50 ≤ 10 ms and p99 ≤ 50 ms, no message lost or duplicated.
 *
 * Brings up a fresh database, a private Redis, LiveKit (joining creates the meeting's room), Mailpit,
 * identity, meetings, chat, a second chat instance and the edge on free loopback ports, and tears
 * them down after, also on failure or Ctrl-C.
 *
 * Choices:
 * - Seeding through the public API only (chat/seed.ts): a few verified hosts create the meetings and
 *   every member joins as a guest, from an address of their own in 198.18.0.0/15 (X-Forwarded-For,
 *   which the services trust from loopback as they do behind the edge). The join limits stay as they
 *   are (30 per IP and 120 per meeting per 5 minutes): 2,000 people join from 2,000 places. No row is
 *   written behind meetings' back, so the tickets, participants and LiveKit rooms are exactly what
 *   the service makes; 2,000 joins take seconds.
 * - Guests, not accounts, are the chat members: after the handshake a guest's message takes the same
 *   path as a signed-in person's (access asked of meetings by ticket instead of user id, cached alike),
 *   and 2,000 accounts would each cost an Argon2 registration and a mail. The hosts do not chat: one
 *   host in 50 meetings would share one message rate limit among them.
 * - Straight to the instances' ports, half of each meeting on each (member n on instance n mod 2), as
 *   a load balancer in front of two tasks would spread them: every message crosses Redis to reach the
 *   other half. The edge proxies the socket to the first instance only (devstack) and would add its
 *   own hop; the Origin header is still the site's, as browsers send it.
 * - Open loop: each client sends at its own random phase every second whatever the acks do, so a slow
 *   server shows as latency, not as fewer messages. Latency is the embedded send time
 *   (performance.timeOrigin + now) against the receipt, both in the same process: a meeting's members
 *   all live in one client process. The sender's own copy counts for loss, not for latency. A
 *   delivery still missing at the end ranks above every received one: a percentile that falls among
 *   them prints as "not by end" (null in the JSON), never as a figure of the survivors.
 * - The clients run in BENCH_PROCESSES forked processes, default 1. At 500 clients, back to back on
 *   this 2-core machine, one process used 16% of a core (loop delay p99 20 ms), two used 22% together
 *   and delivered no faster: a second process only adds a competitor for the two cores. The clients'
 *   CPU, event-loop delay and send lag are printed, so a saturated load generator shows.
 * - CPU is also given per message stored (chat, Postgres, meetings, clients): on a machine shared
 *   with other work, that says what the load costs when the latency only says the machine was busy.
 * - A failed run exits 1 after printing its figures: connections or sends refused, a delivery lost or
 *   duplicated, rows stored that do not match the messages acknowledged or delivered, or a chat that
 *   has not caught up 15 s after the last send. Missed latency targets are reported, not failed: on
 *   two shared cores the figures say what this machine does, not what the service can.
 *
 * Env: BENCH_CLIENTS (2000), BENCH_MEETINGS (clients / 10), BENCH_DURATION_MS (30000),
 * BENCH_WARMUP_MS (10000), BENCH_PROCESSES (1), BENCH_HOSTS (4).
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { startTestPlatform, type ServiceHandle, type TestPlatform } from '@confer/shared/server/devstack';
import { ClientProcess } from './chat/client-process';
import type { MemberPlan, RunPlan } from './chat/protocol';
import { report, type Outcome } from './chat/report';
import { seedMeetings, type SeededMeeting } from './chat/seed';
import { pidsMatching, rssMiB, sampleUsage } from './chat/usage';

const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 2000);
const MEETINGS = Number(process.env['BENCH_MEETINGS'] ?? Math.max(1, Math.round(CLIENTS / 10)));
const PER_MEETING = CLIENTS / MEETINGS;
const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 30000);
const WARMUP_MS = Number(process.env['BENCH_WARMUP_MS'] ?? 10000);
const PROCESSES = Math.min(MEETINGS, Number(process.env['BENCH_PROCESSES'] ?? 1));
const HOSTS = Math.min(MEETINGS, Number(process.env['BENCH_HOSTS'] ?? 4));
const RUN: RunPlan = { intervalMs: 1000, warmupMs: WARMUP_MS, durationMs: DURATION_MS, graceMs: 15000 };
const SETTINGS = {
  meetings: MEETINGS,
  perMeeting: PER_MEETING,
  processes: PROCESSES,
  warmupMs: WARMUP_MS,
  durationMs: DURATION_MS,
  graceMs: RUN.graceMs,
  targets: { p50Ms: 10, p99Ms: 50 },
};

async function main(): Promise<void> {
  if (!Number.isInteger(PER_MEETING) || PER_MEETING < 2 || PER_MEETING > 30) {
    throw new Error(`BENCH_CLIENTS (${CLIENTS}) must be BENCH_MEETINGS (${MEETINGS}) times a whole number of members from 2 to 30`);
  }
  const stack = await startTestPlatform({
    name: 'bench-chat',
    services: ['identity', 'meetings', 'chat'],
    companions: { livekit: true, s3: false, mail: true },
    logLevel: 'warn',
  });
  const clients: ClientProcess[] = [];
  let failed = false;
  const tearDown = once(async () => {
    await Promise.all(clients.map((c) => c.stop().catch(() => undefined)));
    await stack.stop();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void tearDown().then(() => process.exit(130)));
  }
  try {
    failed = await measure(stack, clients);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (failed) keepLogs(stack);
    await tearDown();
  }
  if (failed) process.exit(1);
}

/** The services' logs outlive a failed run (the run's folder goes with the stack). */
function keepLogs(stack: TestPlatform): void {
  const dir = mkdtempSync(join(tmpdir(), 'confer-bench-chat-logs-'));
  for (const { logFile } of stack.platform.processes) if (existsSync(logFile)) copyFileSync(logFile, join(dir, basename(logFile)));
  console.error(`bench:chat: the services' logs are in ${dir}`);
}

/** Seeds, connects, runs and reports; true when the run failed (refusals, loss, duplicates, rows ≠ acks). */
async function measure(stack: TestPlatform, clients: ClientProcess[]): Promise<boolean> {
  const { platform } = stack;
  const service = (name: string) => platform.services.find((s) => s.name === name) as ServiceHandle;
  const chats = [service('chat'), await platform.startInstance('chat')];
  const chatPids = chats.map((c) => c.process.child.pid ?? -1);

  let started = performance.now();
  const meetings = await seedMeetings(platform, { hosts: HOSTS, meetings: MEETINGS, perMeeting: PER_MEETING, concurrency: 8 });
  const seedSeconds = (performance.now() - started) / 1000;
  // The joins' events (chat learns its members from them) and LiveKit's room webhooks settle.
  await sleep(3000);
  const memory: Outcome['memory'] = { before: chatPids.map(rssMiB), connected: [], end: [] };
  const heap: Outcome['heap'] = { before: await Promise.all(chats.map(heapUsedMiB)), connected: [] };

  const plans = planMembers(meetings, chats);
  for (let p = 0; p < PROCESSES; p++) clients.push(new ClientProcess(`clients-${p + 1}`));
  started = performance.now();
  const connects = await Promise.all(
    clients.map((c, p) => c.connect({ origin: platform.origin, members: plans[p], perMeeting: PER_MEETING, connectConcurrency: Math.ceil(32 / PROCESSES) })),
  );
  const connectSeconds = (performance.now() - started) / 1000;
  const refusedConnections = connects.reduce((n, c) => n + c.failed, 0);
  if (refusedConnections > 0) {
    throw new Error(`${refusedConnections} of ${CLIENTS} connections were refused; the first: ${connects.find((c) => c.firstFailure)?.firstFailure}`);
  }
  await sleep(3000); // handshakes' garbage and buffers settle before the idle figure
  memory.connected = chatPids.map(rssMiB);
  heap.connected = await Promise.all(chats.map(heapUsedMiB));

  const runs = Promise.all(clients.map((c) => c.run(RUN)));
  runs.catch(() => undefined); // awaited below; a failure during the sleeps must not go unhandled
  await sleep(WARMUP_MS);
  const [dbName, redisPort] = [stack.db.name, new URL(stack.redis.url).port];
  const sampler = sampleUsage({
    'chat 1': () => [chatPids[0]],
    'chat 2': () => [chatPids[1]],
    meetings: () => [service('meetings').process.child.pid ?? -1],
    // Backends of this run's database ("postgres: [15/main: ]<user> <database> <client> <state>").
    postgres: () => pidsMatching(new RegExp(`^postgres: (\\S+: )?\\S+ ${dbName} `)),
    redis: () => pidsMatching(new RegExp(`^redis-server \\S*:${redisPort}\\b`)),
    clients: () => clients.map((c) => c.pid),
    // identity, the edge, LiveKit, Mailpit and this process: idle during the window, but they count.
    'rest of the stack': () => [
      process.pid,
      ...platform.processes.map((p) => p.child.pid ?? -1).filter((pid) => !chatPids.includes(pid) && pid !== service('meetings').process.child.pid),
    ],
  });
  await sleep(DURATION_MS);
  const usage = sampler.stop();
  memory.end = chatPids.map(rssMiB);
  const outcome: Outcome = { seedSeconds, connectSeconds, connects, runs: await runs, memory, heap, usage, stored: await storedMessages(stack.db.url) };
  return report(outcome, SETTINGS);
}

/** Whole meetings per client process (round robin); member n of the run goes to chat instance n mod 2. */
function planMembers(meetings: SeededMeeting[], chats: ServiceHandle[]): MemberPlan[][] {
  const plans: MemberPlan[][] = Array.from({ length: PROCESSES }, () => []);
  meetings.forEach((meeting, m) => {
    meeting.members.forEach((member, slot) => {
      const n = m * PER_MEETING + slot;
      plans[m % PROCESSES].push({ meeting: m, slot, code: meeting.code, ticket: member.ticket, ip: member.ip, url: `http://127.0.0.1:${chats[n % chats.length].port}` });
    });
  });
  return plans;
}

/** V8's heap in use, from the service's Prometheus metrics (prom-client's default nodejs_heap_size_used_bytes). */
async function heapUsedMiB(service: ServiceHandle): Promise<number> {
  const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
  const bytes = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
  if (bytes === undefined) throw new Error(`${service.name} on ${service.port} reports no nodejs_heap_size_used_bytes`);
  return Number(bytes) / 1024 / 1024;
}

async function storedMessages(url: string): Promise<{ rows: number; distinct: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ rows: number; distinct: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT (meeting_id, sender_identity, client_id))::int AS distinct FROM chat.messages',
    );
    return rows[0];
  } finally {
    await db.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

main().catch((error: unknown) => {
  console.error(`bench:chat failed: ${(error as Error).message}`);
  process.exit(1);
});
