import { InjectionToken } from '@angular/core';
import { apiBase, SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';

/** Base path of each service's API. Same-origin and relative: the edge (or CloudFront) routes /api/<service>. */
export type ApiBases = Readonly<Record<ServiceName, string>>;

export function defaultApiBases(): ApiBases {
  return Object.fromEntries(SERVICE_NAMES.map((service) => [service, apiBase(service)])) as Record<
    ServiceName,
    string
  >;
}

/** Inject to build API URLs: `${inject(API_BASES).meetings}/meetings`. Override in tests or odd deployments. */
export const API_BASES = new InjectionToken<ApiBases>('API_BASES', {
  providedIn: 'root',
  factory: defaultApiBases,
});
