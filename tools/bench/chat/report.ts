/** bench:chat's tables, its verdict, and its last line: one JSON object of its figures. */
import { printTable, round } from '../load';
import type { ConnectFigures, RunFigures } from './protocol';
import type { Usage } from './usage';

export interface Settings {
  meetings: number;
  perMeeting: number;
  processes: number;
  warmupMs: number;
  durationMs: number;
  graceMs: number;
  targets: { p50Ms: number; p99Ms: number };
}

export interface Outcome {
  seedSeconds: number;
  connectSeconds: number;
  connects: ConnectFigures[];
  runs: RunFigures[];
  /** RSS of each chat instance, MiB: up and idle, with every client connected, at the end of the window. */
  memory: { before: number[]; connected: number[]; end: number[] };
  /** V8 heap used of each chat instance (its /metrics), MiB: up and idle, with every client connected. */
  heap: { before: number[]; connected: number[] };
  usage: Usage;
  /** Rows in chat.messages, and distinct (meeting, sender, client id) among them. */
  stored: { rows: number; distinct: number };
}

/**
 * The p-th percentile of what was expected, nearest rank: `missing` values never came and rank above
 * every received one, so a percentile that falls among them is null ("not by the end"), never a
 * flattering figure computed over the survivors.
 */
function percentileOf(sorted: Float64Array, missing: number, p: number): number | null {
  const index = Math.min(sorted.length + missing - 1, Math.floor((p / 100) * (sorted.length + missing)));
  return index < sorted.length ? round(sorted[index]) : null;
}

const shown = (ms: number | null) => (ms === null ? 'not by end' : ms);
const orNone = (ms: number | null) => (ms === null ? '-' : ms);

