import { DestroyRef, Directive, effect, ElementRef, inject, input } from '@angular/core';
import type { Track } from 'livekit-client';

/**
 * `<video [cfTrack]="track">` / `<audio [cfTrack]="track">`: attaches a LiveKit track to this element
 * and detaches it when the track changes or the element goes. With adaptive stream, LiveKit watches the
 * element's size and visibility to pick the simulcast layer.
 */
@Directive({ selector: 'video[cfTrack], audio[cfTrack]' })
export class TrackElement {
  readonly track = input<Track | undefined>(undefined, { alias: 'cfTrack' });
  private readonly element = inject<ElementRef<HTMLMediaElement>>(ElementRef).nativeElement;
  private attached?: Track;

  constructor() {
    effect(() => {
      const track = this.track();
      if (track === this.attached) return;
      this.attached?.detach(this.element);
      this.attached = track;
      track?.attach(this.element);
    });
    inject(DestroyRef).onDestroy(() => this.attached?.detach(this.element));
  }
}
