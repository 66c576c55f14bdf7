/**
 * The load of bench:sfu: some @livekit/rtc-node participants in one process, run inside the bench's
 * network namespace (native WebRTC never uses loopback, see devstack's netns.ts). Each publishes a
 * simulcast camera and a microphone and subscribes to everyone else.
 *
 * Env: SFU_URL, SFU_TOKENS (JSON array, one per participant), SFU_WIDTH, SFU_HEIGHT, SFU_FPS,
 * SFU_MAX_BITRATE (bits/s of the top layer), SFU_SEED (first participant's number), SFU_METRICS_URL
 * (optional: LiveKit's Prometheus endpoint, reachable only from inside the namespace).
 *
 * Talks in lines. stdout: `STATUS <json>` when subscriptions change, `SNAPSHOT <label> <json>` on
 * request, `FAILED <message>`; rtc-node writes JSON log lines of its own, which the bench ignores.
 * stdin: `media` (cameras and microphones start), `snapshot <label>`, `stop`.
 */
import { createInterface } from 'node:readline';
import { dispose, LocalAudioTrack, LocalVideoTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';
import { SyntheticCamera, SyntheticMicrophone } from './media';
import type { ParticipantSnapshot, ProcessSnapshot } from './snapshot';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

interface Participant {
  identity: string;
  room: Room;
  camera: SyntheticCamera;
  microphone: SyntheticMicrophone;
}

async function main(): Promise<void> {
  const url = env('SFU_URL');
  const tokens = JSON.parse(env('SFU_TOKENS')) as string[];
  const width = Number(env('SFU_WIDTH'));
  const height = Number(env('SFU_HEIGHT'));
  const fps = Number(env('SFU_FPS'));
  const seed = Number(env('SFU_SEED'));
  const participants: Participant[] = tokens.map((_, i) => ({
    identity: '',
    room: new Room(),
    camera: new SyntheticCamera(width, height, seed + i),
    microphone: new SyntheticMicrophone(seed + i),
  }));
  let stopPacing: () => void = () => undefined;
  const reportSubscriptions = () => {
    const status = participants.map(({ room }) => subscriptions(room));
    process.stdout.write(`STATUS ${JSON.stringify(status)}\n`);
  };
  for (const p of participants) {
    p.room.on(RoomEvent.TrackSubscribed, reportSubscriptions);
    p.room.on(RoomEvent.TrackUnsubscribed, reportSubscriptions);
  }
  // One after the other, as people join a meeting.
  for (const [i, p] of participants.entries()) {
    await p.room.connect(url, tokens[i], { autoSubscribe: true, dynacast: false });
    p.identity = p.room.localParticipant?.identity ?? `participant-${i}`;
    const local = p.room.localParticipant;
    if (!local) throw new Error('no local participant after connect');
    await local.publishTrack(
      LocalVideoTrack.createVideoTrack('camera', p.camera.source),
      new TrackPublishOptions({
        source: TrackSource.SOURCE_CAMERA,
        simulcast: true,
        videoEncoding: { maxBitrate: BigInt(env('SFU_MAX_BITRATE')), maxFramerate: fps },
      }),
    );
    await local.publishTrack(
      LocalAudioTrack.createAudioTrack('microphone', p.microphone.source),
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
  }
  reportSubscriptions();

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, label] = line.trim().split(/\s+/);
    if (command === 'media') {
      stopPacing = pace(participants, fps);
    } else if (command === 'snapshot') {
      const snapshot = await takeSnapshot(participants, process.env['SFU_METRICS_URL']);
      process.stdout.write(`SNAPSHOT ${label} ${JSON.stringify(snapshot)}\n`);
    } else if (command === 'stop') {
      break;
    }
  }
  stopPacing();
  await Promise.all(participants.map((p) => p.room.disconnect().catch(() => undefined)));
}

/** Frames at `fps` and audio every 10 ms, on the clock: a late timer catches up a little, then drops. */
function pace(participants: Participant[], fps: number): () => void {
  const started = performance.now();
  let frames = 0;
  let chunks = 0;
  const video = setInterval(
    () => {
      const due = Math.floor(((performance.now() - started) * fps) / 1000);
      if (due - frames > 2) frames = due - 1;
      for (; frames < due; frames++) for (const p of participants) p.camera.captureNext();
    },
    1000 / fps / 2,
  );
  const audio = setInterval(() => {
    const due = Math.floor((performance.now() - started) / 10);
    if (due - chunks > 5) chunks = due - 1;
    for (; chunks < due; chunks++) for (const p of participants) p.microphone.captureNext().catch(() => undefined);
  }, 5);
  return () => {
    clearInterval(video);
    clearInterval(audio);
  };
}

