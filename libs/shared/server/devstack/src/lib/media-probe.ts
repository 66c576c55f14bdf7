/**
 * A headless meeting of two @livekit/rtc-node participants, run as its own process (inside a
 * NetworkNamespace, see netns.ts). The first publishes a synthetic camera track; the second
 * subscribes and reads frames. Prints one JSON line: what the receiver saw.
 *
 * Env: PROBE_URL (LiveKit ws URL), PROBE_PUBLISHER_TOKEN, PROBE_SUBSCRIBER_TOKEN, PROBE_FRAMES.
 */
import {
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  VideoStream,
  dispose,
  type RemoteTrack,
} from '@livekit/rtc-node';

export interface MediaProbeResult {
  framesReceived: number;
  width: number;
  height: number;
  /** Distinct values of the first pixel's red channel: the sender's frame counter moving. */
  distinctMarks: number;
  error?: string;
}

const WIDTH = 320;
const HEIGHT = 240;

function syntheticFrame(n: number): VideoFrame {
  const data = new Uint8Array(WIDTH * HEIGHT * 4);
  const mark = (n * 10) % 256;
  for (let i = 0; i < data.length; i += 4) {
    data[i] = mark;
    data[i + 1] = 128;
    data[i + 2] = (i / 4) % 256;
    data[i + 3] = 255;
  }
  return new VideoFrame(data, WIDTH, HEIGHT, VideoBufferType.RGBA);
}

async function probe(): Promise<MediaProbeResult> {
  const url = required('PROBE_URL');
  const wanted = Number(process.env['PROBE_FRAMES'] ?? '10');
  const publisher = new Room();
  const subscriber = new Room();
  const seen: { width: number; height: number; mark: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const enough = new Promise<void>((resolve, reject) => {
      subscriber.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind !== TrackKind.KIND_VIDEO) return;
        void (async () => {
          const reader = new VideoStream(track).getReader();
          while (seen.length < wanted) {
            const { value, done } = await reader.read();
            if (done) break;
            const rgba = value.frame.convert(VideoBufferType.RGBA);
            seen.push({ width: rgba.width, height: rgba.height, mark: rgba.data[0] });
          }
          reader.releaseLock();
          resolve();
        })().catch(reject);
      });
    });
    await subscriber.connect(url, required('PROBE_SUBSCRIBER_TOKEN'), { autoSubscribe: true, dynacast: false });
    await publisher.connect(url, required('PROBE_PUBLISHER_TOKEN'), { autoSubscribe: false, dynacast: false });
    const source = new VideoSource(WIDTH, HEIGHT);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_CAMERA;
    await publisher.localParticipant?.publishTrack(LocalVideoTrack.createVideoTrack('synthetic-camera', source), options);
    let n = 0;
    timer = setInterval(() => source.captureFrame(syntheticFrame(n++)), 1000 / 15);
    await Promise.race([enough, new Promise((r) => setTimeout(r, 30000))]);
    return summary(seen);
  } catch (error) {
    return { ...summary(seen), error: String(error) };
  } finally {
    clearInterval(timer);
    await publisher.disconnect().catch(() => undefined);
    await subscriber.disconnect().catch(() => undefined);
  }
}

function summary(seen: { width: number; height: number; mark: number }[]): MediaProbeResult {
  const last = seen[seen.length - 1];
  return {
    framesReceived: seen.length,
    width: last?.width ?? 0,
    height: last?.height ?? 0,
    distinctMarks: new Set(seen.map((f) => f.mark)).size,
  };
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
