import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AccountApi } from '../account-api';
import { takeFragmentToken } from '../fragment-token';
import { readApiError } from '../forms/api-error';
import { AuthSession } from '../session/auth-session';

type Step = { kind: 'verifying' } | { kind: 'verified' } | { kind: 'failed'; message: string };

/** Opened from the mailed link `/verify-email#token=...`: confirms the address at once. */
@Component({
  selector: 'cf-verify-email-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verify-email-page.html',
})
export class VerifyEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  protected readonly session = inject(AuthSession);
  private readonly token = takeFragmentToken();
  protected readonly step = signal<Step>(
    this.token ? { kind: 'verifying' } : { kind: 'failed', message: 'This link is incomplete. Open the link from the mail again.' },
  );

  ngOnInit(): void {
    if (!this.token) return;
    this.api.verifyEmail({ token: this.token }).subscribe({
      next: () => {
        this.step.set({ kind: 'verified' });
        if (this.session.isSignedIn()) void this.session.reloadUser().catch(() => undefined);
      },
      error: (error: unknown) => this.step.set({ kind: 'failed', message: readApiError(error).message }),
    });
  }
}
