import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { LiveParticipant } from '../live/live-participant';
import { TrackElement } from '../live/track-element';

const QUALITY_WORDS: Record<LiveParticipant['quality'], string> = {
  excellent: 'excellent',
  good: 'good',
  poor: 'poor',
  lost: 'lost',
  unknown: 'unknown',
};

/** One person on the stage: their camera (or initials), name, role, microphone, hand and connection. */
@Component({
  selector: 'cf-participant-tile',
  imports: [TrackElement],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant-tile.html',
  styleUrl: './participant-tile.css',
})
export class ParticipantTile {
  readonly participant = input.required<LiveParticipant>();
  /** `screen`: show their shared screen instead of their camera. */
  readonly show = input<'camera' | 'screen'>('camera');
  readonly pinned = input(false);
  readonly pinToggled = output<string>();

  protected readonly label = computed(() => {
    const p = this.participant();
    const who = p.isLocal ? `${p.name} (you)` : p.name;
    return this.show() === 'screen' ? `${who}: shared screen` : who;
  });
  protected readonly initials = computed(() =>
    this.participant()
      .name.split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join(''),
  );
  protected readonly track = computed(() => (this.show() === 'screen' ? this.participant().screen : this.participant().camera));
  protected readonly qualityLabel = computed(() => `Connection ${QUALITY_WORDS[this.participant().quality]}`);
  protected readonly roleLabel = computed(() => ({ host: 'Host', 'co-host': 'Co-host', participant: '' })[this.participant().role]);
}
