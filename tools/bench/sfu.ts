/**
 * bench:sfu — what the SFU costs for one room of 8 @livekit/rtc-node participants, each publishing
 * a 1280x720 simulcast camera (VP8, top layer capped at 1.7 Mbit/s and 30 fps; rtc-node adds the
 * 640x360 and 320x180 layers) and a 48 kHz microphone, everyone subscribed to everyone (8×7 video
 * and 8×7 audio subscriptions). Reports LiveKit's CPU (average and peak, % of one core) and memory,
 * its ingress and egress bitrate, packet loss, NACKs and PLIs from its own Prometheus counters, and
 * what each participant sent and received (bitrate, frames per second per subscription, simulcast
 * layers received) from the WebRTC stats of its rtc-node Room.
 *
 * It measures the SFU, not Confer's join path: no Confer service runs, and the bench mints its own
 * LiveKit tokens. LiveKit and the participants run in a private network namespace (rtc-node's
 * libwebrtc never uses loopback candidates; see devstack's netns.ts), so it needs root. Media never
 * leaves that namespace; LiveKit's ports are picked free at run time.
 *
 * Choices, by measurement on the 2-core dev machine (shared with other people's work):
 * - All participants in one process (BENCH_PROCESSES=1). Eight processes, back to back with one:
 *   176% CPU and 1.9 GB against 140% and 1.3 GB, and they delivered less (7.5 fps sent, 16 Mbit/s
 *   forwarded, against 12.4 fps and 33 Mbit/s).
 * - Run as root, libwebrtc puts its encoder, decoder and audio threads on realtime priority; 130
 *   such threads starved LiveKit, the participants' own packet and signalling threads (sessions
 *   resumed, stats took 20 s and more) and everything else on the machine. The participants run
 *   without CAP_SYS_NICE, and their media threads at nice 10 (sfu/generators.ts): then the packet
 *   plumbing keeps up, and libwebrtc's own CPU adaptation scales the encoders down instead.
 * - They join one after the other, and the cameras and microphones start once all 56 + 56
 *   subscriptions are up: joining while eight encoders already ran starved the negotiation.
 * - Dynacast off, so every publisher keeps sending all its layers, as for a grid of mixed tile
 *   sizes; LiveKit forwards each subscriber the layer its congestion control allows.
 * - The camera is synthetic (tools/bench/sfu/media.ts): a still background and a moving band with
 *   fresh detail in every frame, so the encoders spend their bitrate; the microphone is a tone over
 *   noise, 10 ms at a time.
 * - The whole scenario needs more CPU than two cores have: eight 720p simulcast encoders, 56 VP8
 *   decoders and 56 audio streams played out cost about four cores, LiveKit a fraction of one. So
 *   the encoders fall back to 540p and fewer frames, and the participants' CPU, the machine's, the
 *   frames sent, delivered and decoded and the layers received are printed with LiveKit's figures,
 *   with a note. LiveKit's work follows its packets: read its CPU next to its ingress and egress.
 *
 * Env: BENCH_PARTICIPANTS (8), BENCH_DURATION_MS (30000, best a multiple of 5 s: LiveKit's
 * per-track counters move every 5 s), BENCH_WARMUP_MS (10000), BENCH_PROCESSES (1),
 * BENCH_MAX_BITRATE (1700000), BENCH_FPS (30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A benchmark of LiveKit alone mints its own tokens; Confer's own tokens are minted only in meetings.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AccessToken } from 'livekit-server-sdk';
import {
  canCreateNetworkNamespaces,
  createNetworkNamespace,
  freeTcpPort,
  startLiveKit,
  waitUntil,
  type LiveKitHandle,
  type NetworkNamespace,
} from '@confer/shared/server/devstack';
import { printTable } from './load';
import { sampleCpu, type CpuUsage } from './sfu/cpu';
import { Generator } from './sfu/generators';
import { liveKitTraffic, participantFigures, roomFigures, type ParticipantSnapshot, type ProcessSnapshot } from './sfu/snapshot';

const PARTICIPANTS = Number(process.env['BENCH_PARTICIPANTS'] ?? 8);
const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 30000);
const WARMUP_MS = Number(process.env['BENCH_WARMUP_MS'] ?? 10000);
const PROCESSES = Math.min(PARTICIPANTS, Number(process.env['BENCH_PROCESSES'] ?? 1));
const MAX_BITRATE = Number(process.env['BENCH_MAX_BITRATE'] ?? 1_700_000);
const FPS = Number(process.env['BENCH_FPS'] ?? 30);
const WIDTH = 1280;
const HEIGHT = 720;

interface Run {
  dir: string;
  netns?: NetworkNamespace;
  livekit?: LiveKitHandle;
  generators: Generator[];
}

async function main(): Promise<void> {
  if (!canCreateNetworkNamespaces()) throw new Error('needs root and `ip netns`: the participants run in a private network namespace');
  const run: Run = {
    dir: mkdtempSync(join(tmpdir(), 'confer-bench-sfu-')),
    generators: [],
  };
  let failed = false;
  const tearDown = once(async () => {
    await Promise.all(run.generators.map((g) => g.stop().catch(() => undefined)));
    await run.livekit?.stop().catch(() => undefined);
    run.netns?.destroy();
    if (failed) console.error(`bench:sfu: logs of LiveKit and the participants are in ${run.dir}`);
    else rmSync(run.dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      failed = true;
      void tearDown().then(() => process.exit(130));
    });
  }
  try {
    run.netns = createNetworkNamespace();
    run.livekit = await startLiveKit({
      dir: join(run.dir, 'livekit'),
      netns: run.netns,
      prometheusPort: await freeTcpPort(),
    });
    await measure(run, run.livekit, run.netns);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await tearDown();
  }
}

async function measure(run: Run, livekit: LiveKitHandle, netns: NetworkNamespace): Promise<void> {
  const room = `bench-sfu-${Date.now()}`;
  const tokens = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => token(livekit, room, `participant-${i + 1}`)));
  const perProcess = Math.ceil(PARTICIPANTS / PROCESSES);
  for (let p = 0; p * perProcess < PARTICIPANTS; p++) {
    run.generators.push(
      new Generator(netns, {
        url: livekit.url,
        tokens: tokens.slice(p * perProcess, (p + 1) * perProcess),
        width: WIDTH,
        height: HEIGHT,
        fps: FPS,
        maxBitrate: MAX_BITRATE,
        seed: p * perProcess + 1,
        metricsUrl: p === 0 ? livekit.metricsUrl : undefined,
        logFile: join(run.dir, `participants-${p + 1}.log`),
      }),
    );
  }
  const { generators } = run;
  const nicer = setInterval(() => generators.forEach((g) => g.niceMediaThreads()), 500);
  try {
    const joinSeconds = await everyoneSubscribed(generators);
    generators.forEach((g) => g.startMedia());
    await sleep(WARMUP_MS); // encoders ramp up to their bitrate, LiveKit's allocator settles
    const start = await Promise.all(generators.map((g) => g.snapshot('start')));
    const cpu = sampleCpu({ livekit: [livekit.process.child.pid ?? -1], participants: generators.map((g) => g.pid) });
    await sleep(DURATION_MS);
    const usage = cpu.stop();
    const end = await Promise.all(generators.map((g) => g.snapshot('end')));
    report(run, start, end, usage, joinSeconds);
  } finally {
    clearInterval(nicer);
  }
}

/** Waits until every participant is subscribed to everyone else's camera and microphone; returns the seconds it took. */
async function everyoneSubscribed(generators: Generator[]): Promise<number> {
  const wanted = PARTICIPANTS * (PARTICIPANTS - 1);
  const subscribed = (kind: 'video' | 'audio') => generators.flatMap((g) => g.subscriptions).reduce((n, s) => n + s[kind], 0);
  const started = performance.now();
  await waitUntil(
    `${wanted} video and ${wanted} audio subscriptions`,
    async () => {
      generators.forEach((g) => g.check());
      return subscribed('video') === wanted && subscribed('audio') === wanted;
    },
    { timeoutMs: 60000 },
  );
  return (performance.now() - started) / 1000;
}

