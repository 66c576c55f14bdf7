import { signal } from '@angular/core';
import type { ChatFloat } from '@confer/chat/contracts';
import { emojiName } from '../emoji/common-emoji';

/** A floating reaction on screen for a moment. */
export interface FloatingEmoji {
  readonly key: number;
  readonly emoji: string;
  readonly from: string;
  /** Horizontal position over the stage, in percent. */
  readonly left: number;
}

/** How long a floating reaction stays over the stage. */
export const FLOAT_MS = 4_000;
const FLOATS_MAX = 24;

/** The floating reactions on screen: each stays FLOAT_MS, at most FLOATS_MAX at once; the last one in words. */
export class FloatQueue {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private key = 0;

  readonly floats = signal<readonly FloatingEmoji[]>([]);
  /** The last one in words ("Ada reacted with Clapping"), for a polite live region. */
  readonly announcement = signal('');

  add(float: ChatFloat, mine: boolean): void {
    const key = ++this.key;
    const who = mine ? 'You' : float.from.displayName;
    this.floats.update((floats) => [...floats.slice(-(FLOATS_MAX - 1)), { key, emoji: float.emoji, from: who, left: 8 + Math.round(Math.random() * 76) }]);
    this.announcement.set(`${who} reacted with ${emojiName(float.emoji) ?? float.emoji}`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.floats.update((floats) => floats.filter((f) => f.key !== key));
    }, FLOAT_MS);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.floats.set([]);
  }
}
