import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { HttpErrorResponse, type HttpEvent, type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { catchError, from, switchMap, throwError, type Observable } from 'rxjs';
import { API_BASES, isApiRequest, SILENT_ERRORS } from '@confer/web/core';
import { AuthSession } from './auth-session';

/** Identity calls that work without a session: no bearer, and their 401s mean what they say. */
const SESSIONLESS_PATHS = [
  'auth/register',
  'auth/verify-email',
  'auth/sign-in',
  'auth/sign-in/mfa',
  'auth/refresh',
  'auth/sign-out',
  'auth/forgot-password',
  'auth/reset-password',
  // The deletion link may be opened on any device, and confirming it ends every session of the account:
  // a stale token must not be sent, nor its 401 taken for this tab's session ending.
  'privacy/deletion/confirm',
  'privacy/deletion/status',
];

/**
 * Adds `Authorization: Bearer <access token>` to Confer API calls while signed in. When such a call
 * answers 401 (the token expired while the tab slept, or was revoked), it refreshes once and retries
 * once; if the session cannot be renewed, or the retry is refused too, the session-ended flow runs.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(AuthSession);
  const origin = inject(DOCUMENT).location.origin;
  const identity = inject(API_BASES).identity;
  const token = session.accessToken();
  if (!token || !isApiRequest(req.url, origin) || isSessionless(req.url, origin, identity)) return next(req);

  return next(withBearer(req, token)).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error)) return throwError(() => error);
      // Another call already renewed the token while this one was out: just retry with the new one.
      const current = session.accessToken();
      if (current && current !== token) return retry(req, next, current, session);
      return from(session.refresh()).pipe(
        switchMap((outcome) => {
          const fresh = session.accessToken();
          if (outcome === 'refreshed' && fresh) return retry(req, next, fresh, session);
          // 'ended' has already signed out and gone to the sign-in page, which says why: no toast too.
          if (outcome === 'ended') req.context.set(SILENT_ERRORS, true);
          return throwError(() => error);
        }),
      );
    }),
  );
};

function retry(req: HttpRequest<unknown>, next: HttpHandlerFn, token: string, session: AuthSession): Observable<HttpEvent<unknown>> {
  return next(withBearer(req, token)).pipe(
    catchError((error: unknown) => {
      if (isUnauthorized(error)) {
        // The context object is shared with the outer interceptors' view of this request.
        req.context.set(SILENT_ERRORS, true);
        session.endSession();
      }
      return throwError(() => error);
    }),
  );
}

function withBearer(req: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

function isUnauthorized(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && error.status === 401;
}

function isSessionless(url: string, origin: string, identityBase: string): boolean {
  const path = new URL(url, origin).pathname;
  return SESSIONLESS_PATHS.some((suffix) => path === `${identityBase}/${suffix}`);
}
