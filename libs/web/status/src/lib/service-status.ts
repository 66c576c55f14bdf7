import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';
import { isErrorBody, type ServiceName } from '@confer/shared/contracts';
import { isHealthReport, type HealthReport } from '@confer/shared/contracts';

export type ServiceState = 'checking' | 'operational' | 'degraded' | 'unreachable';

/** What the status page shows for one service. */
export interface ServiceStatus {
  readonly service: ServiceName;
  readonly state: ServiceState;
  readonly detail: string;
}

export const STATE_LABELS: Readonly<Record<ServiceState, string>> = {
  checking: 'Checking…',
  operational: 'Operational',
  degraded: 'Degraded',
  unreachable: 'Unreachable',
};

export function checking(service: ServiceName): ServiceStatus {
  return { service, state: 'checking', detail: '' };
}

/** Ready: operational. Live but not ready: degraded, naming the dependencies that are down. */
export function statusFromReport(service: ServiceName, report: HealthReport): ServiceStatus {
  if (report.ready) {
    return { service, state: 'operational', detail: `Version ${report.version}, up ${uptime(report.uptimeSeconds)}` };
  }
  const down = Object.entries(report.checks)
    .filter(([, check]) => check.status === 'down')
    .map(([name]) => name);
  const detail = down.length > 0 ? `${joinNames(down)} ${down.length > 1 ? 'are' : 'is'} down` : 'Not ready yet';
  return { service, state: report.live ? 'degraded' : 'unreachable', detail };
}

/** A successful answer that is not a health report means something else answered. */
export function statusFromBody(service: ServiceName, body: unknown): ServiceStatus {
  return isHealthReport(body)
    ? statusFromReport(service, body)
    : { service, state: 'unreachable', detail: 'The answer was not a health report.' };
}

/** A 503 carrying a health report is still a readable report; anything else means unreachable. */
export function statusFromError(service: ServiceName, error: unknown, timeoutSeconds: number): ServiceStatus {
  if (error instanceof TimeoutError) {
    return { service, state: 'unreachable', detail: `No answer within ${timeoutSeconds} seconds.` };
  }
  if (!(error instanceof HttpErrorResponse)) {
    return { service, state: 'unreachable', detail: 'The check failed.' };
  }
  if (isHealthReport(error.error)) return statusFromReport(service, error.error);
  if (isErrorBody(error.error)) return { service, state: 'unreachable', detail: error.error.message };
  const detail = error.status === 0 ? 'No answer from the server.' : `No health report (HTTP ${error.status}).`;
  return { service, state: 'unreachable', detail };
}

function joinNames(names: string[]): string {
  const [first = '', ...rest] = names;
  const sentence = rest.length === 0 ? first : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function uptime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return 'less than a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}
