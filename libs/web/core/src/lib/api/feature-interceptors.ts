import { EnvironmentInjector, inject, InjectionToken, runInInjectionContext, type Provider } from '@angular/core';
import type { HttpHandlerFn, HttpInterceptorFn } from '@angular/common/http';

/**
 * Interceptors that a feature registers from its own provide function (e.g. `provideConferAuth()`)
 * without owning HttpClient. provideConferCore runs them, in registration order, after the request-id
 * and error-toast interceptors: the toast sees only a request's final outcome, so a 401 that a
 * feature answers with a refresh and a retry never shows.
 */
export const FEATURE_INTERCEPTORS = new InjectionToken<readonly HttpInterceptorFn[]>('FEATURE_INTERCEPTORS');

export function provideFeatureInterceptor(interceptor: HttpInterceptorFn): Provider {
  return { provide: FEATURE_INTERCEPTORS, useValue: interceptor, multi: true };
}

/** Runs every FEATURE_INTERCEPTORS entry, each in the injection context Angular gives its own interceptors. */
export const featureInterceptors: HttpInterceptorFn = (req, next) => {
  const interceptors = inject(FEATURE_INTERCEPTORS, { optional: true }) ?? [];
  if (interceptors.length === 0) return next(req);
  const injector = inject(EnvironmentInjector);
  const chain = interceptors.reduceRight<HttpHandlerFn>(
    (handler, interceptor) => (request) => runInInjectionContext(injector, () => interceptor(request, handler)),
    next,
  );
  return chain(req);
};
