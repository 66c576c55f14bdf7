import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const PIXELS = { small: 40, large: 96 } as const;

/**
 * A person's picture, or their initials when they have none. Decorative by default (the name is
 * beside it); give `alt` where the picture itself is the subject.
 */
@Component({
  selector: 'cf-user-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (url(); as src) {
      <img class="avatar" [class.avatar--large]="size() === 'large'" [src]="src" [alt]="alt()" [width]="pixels()" [height]="pixels()" />
    } @else {
      <span class="avatar avatar--initials" [class.avatar--large]="size() === 'large'" aria-hidden="true">{{ initials() }}</span>
    }
  `,
})
export class UserAvatar {
  readonly name = input.required<string>();
  readonly url = input<string | null>(null);
  readonly alt = input('');
  readonly size = input<keyof typeof PIXELS>('small');

  protected readonly pixels = computed(() => PIXELS[this.size()]);
  protected readonly initials = computed(() => initials(this.name()));
}

/** `Ada Lovelace` → `AL`; one word gives one letter. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}
