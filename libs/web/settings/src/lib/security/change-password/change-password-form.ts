import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_POLICY } from '@confer/identity/contracts';
import { formFeedback } from '@confer/web/auth';
import { SecurityApi } from '../security-api';
import { FieldControl, FieldError } from '@confer/web/auth';

/** Change the password. The server keeps this session and signs out every other one. */
@Component({
  selector: 'cf-change-password-form',
  imports: [FieldControl, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './change-password-form.html',
})
export class ChangePasswordForm {
  private readonly api = inject(SecurityApi);

  /** After a change: the other sessions are gone. */
  readonly changed = output<void>();

  protected readonly minLength = PASSWORD_POLICY.minLength;
  protected readonly done = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_POLICY.minLength), Validators.maxLength(PASSWORD_POLICY.maxLength)]],
  });
  protected readonly feedback = formFeedback(this.form, 'change-password', {
    currentPassword: { required: 'Enter your current password.' },
    newPassword: { required: 'Choose a new password.' },
  });

  protected submit(): void {
    this.done.set(false);
    if (!this.feedback.start()) return;
    this.api.changePassword(this.form.getRawValue()).subscribe({
      next: () => {
        this.feedback.succeed();
        this.form.reset();
        this.done.set(true);
        this.changed.emit();
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
