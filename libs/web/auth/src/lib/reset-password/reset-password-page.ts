import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { IdentityErrorCode, PASSWORD_POLICY } from '@confer/identity/contracts';
import { AccountApi } from '../account-api';
import { takeFragmentToken } from '../fragment-token';
import { formFeedback } from '../forms/form-feedback';
import { FieldControl, FieldError } from '../forms/field';

/**
 * Opened from the mailed link `/reset-password#token=...`: choose a new password. An account with
 * two-step sign-in must also give a code (the server answers MFA_REQUIRED; the code field appears).
 */
@Component({
  selector: 'cf-reset-password-page',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password-page.html',
})
export class ResetPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly token = takeFragmentToken();
  protected readonly minLength = PASSWORD_POLICY.minLength;
  protected readonly needsCode = signal(false);
  protected readonly done = signal(false);
  /** The link is unknown, used or expired: the form gives way to a link to ask for a new one. */
  protected readonly linkInvalid = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_POLICY.minLength), Validators.maxLength(PASSWORD_POLICY.maxLength)]],
    code: [{ value: '', disabled: true }, [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly feedback = formFeedback(this.form, 'reset', {
    password: { required: 'Choose a new password.' },
    code: { required: 'Enter the code.', minlength: 'Enter the 6-digit code or a recovery code.' },
  });

  protected submit(): void {
    if (!this.token || !this.feedback.start()) return;
    const { password, code } = this.form.getRawValue();
    this.api.resetPassword({ token: this.token, password, ...(this.needsCode() ? { code: code.trim() } : {}) }).subscribe({
      next: () => {
        this.feedback.succeed();
        this.done.set(true);
      },
      error: (error: unknown) => {
        const failure = this.feedback.fail(error, (failed) => (failed.code === IdentityErrorCode.MfaRequired ? null : undefined));
        if (failure.code === IdentityErrorCode.TokenInvalid) this.linkInvalid.set(failure.message);
        if (failure.code === IdentityErrorCode.MfaRequired) this.askForCode();
      },
    });
  }

  private askForCode(): void {
    this.needsCode.set(true);
    this.form.controls.code.enable();
    this.feedback.reset(); // the new field starts without an error; its hint says what to do
    afterNextRender(() => this.document.getElementById(this.feedback.id('code'))?.focus(), { injector: this.injector });
  }
}
