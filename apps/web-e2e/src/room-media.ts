import type { Locator, Page } from 'playwright-core';

/** What a person sees of one video: its decoded size and how many frames the browser has decoded so far. */
export interface DecodedVideo {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
}

/** The video inside one tile (`figure` named after the person), as the browser decoded it. */
export async function decodedVideo(tile: Locator): Promise<DecodedVideo> {
  return tile.locator('video').evaluate((video: HTMLVideoElement) => ({
    width: video.videoWidth,
    height: video.videoHeight,
    frames: video.getVideoPlaybackQuality().totalVideoFrames,
  }));
}

/**
 * Waits until the tile's video has decoded frames and keeps decoding more: a frozen or black-holed
 * track fails. Returns the second reading.
 */
export async function expectVideoPlaying(tile: Locator, timeoutMs = 30_000): Promise<DecodedVideo> {
  const deadline = Date.now() + timeoutMs;
  let first: DecodedVideo | undefined;
  for (;;) {
    const now = await decodedVideo(tile).catch(() => undefined);
    if (now && now.width > 0 && now.frames > 0) {
      if (first && now.frames > first.frames) return now;
      first ??= now;
    }
    if (Date.now() > deadline) throw new Error(`no video frames decoded in time (last: ${JSON.stringify(now)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The loudest level (RMS, 0..1) of the sound the page plays from others over `ms` milliseconds: every
 * <audio> element's stream through a Web Audio analyser. Chromium's fake microphone beeps, so a few
 * seconds always include sound when audio really flows.
 */
export async function loudestRemoteAudio(page: Page, ms = 3000): Promise<number> {
  return page.evaluate(async (duration) => {
    const context = new AudioContext();
    await context.resume();
    const analysers = Array.from(document.querySelectorAll('audio'))
      .map((element) => element.srcObject)
      .filter((stream): stream is MediaStream => stream instanceof MediaStream && stream.getAudioTracks().length > 0)
      .map((stream) => {
        const analyser = context.createAnalyser();
        analyser.fftSize = 2048;
        context.createMediaStreamSource(stream).connect(analyser);
        return analyser;
      });
    const samples = new Float32Array(2048);
    let loudest = 0;
    const end = performance.now() + duration;
    while (performance.now() < end) {
      for (const analyser of analysers) {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await context.close();
    return loudest;
  }, ms);
}