function report(run: Run, start: ProcessSnapshot[], end: ProcessSnapshot[], usage: CpuUsage, joinSeconds: number): void {
  const before = new Map<string, ParticipantSnapshot>(start.flatMap((s) => s.participants).map((p) => [p.identity, p]));
  const both = end.flatMap((s) => s.participants).filter((p) => before.has(p.identity));
  if (both.length === 0) throw new Error('no participant answered with its WebRTC stats at both ends of the window');
  const each = both.map((p) => participantFigures(before.get(p.identity) as ParticipantSnapshot, p));
  const room = roomFigures(each);
  const [first, last] = [start[0], end[0]]; // the process that read LiveKit's metrics
  if (!first.metrics || !last.metrics || !first.metricsAtMs || !last.metricsAtMs) throw new Error('LiveKit metrics were not read');
  const traffic = liveKitTraffic(first.metrics, last.metrics, (last.metricsAtMs - first.metricsAtMs) / 1000);
  const { livekit, participants } = usage.groups;
  const window = `${Math.round(room.seconds)} s after ${WARMUP_MS / 1000} s of warm-up`;
  printTable(`LiveKit (SFU), ${PARTICIPANTS} participants in one room, ${window}; CPU in % of one core (the machine has 2)`, [
    {
      cpuAvgPct: livekit.cpuAvgPct,
      cpuPeakPct: livekit.cpuPeakPct,
      rssMiB: livekit.rssMiB,
      ingressMbps: traffic.ingressMbps,
      egressMbps: traffic.egressMbps,
      egressRetransmitMbps: traffic.egressRetransmitMbps,
      ingressLossPct: traffic.ingressLossPct,
      egressLossPct: traffic.egressLossPct,
      nacksToPublishers: traffic.nacksToPublishers,
      nacksFromSubscribers: traffic.nacksFromSubscribers,
      plis: traffic.plis,
    },
  ]);
  printTable(
    `Participants (their WebRTC stats, media payload only; LiveKit's counters above include RTP headers and padding): sent = every simulcast layer and audio; received = video from the others, by layer height`,
    each.map(({ row }) => ({ ...row })),
  );
  printTable('Load generator (the participant processes: encoders, decoders, synthetic media) and the whole machine', [
    {
      processes: run.generators.length,
      cpuAvgPct: participants.cpuAvgPct,
      cpuPeakPct: participants.cpuPeakPct,
      rssMiB: participants.rssMiB,
      machineBusyPct: usage.machineBusyPct,
      joinSeconds: Math.round(joinSeconds * 10) / 10,
    },
  ]);
  if (each.length < PARTICIPANTS) {
    console.log(
      `Note: ${PARTICIPANTS - each.length} participants gave no WebRTC stats in time; the rows above and the sums below leave them out.\n`,
    );
  }
  if (room.sentFps < 0.9 * FPS || room.videoFramesDecodedPerSubscriptionPerS < 0.9 * room.videoFramesReceivedPerSubscriptionPerS) {
    console.log(
      `Note: the participants did not get the CPU they need (they used ${participants.cpuAvgPct}% of a core, the machine was ` +
        `${usage.machineBusyPct}% busy): the cameras sent ${room.sentFps} of ${FPS} frames per second, and the receivers decoded ` +
        `${room.videoFramesDecodedPerSubscriptionPerS} of the ${room.videoFramesReceivedPerSubscriptionPerS} frames per second that ` +
        `LiveKit delivered to each subscription. LiveKit's figures are for the traffic above.\n`,
    );
  }
  console.log(
    JSON.stringify({
      benchmark: 'sfu',
      participants: PARTICIPANTS,
      participantsWithStats: each.length,
      durationS: Math.round(room.seconds),
      livekitCpuAvgPct: livekit.cpuAvgPct,
      livekitCpuPeakPct: livekit.cpuPeakPct,
      livekitRssMiB: livekit.rssMiB,
      ...traffic,
      nacks: traffic.nacksToPublishers + traffic.nacksFromSubscribers,
      subscriptions: room.videoSubscriptions,
      audioSubscriptions: room.audioSubscriptions,
      videoFramesReceivedPerSubscriptionPerS: room.videoFramesReceivedPerSubscriptionPerS,
      videoFramesDecodedPerSubscriptionPerS: room.videoFramesDecodedPerSubscriptionPerS,
      layersReceived: room.layersReceived,
      sentFps: room.sentFps,
      targetFps: FPS,
      encoderLimitedBy: room.encoderLimitedBy,
      clientsSentMbps: room.clientsSentMbps,
      clientsReceivedVideoMbps: room.clientsReceivedVideoMbps,
      clientsReceivedLossPct: room.clientsReceivedLossPct,
      generatorProcesses: run.generators.length,
      generatorCpuAvgPct: participants.cpuAvgPct,
      generatorRssMiB: participants.rssMiB,
      machineBusyPct: usage.machineBusyPct,
    }),
  );
}

async function token(livekit: LiveKitHandle, room: string, identity: string): Promise<string> {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, {
    identity,
    ttl: '10m',
  });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
  return at.toJwt();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

main().catch((error: unknown) => {
  console.error(`bench:sfu failed: ${(error as Error).message}`);
  process.exit(1);
});
