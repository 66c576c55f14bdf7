import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';
import { STATE_LABELS } from '../service-status';
import { SystemStatus } from '../system-status';

/** What each service does, in words that never name another service (rows are found by service name). */
const PURPOSES: Readonly<Record<ServiceName, string>> = {
  identity: 'Accounts and sign-in',
  meetings: 'Scheduling and rooms',
  chat: 'Messages during calls',
  recording: 'Saved calls',
  analytics: 'Usage reports',
};

/** "System status": one row per service with its state, a summary, and a Refresh button. */
@Component({
  selector: 'cf-status-page',
  imports: [DatePipe],
  providers: [SystemStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './status-page.html',
  styleUrl: './status-page.css',
})
export class StatusPage implements OnInit {
  protected readonly status = inject(SystemStatus);
  protected readonly labels = STATE_LABELS;
  protected readonly purposes = PURPOSES;

  protected readonly allOperational = computed(() => !this.status.checking() && this.status.needAttention() === 0);

  protected readonly summary = computed(() => {
    if (this.status.checking()) return 'Checking services…';
    return this.allOperational()
      ? 'All systems operational'
      : `${this.status.needAttention()} of ${SERVICE_NAMES.length} services need attention`;
  });

  ngOnInit(): void {
    this.status.refresh();
  }
}
