import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { IdentityErrorCode, isMfaChallenge, type MfaChallenge } from '@confer/identity/contracts';
import { formFeedback } from '../forms/form-feedback';
import { AuthSession } from '../session/auth-session';
import { safeNextUrl } from '../session/safe-next-url';
import { SESSION_ENDED_REASON } from '../session/session-ended';
import { FieldControl, FieldError } from '../forms/field';

/**
 * Sign in with email and password; when the account has two-step sign-in, a second step asks for a
 * code from the authenticator app or a recovery code. Afterwards goes to `?next=` (an in-app path) or home.
 */
@Component({
  selector: 'cf-sign-in-page',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
})
export class SignInPage {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly sessionEnded = this.query.get('reason') === SESSION_ENDED_REASON;
  protected readonly challenge = signal<MfaChallenge | null>(null);

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly feedback = formFeedback(this.form, 'sign-in', {
    email: { required: 'Enter your email address.' },
    password: { required: 'Enter your password.' },
  });

  protected readonly codeForm = this.fb.group({
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly codeFeedback = formFeedback(this.codeForm, 'sign-in', {
    code: { required: 'Enter the code.', minlength: 'Enter the 6-digit code or a recovery code.' },
  });

  protected submitPassword(): void {
    if (!this.feedback.start()) return;
    this.session.signIn(this.form.getRawValue()).subscribe({
      next: (response) => {
        this.feedback.succeed();
        if (isMfaChallenge(response)) this.askForCode(response);
        else this.continue();
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }

  protected submitCode(): void {
    const challenge = this.challenge();
    if (!challenge || !this.codeFeedback.start()) return;
    const code = this.codeForm.getRawValue().code.trim();
    this.session.completeSignIn({ challenge: challenge.challenge, code }).subscribe({
      next: () => {
        this.codeFeedback.succeed();
        this.continue();
      },
      error: (error: unknown) => {
        const failure = this.codeFeedback.fail(error);
        // The challenge expired or was used up: back to the first step, which says so.
        if (failure.code === IdentityErrorCode.MfaChallengeInvalid) this.startAgain(failure.message);
      },
    });
  }

  protected startAgain(message: string | null = null): void {
    this.challenge.set(null);
    this.codeForm.reset();
    this.codeFeedback.reset();
    this.form.controls.password.reset();
    this.feedback.reset();
    this.feedback.error.set(message);
    this.focus('sign-in-password');
  }

  private askForCode(challenge: MfaChallenge): void {
    this.challenge.set(challenge);
    this.focus('sign-in-code');
  }

  private continue(): void {
    void this.router.navigateByUrl(safeNextUrl(this.query.get('next')) ?? '/');
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
