import { HttpClient, HttpContext } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { catchError, map, merge, type Observable, of, type Subscription, timeout } from 'rxjs';
import { SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';
import { checking, statusFromBody, statusFromError, type ServiceStatus } from './service-status';

const TIMEOUT_SECONDS = 8;

function allChecking(): Record<ServiceName, ServiceStatus> {
  return Object.fromEntries(SERVICE_NAMES.map((service) => [service, checking(service)])) as Record<
    ServiceName,
    ServiceStatus
  >;
}

/** Asks every service for its health report, in parallel; each row updates as its answer arrives. */
@Injectable()
export class SystemStatus {
  private readonly http = inject(HttpClient);
  private readonly bases = inject(API_BASES);
  private readonly byService = signal(allChecking());
  private running?: Subscription;

  readonly services = computed(() => SERVICE_NAMES.map((service) => this.byService()[service]));
  readonly checking = computed(() => this.services().some((status) => status.state === 'checking'));
  readonly needAttention = computed(
    () => this.services().filter((status) => status.state === 'degraded' || status.state === 'unreachable').length,
  );
  readonly checkedAt = signal<Date | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  refresh(): void {
    this.running?.unsubscribe();
    this.byService.set(allChecking());
    this.running = merge(...SERVICE_NAMES.map((service) => this.check(service))).subscribe({
      next: (status) => this.byService.update((current) => ({ ...current, [status.service]: status })),
      complete: () => this.checkedAt.set(new Date()),
    });
  }

  private check(service: ServiceName): Observable<ServiceStatus> {
    // The page shows failures itself, so no toast.
    const context = new HttpContext().set(SILENT_ERRORS, true);
    return this.http.get<unknown>(`${this.bases[service]}/health`, { context }).pipe(
      timeout(TIMEOUT_SECONDS * 1000),
      map((body) => statusFromBody(service, body)),
      catchError((error: unknown) => of(statusFromError(service, error, TIMEOUT_SECONDS))),
    );
  }
}
