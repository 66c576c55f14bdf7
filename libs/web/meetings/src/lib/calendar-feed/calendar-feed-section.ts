import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { copyText } from '../clipboard';
import { MeetingsApi } from '../meetings-api';

/**
 * "Calendar feed": a secret URL a calendar app subscribes to (your hosted and invited meetings). The
 * URL is shown once, when made; making a new one stops the old one, and "Turn off the feed" stops it.
 * Failures are explained by the error toast.
 */
@Component({
  selector: 'cf-calendar-feed-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feed-section.html',
})
export class CalendarFeedSection {
  private readonly api = inject(MeetingsApi);
  private readonly document = inject(DOCUMENT);

  protected readonly url = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly status = signal('');

  protected create(): void {
    if (this.pending()) return;
    const replacing = this.url() !== null;
    this.pending.set(true);
    this.status.set('');
    this.api.createCalendarFeed().subscribe({
      next: (feed) => {
        this.pending.set(false);
        this.url.set(feed.url);
        this.status.set(replacing ? 'New feed link made. The previous one no longer works.' : 'Feed link made. Copy it now: it is shown only once.');
      },
      error: () => this.pending.set(false),
    });
  }

  protected revoke(): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.status.set('');
    this.api.revokeCalendarFeed().subscribe({
      next: () => {
        this.pending.set(false);
        this.url.set(null);
        this.status.set('Your calendar feed is turned off. Its link no longer works.');
      },
      error: () => this.pending.set(false),
    });
  }

  protected async copy(url: string): Promise<void> {
    const copied = await copyText(this.document, url);
    this.status.set(copied ? 'Feed link copied' : 'Could not copy. Select the link and copy it.');
  }
}
