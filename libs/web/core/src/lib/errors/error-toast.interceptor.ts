import { inject } from '@angular/core';
import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { catchError, throwError } from 'rxjs';
import { ToastService } from '../toast/toast.service';
import { errorMessage } from './error-message';
import { SILENT_ERRORS } from './silent-errors';

/** Shows a toast for every failed HTTP call, unless the request opted out with SILENT_ERRORS. */
export const errorToastInterceptor: HttpInterceptorFn = (req, next) => {
  const toasts = inject(ToastService);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !req.context.get(SILENT_ERRORS)) {
        toasts.error(errorMessage(error));
      }
      return throwError(() => error);
    }),
  );
};
