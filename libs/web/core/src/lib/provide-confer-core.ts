import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { errorToastInterceptor } from './errors/error-toast.interceptor';
import { requestIdInterceptor } from './request-id/request-id.interceptor';

/** HttpClient on fetch, with a request id on every API call and a toast for every unhandled failure. */
export function provideConferCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([requestIdInterceptor, errorToastInterceptor])),
  ]);
}
