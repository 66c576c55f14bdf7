/**
 * One headless @livekit/rtc-node participant, run as its own process inside a network namespace
 * (see netns-bridge.ts and the media-path test). Prints one JSON line: what happened to it.
 *
 * Env: PROBE_URL, PROBE_TOKEN, PROBE_MODE ('screen-share': publish a camera, then try a screen share;
 * 'stay': stay connected until disconnected or PROBE_STAY_MS).
 */
import { LocalVideoTrack, Room, RoomEvent, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource, dispose } from '@livekit/rtc-node';

export interface ParticipantProbeResult {
  connected: boolean;
  camera?: 'published' | 'refused';
  screenShare?: 'published' | 'refused';
  disconnected?: boolean;
  reason?: string;
  error?: string;
}

const SIZE = 64;
const sources: VideoSource[] = [];

async function publish(room: Room, name: string, source: TrackSource): Promise<'published' | 'refused'> {
  const options = new TrackPublishOptions();
  options.source = source;
  const video = new VideoSource(SIZE, SIZE);
  sources.push(video);
  const track = LocalVideoTrack.createVideoTrack(name, video);
  const attempt = room.localParticipant?.publishTrack(track, options).then(() => 'published' as const, () => 'refused' as const);
  return Promise.race([attempt ?? Promise.resolve('refused' as const), new Promise<'refused'>((r) => setTimeout(() => r('refused'), 8000))]);
}

async function probe(): Promise<ParticipantProbeResult> {
  const room = new Room();
  let disconnected: ((reason: string) => void) | undefined;
  const gone = new Promise<string>((resolve) => (disconnected = resolve));
  room.on(RoomEvent.Disconnected, (reason: unknown) => disconnected?.(String(reason)));
  try {
    await room.connect(required('PROBE_URL'), required('PROBE_TOKEN'), { autoSubscribe: false, dynacast: false });
  } catch (error) {
    return { connected: false, error: String(error) };
  }
  try {
    if (process.env['PROBE_MODE'] === 'screen-share') {
      // Frames flow, so LiveKit sees the tracks as live (and reports them in its webhooks).
      const frame = new VideoFrame(new Uint8Array(SIZE * SIZE * 4).fill(128), SIZE, SIZE, VideoBufferType.RGBA);
      const timer = setInterval(() => sources.forEach((s) => s.captureFrame(frame)), 1000 / 15);
      try {
        const camera = await publish(room, 'camera', TrackSource.SOURCE_CAMERA);
        const screenShare = await publish(room, 'screen', TrackSource.SOURCE_SCREENSHARE);
        await new Promise((r) => setTimeout(r, 2000));
        return { connected: true, camera, screenShare };
      } finally {
        clearInterval(timer);
      }
    }
    const stayMs = Number(process.env['PROBE_STAY_MS'] ?? '20000');
    const reason = await Promise.race([gone, new Promise<undefined>((r) => setTimeout(() => r(undefined), stayMs))]);
    return { connected: true, disconnected: reason !== undefined, reason };
  } catch (error) {
    return { connected: true, error: String(error) };
  } finally {
    await room.disconnect().catch(() => undefined);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

if (require.main === module) {
  void probe().then(async (result) => {
    // Marked: rtc-node writes its own JSON log lines to stdout, before and after (see runProbe).
    process.stdout.write(`PROBE_RESULT ${JSON.stringify(result)}\n`);
    await dispose();
    process.exit(0);
  });
}