function subscriptions(room: Room): { video: number; audio: number } {
  let video = 0;
  let audio = 0;
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.trackPublications.values()) {
      if (!publication.subscribed || !publication.track) continue;
      if (publication.kind === TrackKind.KIND_VIDEO) video++;
      if (publication.kind === TrackKind.KIND_AUDIO) audio++;
    }
  }
  return { video, audio };
}

/**
 * Everyone's WebRTC stats, and LiveKit's counters if asked. A Room whose stats take longer than
 * STATS_TIMEOUT_MS (its WebRTC threads starved, or it is resuming its session) is left out, so that
 * LiveKit's figures still come through.
 */
async function takeSnapshot(participants: Participant[], metricsUrl: string | undefined): Promise<ProcessSnapshot> {
  const metrics = metricsUrl ? scrape(metricsUrl) : undefined;
  const each = await Promise.all(
    participants.map((p) => Promise.race([participantSnapshot(p), sleep(STATS_TIMEOUT_MS).then(() => undefined)])),
  );
  return { participants: each.filter((s) => s !== undefined), ...(await metrics) };
}

const STATS_TIMEOUT_MS = 30000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

const LIMITATION = ['none', 'cpu', 'bandwidth', 'other'];
const num = (v: bigint | number | undefined): number => Number(v ?? 0);

async function participantSnapshot({ identity, room }: Participant): Promise<ParticipantSnapshot> {
  const stats = await room.getRtcStats();
  const snapshot: ParticipantSnapshot = { identity, atMs: 0, inbound: [], outbound: [] };
  // rtc-node 1.1 with LiveKit 1.13 sends and receives over one peer connection, whose stats come as
  // publisherStats; older pairs use two. Both lists are read.
  for (const { stats: s } of [...stats.publisherStats, ...stats.subscriberStats]) {
    if (s.case === 'inboundRtp' || s.case === 'outboundRtp') {
      // When WebRTC gathered the figures (µs); on a busy machine that can be seconds after the request.
      snapshot.atMs = Math.max(snapshot.atMs, num(s.value.rtc?.timestamp) / 1000);
    }
    if (s.case === 'inboundRtp') {
      const { stream, received, inbound } = s.value;
      snapshot.inbound.push({
        id: s.value.rtc?.id ?? '',
        kind: stream?.kind ?? '',
        bytes: num(inbound?.bytesReceived),
        packets: num(received?.packetsReceived),
        lost: num(received?.packetsLost),
        framesReceived: num(inbound?.framesReceived),
        framesDecoded: num(inbound?.framesDecoded),
        frameHeight: num(inbound?.frameHeight),
        freezes: num(inbound?.freezeCount),
      });
    } else if (s.case === 'outboundRtp') {
      const { stream, sent, outbound } = s.value;
      snapshot.outbound.push({
        id: s.value.rtc?.id ?? '',
        kind: stream?.kind ?? '',
        rid: outbound?.rid ?? '',
        bytes: num(sent?.bytesSent),
        framesEncoded: num(outbound?.framesEncoded),
        frameHeight: num(outbound?.frameHeight),
        limitation: LIMITATION[outbound?.qualityLimitationReason ?? 0] ?? 'other',
      });
    }
  }
  return snapshot;
}

/** LiveKit's packet, byte, loss and RTCP counters, as Prometheus text lines, and when they were read. */
async function scrape(url: string): Promise<{ metrics: string[]; metricsAtMs: number }> {
  const text = await (await fetch(url, { signal: AbortSignal.timeout(30000) })).text();
  const metrics = text.split('\n').filter((l) => /^livekit_(packet_total|packet_bytes|packet_loss_total|nack_total|pli_total)\{/.test(l));
  return { metrics, metricsAtMs: Date.now() };
}

main().then(
  async () => {
    await dispose();
    process.exit(0);
  },
  async (error: unknown) => {
    process.stdout.write(`FAILED ${(error as Error).message}\n`);
    await dispose().catch(() => undefined);
    process.exit(1);
  },
);
