import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, inject, Injector, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Subscription } from 'rxjs';
import { IdentityErrorCode, PRIVACY_LIMITS, type PrivacyRequestView } from '@confer/identity/contracts';
import { AccountApi } from '../account-api';
import { takeFragmentToken } from '../fragment-token';
import { readApiError } from '../forms/api-error';
import { PrivacyProgress } from '../privacy/privacy-progress';
import { privacyStatusLabel } from '../privacy/privacy-status';
import { AuthSession } from '../session/auth-session';

/** How often the deletion's progress is read while it runs. */
export const DELETION_POLL_MS = 2_000;

type Step =
  | { kind: 'missing' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ready' }
  | { kind: 'following'; request: PrivacyRequestView; note: string | null }
  | { kind: 'deleted' }
  | { kind: 'failed'; request: PrivacyRequestView };

/**
 * Opened from the mailed link `/account/delete#token=...`. Nothing happens on load (mail scanners open
 * links): the person reads the warning and presses the button. Then the page follows the deletion until
 * it is done. The link works without signing in, since it may be opened on another device.
 */
@Component({
  selector: 'cf-delete-account-page',
  imports: [PrivacyProgress, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './delete-account-page.html',
})
export class DeleteAccountPage {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly token = takeFragmentToken();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll: Subscription | undefined;

  protected readonly linkMinutes = PRIVACY_LIMITS.deletionLinkMinutes;
  protected readonly step = signal<Step>(this.token ? { kind: 'ready' } : { kind: 'missing' });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly statusLabel = privacyStatusLabel;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      this.poll?.unsubscribe();
    });
  }

  protected confirm(): void {
    const token = this.token;
    if (!token || this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    this.api.confirmDeletion({ token }).subscribe({
      next: (request) => {
        this.pending.set(false);
        // The server has just ended every session of the account: this tab's is gone too. Forgetting it
        // now (not only once the job is done) keeps a refresh from sending the person to sign in.
        this.session.forget();
        this.follow(token, request);
        afterNextRender(() => this.document.getElementById('delete-progress-title')?.focus(), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.pending.set(false);
        const failure = readApiError(error);
        if (failure.code === IdentityErrorCode.TokenInvalid) {
          this.step.set({ kind: 'invalid', message: 'This link is invalid or has expired.' });
        } else {
          this.error.set(failure.message);
        }
      },
    });
  }

  /** Shows where the deletion is, and reads it again in a moment until it has finished. */
  private follow(token: string, request: PrivacyRequestView, note: string | null = null): void {
    if (request.status === 'completed') {
      this.session.forget();
      this.step.set({ kind: 'deleted' });
      return;
    }
    if (request.status === 'failed') {
      this.step.set({ kind: 'failed', request });
      return;
    }
    this.step.set({ kind: 'following', request, note });
    this.timer = setTimeout(() => {
      this.poll = this.api.deletionStatus({ token }).subscribe({
        next: (latest) => this.follow(token, latest),
        error: (error: unknown) => {
          const failure = readApiError(error);
          // Offline or a hiccup on the server: the job goes on there, so keep asking.
          if (failure.status === 0 || failure.status === 429 || failure.status >= 500) {
            this.follow(token, request, "Confer can't be reached right now. The deletion goes on; this page keeps checking.");
          } else {
            this.step.set({ kind: 'following', request, note: `This page can no longer follow the deletion: ${failure.message} It goes on without this page.` });
          }
        },
      });
    }, DELETION_POLL_MS);
  }
}
