import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { catchError, firstValueFrom } from 'rxjs';
import { errorToastInterceptor } from '../errors/error-toast.interceptor';
import { ToastService } from '../toast/toast.service';
import { API_BASES } from './api-bases';
import { featureInterceptors, provideFeatureInterceptor } from './feature-interceptors';

/** Retries a 401 once with another header, reading a root service to prove it runs in an injection context. */
const retryOnce: HttpInterceptorFn = (req, next) => {
  const bases = inject(API_BASES);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) throw error;
      return next(req.clone({ setHeaders: { 'x-retried-for': bases.identity } }));
    }),
  );
};

describe('featureInterceptors', () => {
  it('runs a feature interceptor inside the error toast, so a failure it recovers from shows no toast', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorToastInterceptor, featureInterceptors])),
        provideHttpClientTesting(),
        provideFeatureInterceptor(retryOnce),
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const call = firstValueFrom(TestBed.inject(HttpClient).get('/api/meetings/m1'));
    backend.expectOne('/api/meetings/m1').flush({ code: 'UNAUTHENTICATED', message: 'Sign in again.' }, { status: 401, statusText: 'Unauthorized' });
    const retry = backend.expectOne('/api/meetings/m1');
    expect(retry.request.headers.get('x-retried-for')).toBe('/api/identity');
    retry.flush({ id: 'm1' });
    await expect(call).resolves.toEqual({ id: 'm1' });
    expect(TestBed.inject(ToastService).toasts()).toEqual([]);
    backend.verify();
  });
});
