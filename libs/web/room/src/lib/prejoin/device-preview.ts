import { Injectable, signal } from '@angular/core';

export type PreviewKind = 'audioinput' | 'videoinput';

/**
 * The pre-join preview: the camera and microphone the person picked, held only while the pre-join
 * screen shows. Plain getUserMedia, so that the page needs no LiveKit code before joining.
 */
@Injectable()
export class DevicePreview {
  /** What the <video> shows: the camera only (the microphone is never played back). */
  readonly stream = signal<MediaStream | null>(null);
  readonly devices = signal<Record<PreviewKind, readonly MediaDeviceInfo[]>>({ audioinput: [], videoinput: [] });
  readonly chosen = signal<Partial<Record<PreviewKind, string>>>({});
  readonly problem = signal<string | null>(null);
  private camera?: MediaStreamTrack;
  private microphone?: MediaStreamTrack;
  private stopped = false;

  async start(cameraOn: boolean, microphoneOn: boolean): Promise<void> {
    await Promise.all([cameraOn ? this.open('videoinput') : undefined, microphoneOn ? this.open('audioinput') : undefined]);
    await this.listDevices();
  }

  async setCamera(on: boolean): Promise<void> {
    if (on) await this.open('videoinput');
    else this.close('videoinput');
  }

  async setMicrophone(on: boolean): Promise<void> {
    if (on) await this.open('audioinput');
    else this.close('audioinput');
  }

  async choose(kind: PreviewKind, deviceId: string): Promise<void> {
    this.chosen.update((chosen) => ({ ...chosen, [kind]: deviceId }));
    const open = kind === 'videoinput' ? this.camera : this.microphone;
    if (open) await this.open(kind);
  }

  /** Lets go of every device; later calls do nothing. */
  stop(): void {
    this.stopped = true;
    this.close('videoinput');
    this.close('audioinput');
  }

  private async open(kind: PreviewKind): Promise<void> {
    const media = globalThis.navigator?.mediaDevices;
    if (!media || this.stopped) return;
    const deviceId = this.chosen()[kind];
    const constraint = deviceId ? { deviceId: { exact: deviceId } } : true;
    try {
      const stream = await media.getUserMedia(kind === 'videoinput' ? { video: constraint } : { audio: constraint });
      const [track] = kind === 'videoinput' ? stream.getVideoTracks() : stream.getAudioTracks();
      this.close(kind);
      if (this.stopped) {
        track?.stop();
        return;
      }
      if (kind === 'videoinput') this.camera = track;
      else this.microphone = track;
      if (track && !deviceId) this.chosen.update((chosen) => ({ ...chosen, [kind]: track.getSettings().deviceId }));
      this.problem.set(null);
      this.publish();
    } catch (error) {
      this.problem.set(previewProblem(error, kind));
    }
  }

  private close(kind: PreviewKind): void {
    const track = kind === 'videoinput' ? this.camera : this.microphone;
    track?.stop();
    if (kind === 'videoinput') this.camera = undefined;
    else this.microphone = undefined;
    this.publish();
  }

  private publish(): void {
    this.stream.set(this.camera ? new MediaStream([this.camera]) : null);
  }

  /** Labels are only readable once permission was given, so this runs after the first getUserMedia. */
  private async listDevices(): Promise<void> {
    const media = globalThis.navigator?.mediaDevices;
    if (!media) return;
    const all = await media.enumerateDevices();
    this.devices.set({
      audioinput: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
      videoinput: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
    });
  }
}

function previewProblem(error: unknown, kind: PreviewKind): string {
  const device = kind === 'videoinput' ? 'camera' : 'microphone';
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError') return `Confer may not use your ${device}. Allow it in the browser's site settings, or join without it.`;
  if (name === 'NotFoundError') return `No ${device} was found.`;
  return `Your ${device} could not be started.`;
}
