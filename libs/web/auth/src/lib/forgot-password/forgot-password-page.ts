import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AccountApi } from '../account-api';
import { formFeedback } from '../forms/form-feedback';
import { FieldControl, FieldError } from '../forms/field';

/** Asks for a reset link. The answer never says whether the address has an account. */
@Component({
  selector: 'cf-forgot-password-page',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forgot-password-page.html',
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountApi);
  protected readonly accepted = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });
  protected readonly feedback = formFeedback(this.form, 'forgot', { email: { required: 'Enter your email address.' } });

  protected submit(): void {
    if (!this.feedback.start()) return;
    this.api.forgotPassword({ email: this.form.getRawValue().email.trim() }).subscribe({
      next: (response) => {
        this.feedback.succeed();
        this.accepted.set(response.message);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
