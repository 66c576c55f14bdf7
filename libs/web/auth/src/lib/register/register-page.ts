import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PASSWORD_POLICY } from '@confer/identity/contracts';
import { AccountApi } from '../account-api';
import { formFeedback } from '../forms/form-feedback';
import { FieldControl, FieldError } from '../forms/field';

/** Create an account. The answer is the same whether or not the address is taken: check your inbox. */
@Component({
  selector: 'cf-register-page',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-page.html',
})
export class RegisterPage {
  private readonly api = inject(AccountApi);

  protected readonly minLength = PASSWORD_POLICY.minLength;
  /** The server's "check your inbox" sentence, once accepted. */
  protected readonly accepted = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(80)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_POLICY.minLength), Validators.maxLength(PASSWORD_POLICY.maxLength)]],
  });
  protected readonly feedback = formFeedback(this.form, 'register', {
    displayName: { required: 'Enter your name.' },
    email: { required: 'Enter your email address.' },
    password: { required: 'Choose a password.' },
  });

  protected submit(): void {
    if (!this.feedback.start()) return;
    const { displayName, email, password } = this.form.getRawValue();
    this.api.register({ displayName: displayName.trim(), email: email.trim(), password }).subscribe({
      next: (response) => {
        this.feedback.succeed();
        this.accepted.set(response.message);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
