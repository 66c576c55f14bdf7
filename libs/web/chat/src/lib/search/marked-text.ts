import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { linkify } from '../text/linkify';
import { markTerms } from './search-terms';

type Part = { kind: 'link'; text: string; href: string } | { kind: 'text' | 'mark'; text: string };

/**
 * A message body as MessageText shows it (text, safe links, never innerHTML), with the search terms
 * outside links in `<mark>`.
 */
@Component({
  selector: 'cf-marked-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // One line on purpose: whitespace between the parts would show in the message.
  template: `@for (part of parts(); track $index) {@if (part.kind === 'link') {<a [href]="part.href" rel="noopener noreferrer" target="_blank">{{ part.text }}</a>} @else if (part.kind === 'mark') {<mark>{{ part.text }}</mark>} @else {<ng-container>{{ part.text }}</ng-container>}}`,
  styles: `:host { white-space: pre-wrap; overflow-wrap: anywhere; }`,
})
export class MarkedText {
  readonly text = input.required<string>();
  readonly terms = input<readonly string[]>([]);
  protected readonly parts = computed<Part[]>(() =>
    linkify(this.text()).flatMap((part) =>
      part.kind === 'link' ? [part] : markTerms(part.text, this.terms()).map((piece) => ({ kind: piece.marked ? 'mark' : 'text', text: piece.text }) as Part),
    ),
  );
}
