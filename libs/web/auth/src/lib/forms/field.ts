import { ChangeDetectionStrategy, Component, Directive, input } from '@angular/core';
import type { FormFeedback } from './form-feedback';

/**
 * On a form control: its id (for the label's `for`), `aria-invalid` and `aria-describedby` (the hint,
 * if any, and the error while it shows), from the form's FormFeedback.
 * `<input cfField="email" [feedback]="feedback" formControlName="email" />`
 */
@Directive({
  selector: '[cfField]',
  host: {
    '[id]': 'feedback().id(cfField())',
    '[attr.aria-invalid]': 'feedback().showsError(cfField())',
    '[attr.aria-describedby]': 'feedback().describedBy(cfField(), hint())',
  },
})
export class FieldControl {
  readonly cfField = input.required<string>();
  readonly feedback = input.required<FormFeedback>();
  /** Id of a hint paragraph the control is described by. */
  readonly hint = input<string | undefined>(undefined);
}

/**
 * The error sentences of one control, beside it, while they show. Checked with its form (default
 * change detection): touched and server errors are form state, not signals.
 */
@Component({
  selector: 'cf-field-error',
  changeDetection: ChangeDetectionStrategy.Default,
  template: `
    @if (feedback().showsError(control())) {
      <p class="field__error" [id]="feedback().errorId(control())">{{ feedback().messages(control()).join(' ') }}</p>
    }
  `,
})
export class FieldError {
  readonly feedback = input.required<FormFeedback>();
  readonly control = input.required<string>();
}
