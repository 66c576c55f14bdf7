/**
 * One headless @livekit/rtc-node participant that a test drives step by step, run as its own process
 * inside a network namespace (see run-scripted-participant.ts). It connects with PROBE_URL and
 * PROBE_TOKEN, then reads one JSON command a line on stdin and answers each with one line
 * `PROBE_STEP <json>` on stdout (rtc-node writes JSON logs of its own there too).
 *
 * Commands: `publish` a fresh microphone or camera track (frames flowing), `state` (what is published,
 * the attributes LiveKit gave it, the server messages it received), `reconnect` with the same token,
 * `leave`.
 */
import { createInterface } from 'node:readline';
import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  dispose,
  type LocalTrack,
} from '@livekit/rtc-node';

export type ScriptedSource = 'microphone' | 'camera';

export type ScriptedCommand = { op: 'publish'; source: ScriptedSource } | { op: 'state' } | { op: 'reconnect' } | { op: 'leave' };

export interface ScriptedConnected {
  connected: boolean;
  error?: string;
}

export interface ScriptedPublished {
  result: 'published' | 'refused';
}

export interface ScriptedState {
  connected: boolean;
  /** Sources of this participant's tracks that are still published. */
  published: ScriptedSource[];
  attributes: Record<string, string>;
  /** Data messages from the server (no sending participant): topic and UTF-8 text. */
  messages: Array<{ topic?: string; text: string }>;
}

export const PROBE_STEP_PREFIX = 'PROBE_STEP ';
const PUBLISH_TIMEOUT_MS = 8000;
const SIZE = 64;

const pumps: NodeJS.Timeout[] = [];
const messages: ScriptedState['messages'] = [];
let connected = false;

function newRoom(): Room {
  const room = new Room();
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    if (!participant) messages.push({ topic, text: new TextDecoder().decode(payload) });
  });
  room.on(RoomEvent.Disconnected, () => (connected = false));
  return room;
}

async function connect(room: Room): Promise<ScriptedConnected> {
  try {
    await room.connect(required('PROBE_URL'), required('PROBE_TOKEN'), { autoSubscribe: false, dynacast: false });
    connected = true;
    return { connected };
  } catch (error) {
    return { connected: false, error: String(error) };
  }
}

/** A track of that source with frames (10 ms of a tone, or a grey picture) flowing, so LiveKit receives media. */
function trackOf(source: ScriptedSource): LocalTrack {
  if (source === 'microphone') {
    const audio = new AudioSource(48000, 1);
    const samples = Int16Array.from({ length: 480 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 48000)));
    const frame = new AudioFrame(samples, 48000, 1, 480);
    pumps.push(setInterval(() => void audio.captureFrame(frame).catch(() => undefined), 10));
    return LocalAudioTrack.createAudioTrack('microphone', audio);
  }
  const video = new VideoSource(SIZE, SIZE);
  const frame = new VideoFrame(new Uint8Array(SIZE * SIZE * 4).fill(128), SIZE, SIZE, VideoBufferType.RGBA);
  pumps.push(setInterval(() => video.captureFrame(frame), 1000 / 15));
  return LocalVideoTrack.createVideoTrack('camera', video);
}

async function publish(room: Room, source: ScriptedSource): Promise<ScriptedPublished> {
  const options = new TrackPublishOptions();
  options.source = source === 'microphone' ? TrackSource.SOURCE_MICROPHONE : TrackSource.SOURCE_CAMERA;
  const attempt = room.localParticipant?.publishTrack(trackOf(source), options).then(() => 'published' as const, () => 'refused' as const);
  const result = await Promise.race([
    attempt ?? Promise.resolve('refused' as const),
    new Promise<'refused'>((r) => setTimeout(() => r('refused'), PUBLISH_TIMEOUT_MS)),
  ]);
  return { result };
}

function state(room: Room): ScriptedState {
  const published = [...(room.localParticipant?.trackPublications.values() ?? [])]
    .map((p) => (p.source === TrackSource.SOURCE_MICROPHONE ? 'microphone' : p.source === TrackSource.SOURCE_CAMERA ? 'camera' : undefined))
    .filter((s): s is ScriptedSource => s !== undefined);
  return { connected, published, attributes: { ...(room.localParticipant?.attributes ?? {}) }, messages: [...messages] };
}

async function run(): Promise<void> {
  let room = newRoom();
  reply(await connect(room));
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as ScriptedCommand;
    if (command.op === 'publish') reply(await publish(room, command.source));
    else if (command.op === 'state') reply(state(room));
    else if (command.op === 'reconnect') {
      await room.disconnect().catch(() => undefined);
      room = newRoom();
      reply(await connect(room));
    } else break;
  }
  pumps.forEach(clearInterval);
  await room.disconnect().catch(() => undefined);
  reply({ left: true });
}

function reply(answer: unknown): void {
  process.stdout.write(`${PROBE_STEP_PREFIX}${JSON.stringify(answer)}\n`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

if (require.main === module) {
  void run()
    .catch((error) => reply({ error: String(error) }))
    .finally(async () => {
      await dispose();
      process.exit(0);
    });
}
