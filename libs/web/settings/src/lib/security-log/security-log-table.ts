import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import type { SecurityLogEntry } from '@confer/identity/contracts';
import { SecurityLogApi, type SecurityLogScope } from './security-log-api';
import { securityEventLabel } from './security-event-label';
import { utcTime } from './utc-time';

/** The security log as a table, newest first, with "Load more" for older entries. */
@Component({
  selector: 'cf-security-log-table',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './security-log-table.html',
})
export class SecurityLogTable implements OnInit {
  private readonly api = inject(SecurityLogApi);

  /** 'mine' for a person's own log; 'all' for the platform log of admins (adds the account column). */
  readonly scope = input<SecurityLogScope>('mine');
  /** Caption, read out as the table's name. */
  readonly caption = input('Security log');

  protected readonly entries = signal<readonly SecurityLogEntry[]>([]);
  protected readonly next = signal<string | undefined>(undefined);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly loaded = signal(false);
  protected readonly label = securityEventLabel;
  protected readonly utc = utcTime;

  ngOnInit(): void {
    this.load();
  }

  protected load(cursor?: string): void {
    if (this.loading()) return;
    this.loading.set(true);
    this.failed.set(false);
    this.api.page(this.scope(), cursor).subscribe({
      next: (page) => {
        this.entries.update((entries) => (cursor ? [...entries, ...page.items] : page.items));
        this.next.set(page.next);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => {
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }

  protected detail(entry: SecurityLogEntry): string {
    return Object.entries(entry.details)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ');
  }
}
