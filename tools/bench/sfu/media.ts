/**
 * Synthetic camera and microphone for bench:sfu, cheap enough that eight of them leave the CPU to
 * the encoders: every buffer is made once and reused; a video frame is one copy of the background
 * and 90 rows of grain.
 */
import { AudioFrame, AudioSource, VideoBufferType, VideoFrame, VideoSource } from '@livekit/rtc-node';

export const SAMPLE_RATE = 48000;
const SAMPLES_PER_10MS = SAMPLE_RATE / 100;
/** The grainy texture is this much larger than the frame each way, to take the band from anywhere. */
const TRAVEL = 256;
/** Grain of the band that changes every frame (levels, peak to peak), and its height (1/BAND of the frame). */
const GRAIN = 16;
const BAND = 8;

/**
 * A camera on a video call: a still background (smooth gradients with a little grain) and, in front
 * of it, a band of the same picture with more grain, taken from a different place every frame and
 * moving up and down: the part each frame has to encode afresh, so the rate controller really spends
 * its bitrate. (A background scrolling as well cost the encoders about 10% more CPU for the same
 * bitrate, and the machine has none to spare.)
 */
export class SyntheticCamera {
  readonly source: VideoSource;
  private readonly frame: VideoFrame;
  /** Luma of the still background, drawn once. */
  private readonly background: Uint8Array;
  private readonly grainy: Uint8Array;
  private readonly textureWidth: number;
  private readonly random: () => number;
  private n = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
    seed: number,
  ) {
    this.source = new VideoSource(width, height);
    this.frame = new VideoFrame(new Uint8Array((width * height * 3) / 2), width, height, VideoBufferType.I420);
    this.textureWidth = width + TRAVEL;
    const textureHeight = height + TRAVEL;
    this.random = lcg(seed);
    this.grainy = new Uint8Array(this.textureWidth * textureHeight);
    this.background = new Uint8Array(width * height);
    for (let y = 0; y < textureHeight; y++) {
      for (let x = 0; x < this.textureWidth; x++) {
        const smooth = 128 + 50 * Math.sin((x + seed * 37) / 61) + 50 * Math.cos(y / 43);
        this.grainy[y * this.textureWidth + x] = clamp(smooth + (this.random() % GRAIN) - GRAIN / 2);
        if (x < width && y < height) this.background[y * width + x] = clamp(smooth + (this.random() % 7) - 3);
      }
    }
    // Chroma: a fixed tint per participant, so the frames are told apart at a glance when debugging.
    this.frame.data.subarray(width * height).fill(96 + ((seed * 29) % 64));
  }

  /** Draws the next frame into the reused buffer and hands it to the encoder. */
  captureNext(): void {
    const { width, height, textureWidth } = this;
    const n = this.n++;
    const luma = this.frame.data;
    luma.set(this.background);
    const bandHeight = Math.round(height / BAND);
    const bandTop = Math.round(((height - bandHeight) / 2) * (1 + Math.sin(n / 20)));
    const bx = this.random() % TRAVEL;
    const by = this.random() % TRAVEL;
    for (let y = 0; y < bandHeight; y++) {
      const from = (bandTop + y + by) * textureWidth + bx;
      luma.set(this.grainy.subarray(from, from + width), (bandTop + y) * width);
    }
    this.source.captureFrame(this.frame, BigInt(Date.now()) * 1000n);
  }
}

/** A microphone: a quiet tone over noise, handed over 10 ms at a time. */
export class SyntheticMicrophone {
  readonly source = new AudioSource(SAMPLE_RATE, 1);
  /** 100 ms of audio (44 whole periods of 440 Hz) as ten reusable 10 ms frames. */
  private readonly frames: AudioFrame[] = [];
  private n = 0;

  constructor(seed: number) {
    const random = lcg(seed + 1000);
    for (let f = 0; f < 10; f++) {
      const data = new Int16Array(SAMPLES_PER_10MS);
      for (let i = 0; i < SAMPLES_PER_10MS; i++) {
        const t = (f * SAMPLES_PER_10MS + i) / SAMPLE_RATE;
        data[i] = Math.round(3000 * Math.sin(2 * Math.PI * 440 * t) + (random() % 1200) - 600);
      }
      this.frames.push(new AudioFrame(data, SAMPLE_RATE, 1, SAMPLES_PER_10MS));
    }
  }

  /** Queues the next 10 ms; the native source plays them out at their own pace. */
  captureNext(): Promise<void> {
    return this.source.captureFrame(this.frames[this.n++ % this.frames.length]);
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** A small deterministic generator, so every run draws the same pictures. */
function lcg(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 8;
  };
}
