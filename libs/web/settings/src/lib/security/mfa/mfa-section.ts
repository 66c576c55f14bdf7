import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { MfaEnrollment } from '@confer/identity/contracts';
import { AuthSession, formFeedback } from '@confer/web/auth';
import { SecurityApi } from '../security-api';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { svgDataUrl } from './svg-data-url';
import { FieldControl, FieldError } from '@confer/web/auth';

const CODE_SENTENCES = { required: 'Enter the code.', minlength: 'Enter the 6-digit code.', maxlength: 'Enter the 6-digit code.' };

/**
 * Two-step sign-in (TOTP): turn it on (scan the QR code or type the key, confirm with a code, save the
 * recovery codes) or off (password and a code).
 */
@Component({
  selector: 'cf-mfa-section',
  imports: [FieldControl, FieldError, ReactiveFormsModule, RecoveryCodesPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mfa-section.html',
})
export class MfaSection {
  private readonly api = inject(SecurityApi);
  private readonly session = inject(AuthSession);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly enabled = computed(() => this.session.user()?.mfaEnabled ?? false);
  protected readonly enrollment = signal<MfaEnrollment | null>(null);
  protected readonly qrSrc = computed(() => {
    const enrollment = this.enrollment();
    return enrollment ? svgDataUrl(enrollment.qrSvg) : null;
  });
  protected readonly recoveryCodes = signal<readonly string[] | null>(null);
  protected readonly starting = signal(false);
  protected readonly notice = signal<string | null>(null);

  protected readonly confirmForm = this.fb.group({
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly confirmFeedback = formFeedback(this.confirmForm, 'mfa-confirm', { code: CODE_SENTENCES });

  protected readonly disableForm = this.fb.group({
    password: ['', Validators.required],
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(32)]],
  });
  protected readonly disableFeedback = formFeedback(this.disableForm, 'mfa-disable', {
    password: { required: 'Enter your password.' },
    code: { required: 'Enter a code from your authenticator app or a recovery code.', minlength: 'Enter the 6-digit code or a recovery code.' },
  });

  protected start(): void {
    this.notice.set(null);
    this.starting.set(true);
    this.api.enrollMfa().subscribe({
      next: (enrollment) => {
        this.starting.set(false);
        this.enrollment.set(enrollment);
        this.focus(this.confirmFeedback.id('code'));
      },
      error: () => this.starting.set(false),
    });
  }

  protected cancel(): void {
    this.enrollment.set(null);
    this.confirmForm.reset();
    this.confirmFeedback.reset();
    this.focus('mfa-start');
  }

  protected confirm(): void {
    if (!this.confirmFeedback.start()) return;
    this.api.confirmMfa(this.confirmForm.getRawValue().code.trim()).subscribe({
      next: ({ recoveryCodes }) => {
        this.confirmFeedback.succeed();
        this.confirmForm.reset();
        this.enrollment.set(null);
        this.recoveryCodes.set(recoveryCodes);
        void this.session.reloadUser().catch(() => undefined);
      },
      error: (error: unknown) => this.confirmFeedback.fail(error),
    });
  }

  protected codesSaved(): void {
    this.recoveryCodes.set(null);
    this.notice.set('Two-step sign-in is on.');
  }

  protected disable(): void {
    if (!this.disableFeedback.start()) return;
    const { password, code } = this.disableForm.getRawValue();
    this.api.disableMfa({ password, code: code.trim() }).subscribe({
      next: () => {
        this.disableFeedback.succeed();
        this.disableForm.reset();
        this.notice.set('Two-step sign-in is off.');
        void this.session.reloadUser().catch(() => undefined);
      },
      error: (error: unknown) => this.disableFeedback.fail(error),
    });
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
