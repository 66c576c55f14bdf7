import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PrivacyRequestView } from '@confer/identity/contracts';
import { privacyParts } from './privacy-status';

/**
 * How far each service has got with a privacy request: "Meetings: done", "Recordings: in progress".
 * Put it inside a polite live region so the changes are announced as the job goes on.
 */
@Component({
  selector: 'cf-privacy-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="privacy-progress" [attr.aria-label]="label()">
      @for (part of parts(); track part.service) {
        <li>
          {{ part.label }}:
          @if (part.done) {
            <strong>done</strong>
          } @else {
            in progress
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .privacy-progress {
      margin-block: 0.5rem;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class PrivacyProgress {
  readonly request = input.required<PrivacyRequestView>();
  /** The list's accessible name, e.g. "Progress of the deletion". */
  readonly label = input.required<string>();

  protected readonly parts = computed(() => privacyParts(this.request()));
}
