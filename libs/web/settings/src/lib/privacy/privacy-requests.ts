import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import type { PrivacyRequestView } from '@confer/identity/contracts';
import { isPrivacyRequestActive } from '@confer/web/auth';
import { PrivacyApi } from './privacy-api';

/** How often the list is read again while a request is queued or running. */
export const PRIVACY_POLL_MS = 2_000;

/**
 * The person's privacy requests, shared by the sections of the privacy page (provided by the page, so it
 * lives and dies with it). While a request is queued or running the list is read again every
 * PRIVACY_POLL_MS; polling stops once nothing is under way, and when the page goes.
 */
@Injectable()
export class PrivacyRequests {
  private readonly api = inject(PrivacyApi);
  private readonly list = signal<readonly PrivacyRequestView[] | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Subscription | undefined;
  private destroyed = false;

  /** null until the first load has answered. */
  readonly all = this.list.asReadonly();
  readonly exports = computed(() => this.list()?.filter((request) => request.kind === 'export') ?? null);
  /** A deletion whose mailed link has not been used yet. */
  readonly unconfirmedDeletion = computed(
    () => this.list()?.find((request) => request.kind === 'deletion' && request.status === 'awaiting_confirmation') ?? null,
  );
  readonly underWay = computed(() => this.list()?.some(isPrivacyRequestActive) ?? false);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearTimeout(this.timer);
      this.reading?.unsubscribe();
    });
  }

  load(): void {
    this.read(false);
  }

  /** A request the server has just answered with: shown at once (newest first), and followed if under way. */
  put(request: PrivacyRequestView): void {
    // A read already on its way may not know this request yet: it must not overwrite it.
    this.reading?.unsubscribe();
    this.list.update((list) => {
      const current = list ?? [];
      return current.some((existing) => existing.id === request.id)
        ? current.map((existing) => (existing.id === request.id ? request : existing))
        : [request, ...current];
    });
    this.schedule();
  }

  private read(silent: boolean): void {
    this.reading?.unsubscribe();
    this.reading = this.api.requests({ silent }).subscribe({
      next: (list) => {
        this.list.set(list);
        this.schedule();
      },
      // A poll that fails (offline for a moment) tries again; a failed first load has shown its toast.
      error: () => {
        if (silent) this.schedule();
      },
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.destroyed || !this.underWay()) return;
    this.timer = setTimeout(() => this.read(true), PRIVACY_POLL_MS);
  }
}
