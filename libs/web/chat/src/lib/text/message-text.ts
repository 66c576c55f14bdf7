import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { linkify } from './linkify';

/**
 * A message body as text, with its http(s) links clickable: each part is interpolated as text or bound
 * to an `<a>`'s href (which Angular sanitises too). Never innerHTML, so markup in a message stays text.
 */
@Component({
  selector: 'cf-message-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // One line on purpose: whitespace between the parts would show in the message.
  template: `@for (part of parts(); track $index) {@if (part.kind === 'link') {<a [href]="part.href" rel="noopener noreferrer" target="_blank">{{ part.text }}</a>} @else {<ng-container>{{ part.text }}</ng-container>}}`,
  styles: `:host { white-space: pre-wrap; overflow-wrap: anywhere; }`,
})
export class MessageText {
  readonly text = input.required<string>();
  protected readonly parts = computed(() => linkify(this.text()));
}
