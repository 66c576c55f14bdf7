import { DatePipe, DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { IdentityErrorCode, PRIVACY_LIMITS } from '@confer/identity/contracts';
import { AuthSession, FieldControl, FieldError, formFeedback } from '@confer/web/auth';
import { PrivacyApi } from './privacy-api';
import { PrivacyRequests } from './privacy-requests';

/** Sentences beside a field for the server's answers that are about that field. */
const FIELD_FAILURES: Readonly<Record<string, { control: 'password' | 'code'; sentence: string }>> = {
  [IdentityErrorCode.InvalidCredentials]: { control: 'password', sentence: 'That password is not right.' },
  [IdentityErrorCode.MfaInvalidCode]: { control: 'code', sentence: 'That code is not right. Enter a new code from your app, or a recovery code.' },
};

/**
 * "Delete my account": the password again (and a code with two-step sign-in) sends a link to the
 * account's address; nothing is deleted until that link is opened. Until then it can be withdrawn here.
 */
@Component({
  selector: 'cf-deletion-section',
  imports: [DatePipe, FieldControl, FieldError, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deletion-section.html',
})
export class DeletionSection {
  private readonly api = inject(PrivacyApi);
  private readonly session = inject(AuthSession);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly requests = inject(PrivacyRequests);

  protected readonly linkMinutes = PRIVACY_LIMITS.deletionLinkMinutes;
  /** The server asked for a code although the user we hold said two-step sign-in was off. */
  private readonly codeAsked = signal(false);
  protected readonly needsCode = computed(() => this.session.user()?.mfaEnabled === true || this.codeAsked());
  protected readonly cancelling = signal(false);
  protected readonly notice = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', Validators.required],
    code: [{ value: '', disabled: true }, [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly feedback = formFeedback(this.form, 'delete-account', {
    password: { required: 'Enter your password.' },
    code: { required: 'Enter the code from your authenticator app, or a recovery code.', minlength: 'Enter the 6-digit code or a recovery code.' },
  });

  constructor() {
    // A disabled control is neither validated nor sent: the code counts only with two-step sign-in.
    effect(() => {
      const code = this.form.controls.code;
      if (this.needsCode()) code.enable();
      else code.disable();
    });
  }

  protected submit(): void {
    this.notice.set(null);
    if (!this.feedback.start()) return;
    const { password, code } = this.form.getRawValue();
    this.api.requestDeletion({ password, ...(this.needsCode() ? { code: code.trim() } : {}) }).subscribe({
      next: (request) => {
        this.feedback.succeed();
        this.form.reset();
        this.requests.put(request);
        this.focus('delete-account-cancel');
      },
      error: (error: unknown) => {
        const failure = this.feedback.fail(error, (failed) =>
          FIELD_FAILURES[failed.code] || failed.code === IdentityErrorCode.MfaRequired ? null : undefined,
        );
        const beside = FIELD_FAILURES[failure.code];
        if (beside) this.showBeside(beside.control, beside.sentence);
        if (failure.code === IdentityErrorCode.MfaRequired) this.askForCode();
        // Already asked for (perhaps in another tab): show that request and its "Cancel the deletion".
        if (failure.code === IdentityErrorCode.PrivacyRequestActive) this.requests.load();
      },
    });
  }

  protected cancel(): void {
    const request = this.requests.unconfirmedDeletion();
    if (!request || this.cancelling()) return;
    this.cancelling.set(true);
    this.api.cancelDeletion().subscribe({
      next: () => {
        this.cancelling.set(false);
        this.requests.put({ ...request, status: 'cancelled' });
        this.notice.set('The deletion is cancelled. The link in the mail no longer works, and your account stays as it is.');
        this.focus(this.feedback.id('password'));
      },
      error: () => this.cancelling.set(false),
    });
  }

  private showBeside(control: 'password' | 'code', sentence: string): void {
    const field = this.form.controls[control];
    field.setErrors({ server: sentence });
    field.markAsTouched();
    this.focus(this.feedback.id(control));
  }

  private askForCode(): void {
    this.codeAsked.set(true);
    this.feedback.reset(); // the new field starts without an error; its hint says what to do
    this.focus(this.feedback.id('code'));
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
