import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '@confer/web/auth';
import { SecurityLogTable } from '../security-log/security-log-table';
import { ChangePasswordForm } from './change-password/change-password-form';
import { MfaSection } from './mfa/mfa-section';
import { SecurityApi } from './security-api';
import { SessionsSection } from './sessions/sessions-section';

/**
 * /settings/security: email confirmation, password, two-step sign-in, sessions and the security log,
 * and a pointer to /settings/privacy.
 */
@Component({
  selector: 'cf-security-page',
  imports: [ChangePasswordForm, MfaSection, RouterLink, SessionsSection, SecurityLogTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './security-page.html',
})
export class SecurityPage {
  private readonly api = inject(SecurityApi);
  protected readonly session = inject(AuthSession);
  private readonly sessions = viewChild.required(SessionsSection);

  protected readonly resent = signal<string | null>(null);
  protected readonly resending = signal(false);

  protected resendVerification(): void {
    this.resending.set(true);
    this.api.resendVerification().subscribe({
      next: (response) => {
        this.resending.set(false);
        this.resent.set(response.message);
      },
      error: () => this.resending.set(false),
    });
  }

  /** A password change signed the other sessions out: show the list as it is now. */
  protected passwordChanged(): void {
    this.sessions().reload();
  }
}
