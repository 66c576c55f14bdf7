import { makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { featureInterceptors } from './api/feature-interceptors';
import { errorToastInterceptor } from './errors/error-toast.interceptor';
import { requestIdInterceptor } from './request-id/request-id.interceptor';

/**
 * HttpClient on fetch, with a request id on every API call and a toast for every unhandled failure.
 * Features add their own interceptors with provideFeatureInterceptor; they run innermost.
 */
export function provideConferCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([requestIdInterceptor, errorToastInterceptor, featureInterceptors])),
  ]);
}