/** Prints everything; true when the run failed (loss, duplicates, refusals, fell behind, rows ≠ messages). */
export function report(o: Outcome, s: Settings): boolean {
  const sum = (pick: (f: RunFigures) => number) => o.runs.reduce((n, f) => n + pick(f), 0);
  const merged = (pick: (f: RunFigures) => Float64Array) => Float64Array.from(o.runs.flatMap((f) => [...pick(f)])).sort();
  const delivery = merged((f) => f.deliveryMs);
  const ack = merged((f) => f.ackMs);
  const handshake = Float64Array.from(o.connects.flatMap((c) => [...c.handshakeMs])).sort();
  const deliveriesMissing = sum((f) => f.deliveriesMissing);
  const acksMissing = sum((f) => f.acksMissing);
  const refused: Record<string, number> = {};
  for (const f of o.runs) for (const [code, n] of Object.entries(f.refused)) refused[code] = (refused[code] ?? 0) + n;
  const seconds = s.durationMs / 1000;
  const connections = o.connects.reduce((n, c) => n + c.connected, 0);
  const mib = (values: number[]) => round(values.reduce((a, b) => a + b, 0));
  const { groups } = o.usage;
  const perMessage = (cpuPct: number) => {
    const rate = sum((f) => f.acksInWindow) / seconds;
    return rate > 0 ? round((cpuPct * 10) / rate) : null;
  };
  // What the machine did besides this run (other people's work): its busy time minus every group's.
  const ours = Object.values(groups).reduce((n, g) => n + g.cpuAvgPct, 0);
  const otherWork = round(Math.max(0, o.usage.machineBusyPct * o.usage.cores - ours));

  const figures = {
    connections,
    meetings: s.meetings,
    membersPerMeeting: s.perMeeting,
    chatInstances: 2,
    clientProcesses: s.processes,
    warmupS: s.warmupMs / 1000,
    durationS: seconds,
    sentPerS: round(sum((f) => f.measuredSent) / seconds),
    ackedPerS: round(sum((f) => f.measuredAcked) / seconds),
    /** Acks received during the window: the rate the chat actually stored messages at, behind or not. */
    throughputPerS: round(sum((f) => f.acksInWindow) / seconds),
    deliveriesPerS: round(delivery.length / seconds),
    deliveryP50Ms: percentileOf(delivery, deliveriesMissing, 50),
    deliveryP95Ms: percentileOf(delivery, deliveriesMissing, 95),
    deliveryP99Ms: percentileOf(delivery, deliveriesMissing, 99),
    deliveryMaxMs: deliveriesMissing > 0 ? null : round(delivery.at(-1) ?? 0),
    deliveriesNotByEnd: deliveriesMissing,
    ackP50Ms: percentileOf(ack, acksMissing, 50),
    ackP99Ms: percentileOf(ack, acksMissing, 99),
    sent: sum((f) => f.sent),
    acked: sum((f) => f.acked),
    refused: Object.values(refused).reduce((a, b) => a + b, 0),
    unanswered: sum((f) => f.unanswered),
    unfinished: sum((f) => f.unfinished),
    stored: sum((f) => f.stored),
    expectedDeliveries: sum((f) => f.expectedDeliveries),
    deliveries: sum((f) => f.deliveries),
    lost: sum((f) => f.lost),
    duplicated: sum((f) => f.duplicates),
    refusedDeliveries: sum((f) => f.refusedDeliveries),
    foreignMessages: sum((f) => f.foreign),
    disconnects: sum((f) => f.disconnects),
    storedRows: o.stored.rows,
    seedS: round(o.seedSeconds),
    connectS: round(o.connectSeconds),
    handshakeP50Ms: percentileOf(handshake, 0, 50),
    handshakeP99Ms: percentileOf(handshake, 0, 99),
    chatRssIdleMiB: mib(o.memory.before),
    chatRssConnectedMiB: mib(o.memory.connected),
    chatRssEndMiB: mib(o.memory.end),
    rssPer1000ConnectionsMiB: round((mib(o.memory.connected) - mib(o.memory.before)) / (connections / 1000)),
    heapPer1000ConnectionsMiB: round((mib(o.heap.connected) - mib(o.heap.before)) / (connections / 1000)),
    chatCpuPct: round(groups['chat 1'].cpuAvgPct + groups['chat 2'].cpuAvgPct),
    // CPU time per message stored in the window: what the load costs, however busy the machine was.
    chatCpuMsPerMessage: perMessage(groups['chat 1'].cpuAvgPct + groups['chat 2'].cpuAvgPct),
    postgresCpuMsPerMessage: perMessage(groups['postgres'].cpuAvgPct),
    meetingsCpuMsPerMessage: perMessage(groups['meetings'].cpuAvgPct),
    clientsCpuMsPerMessage: perMessage(groups['clients'].cpuAvgPct),
    meetingsCpuPct: groups['meetings'].cpuAvgPct,
    postgresCpuPct: groups['postgres'].cpuAvgPct,
    redisCpuPct: groups['redis'].cpuAvgPct,
    clientsCpuPct: groups['clients'].cpuAvgPct,
    machineBusyPct: o.usage.machineBusyPct,
    otherWorkCpuPct: otherWork,
    cpuPressurePct: o.usage.cpuPressurePct,
    clientSendLagP99Ms: round(Math.max(...o.runs.map((f) => f.sendLagP99Ms))),
    clientLoopDelayP99Ms: round(Math.max(...o.runs.map((f) => f.loopDelayP99Ms))),
  };
  const graceS = s.graceMs / 1000;
  const problems = [
    // While sends are still unanswered the chat is behind, and a missing delivery may only be late.
    figures.lost > 0 && (figures.unanswered === 0 ? `${figures.lost} deliveries of stored messages lost` : `${figures.lost} deliveries of stored messages not there by the end`),
    figures.duplicated > 0 && `${figures.duplicated} deliveries duplicated`,
    figures.refused > 0 && `${figures.refused} sends refused (${JSON.stringify(refused)})`,
    figures.refusedDeliveries > 0 && `${figures.refusedDeliveries} deliveries of refused messages`,
    figures.foreignMessages > 0 && `${figures.foreignMessages} messages nobody here sent`,
    figures.disconnects > 0 && `${figures.disconnects} connections dropped`,
    figures.unfinished > 0 && `${figures.unfinished} messages neither acknowledged nor delivered ${graceS} s after the last send (the chat fell behind)`,
    // Every stored message was seen by a client, and nothing refused was stored; unfinished ones may or may not be.
    (o.stored.rows < figures.stored || o.stored.rows > figures.stored + figures.unfinished) &&
      `${o.stored.rows} rows stored for ${figures.stored} messages acknowledged or delivered (+ ${figures.unfinished} unfinished)`,
    o.stored.distinct !== o.stored.rows && `${o.stored.rows - o.stored.distinct} messages stored twice`,
  ].filter((p): p is string => typeof p === 'string');

  const load = `${connections} clients in ${s.meetings} meetings of ${s.perMeeting}, 1 message/s each, 2 chat instances, ${seconds} s after ${s.warmupMs / 1000} s of warm-up`;
  printTable(`bench:chat — ${load}. Delivery: send → each other member; ack: send → stored and acknowledged; ms`, [
    {
      'sent/s': figures.sentPerS,
      'stored/s': figures.throughputPerS,
      'deliveries/s': figures.deliveriesPerS,
      p50: shown(figures.deliveryP50Ms),
      p95: shown(figures.deliveryP95Ms),
      p99: shown(figures.deliveryP99Ms),
      max: shown(figures.deliveryMaxMs),
      'ack p50': shown(figures.ackP50Ms),
      'ack p99': shown(figures.ackP99Ms),
      'client send lag p99': figures.clientSendLagP99Ms,
      'client loop delay p99': figures.clientLoopDelayP99Ms,
    },
  ]);
  printTable(`Every message, warm-up included, ${graceS} s after the last send (deliveries count the sender's own copy, its ack)`, [
    {
      sent: figures.sent,
      acked: figures.acked,
      refused: figures.refused,
      unanswered: figures.unanswered,
      'deliveries expected': figures.expectedDeliveries,
      received: figures.deliveries,
      lost: figures.lost,
      duplicated: figures.duplicated,
      unfinished: figures.unfinished,
      disconnects: figures.disconnects,
      'rows stored': o.stored.rows,
    },
  ]);
  printTable(
    `Connections, and memory of both chat instances in MiB: RSS idle, with the ${connections} connected and idle, after the window; growth per 1,000 connections of RSS and of V8's heap used (garbage not yet collected included)`,
    [
      {
        'seed s': figures.seedS,
        'connect s': figures.connectS,
        'handshake p50': shown(figures.handshakeP50Ms),
        'handshake p99': shown(figures.handshakeP99Ms),
        'rss idle': figures.chatRssIdleMiB,
        'rss connected': figures.chatRssConnectedMiB,
        'rss end': figures.chatRssEndMiB,
        'rss per 1,000': figures.rssPer1000ConnectionsMiB,
        'heap per 1,000': figures.heapPer1000ConnectionsMiB,
      },
    ],
  );
  printTable(
    `CPU over the window, % of one core (peak second). The machine has ${o.usage.cores} cores, shared with other work; postgres = this run's backends; ` +
      `CPU pressure = share of the time some runnable task waited for a core`,
    [
      {
        ...Object.fromEntries(Object.entries(groups).map(([name, g]) => [name, `${g.cpuAvgPct} (${g.cpuPeakPct})`])),
        'other work': otherWork,
        machine: `${o.usage.machineBusyPct}% busy`,
        'CPU pressure': o.usage.cpuPressurePct === null ? 'n/a' : `${o.usage.cpuPressurePct}%`,
      },
    ],
  );
  printTable(`CPU time per message stored in the window, ms (the cost of a message, whatever else the machine did; ${figures.throughputPerS} stored/s)`, [
    {
      'chat (both)': orNone(figures.chatCpuMsPerMessage),
      postgres: orNone(figures.postgresCpuMsPerMessage),
      meetings: orNone(figures.meetingsCpuMsPerMessage),
      clients: orNone(figures.clientsCpuMsPerMessage),
    },
  ]);
  const caughtUp = figures.unanswered === 0 && figures.unfinished === 0;
  const integrity = figures.duplicated > 0 ? 'not met' : !caughtUp ? 'not shown (the chat had not caught up by the end)' : figures.lost === 0 ? 'met' : 'not met';
  const met =
    figures.deliveryP50Ms !== null && figures.deliveryP99Ms !== null && figures.deliveryP50Ms <= s.targets.p50Ms && figures.deliveryP99Ms <= s.targets.p99Ms;
  console.log(
    `Targets: delivery p50 ≤ ${s.targets.p50Ms} ms and p99 ≤ ${s.targets.p99Ms} ms: ${met ? 'met' : 'not met'}; ` +
      `nothing lost or duplicated: ${integrity}.`,
  );
  if (problems.length > 0) console.log(`FAILED: ${problems.join('; ')}.`);
  console.log('');
  console.log(
    JSON.stringify({ benchmark: 'chat', ...figures, refusedByCode: refused, targetP50Ms: s.targets.p50Ms, targetP99Ms: s.targets.p99Ms, latencyTargetsMet: met, ok: problems.length === 0 }),
  );
  return problems.length > 0;
}
