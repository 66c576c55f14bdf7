import { DOCUMENT } from '@angular/common';
import { inject, signal } from '@angular/core';
import type { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import { readApiError, type ApiError } from './api-error';

/** Sentences for a control's validation errors, by error key (`required`, `email`, `minlength`...). */
export type ErrorSentences = Readonly<Record<string, string>>;

const DEFAULT_SENTENCES: ErrorSentences = {
  required: 'This field is required.',
  email: 'Enter a valid email address.',
};

/**
 * The feedback of one form: which fields show errors (once touched or after a submit), their sentences
 * (client-side checks and the server's `details.fields`, under the `server` error key), a form-level
 * error for everything else, and a pending flag for the submit button. Field ids are `<prefix>-<control>`
 * and error ids `<prefix>-<control>-error`, for `for`, `aria-describedby` and focus.
 *
 * Create it in a field initializer (it injects DOCUMENT): `formFeedback(this.form, 'sign-in', {...})`.
 */
export class FormFeedback {
  readonly pending = signal(false);
  readonly error = signal<string | null>(null);
  private readonly submitted = signal(false);

  constructor(
    private readonly form: FormGroup,
    private readonly prefix: string,
    private readonly sentences: Readonly<Record<string, ErrorSentences>>,
    private readonly document: Document,
  ) {}

  id(control: string): string {
    return `${this.prefix}-${control}`;
  }

  errorId(control: string): string {
    return `${this.id(control)}-error`;
  }

  showsError(control: string): boolean {
    const field = this.control(control);
    return field.invalid && (field.touched || this.submitted());
  }

  /** Value for `[attr.aria-describedby]`: the hint (if any) and, when shown, the error. */
  describedBy(control: string, hintId?: string): string | null {
    const ids = [hintId, this.showsError(control) ? this.errorId(control) : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  messages(control: string): string[] {
    return describe(this.control(control).errors, { ...DEFAULT_SENTENCES, ...this.sentences[control] });
  }

  /** At the start of a submit: true if the form may be sent; otherwise shows its errors and focuses the first. */
  start(): boolean {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return false;
    }
    this.pending.set(true);
    return true;
  }

  succeed(): void {
    this.pending.set(false);
    this.submitted.set(false);
  }

  /**
   * Puts the server's field problems beside their fields and anything else in the form-level error.
   * `messageFor` may set the form-level sentence of a code (a string), or drop it (null); undefined keeps
   * the default. Returns the error, for code-specific steps.
   */
  fail(error: unknown, messageFor: (error: ApiError) => string | null | undefined = () => undefined): ApiError {
    const apiError = readApiError(error);
    const unplaced: string[] = [];
    let placed = false;
    for (const [name, problems] of apiError.fields) {
      const field = this.form.get(name);
      if (field) {
        field.setErrors({ ...field.errors, server: problems.join(' ') });
        placed = true;
      } else {
        unplaced.push(...problems);
      }
    }
    const fallback = placed && unplaced.length === 0 ? null : [apiError.message, ...unplaced].join(' ');
    const custom = messageFor(apiError);
    this.error.set(custom === undefined ? fallback : custom);
    this.pending.set(false);
    if (placed) this.focusFirstInvalid();
    return apiError;
  }

  /** Forgets a previous attempt: the form-level error, the submitted state and the pending flag. */
  reset(): void {
    this.error.set(null);
    this.submitted.set(false);
    this.pending.set(false);
  }

  private control(name: string): AbstractControl {
    const field = this.form.get(name);
    if (!field) throw new Error(`FormFeedback: the form has no control "${name}"`);
    return field;
  }

  private focusFirstInvalid(): void {
    const first = Object.keys(this.form.controls).find((name) => this.form.controls[name]?.invalid);
    if (first) this.document.getElementById(this.id(first))?.focus();
  }
}

export function formFeedback(form: FormGroup, prefix: string, sentences: Readonly<Record<string, ErrorSentences>> = {}): FormFeedback {
  return new FormFeedback(form, prefix, sentences, inject(DOCUMENT));
}

function describe(errors: ValidationErrors | null, sentences: ErrorSentences): string[] {
  if (!errors) return [];
  // A server problem replaces the client's sentences: it is the more precise of the two.
  if (typeof errors['server'] === 'string') return [errors['server']];
  return Object.entries(errors).map(([key, value]) => {
    const sentence = sentences[key];
    if (sentence) return sentence;
    if (key === 'minlength' || key === 'maxlength') {
      const { requiredLength } = value as { requiredLength: number };
      return key === 'minlength' ? `Use at least ${requiredLength} characters.` : `Use at most ${requiredLength} characters.`;
    }
    return 'Check this field.';
  });
}
