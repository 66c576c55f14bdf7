import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import type { HttpInterceptorFn } from '@angular/common/http';
import { REQUEST_ID_HEADER } from '@confer/shared/contracts';
import { isApiRequest } from '../api/is-api-request';
import { newRequestId } from './new-request-id';

/** Gives every API call its own x-request-id, so one click can be followed through the services' logs. */
export const requestIdInterceptor: HttpInterceptorFn = (req, next) => {
  const origin = inject(DOCUMENT).location.origin;
  if (!isApiRequest(req.url, origin) || req.headers.has(REQUEST_ID_HEADER)) {
    return next(req);
  }
  return next(req.clone({ setHeaders: { [REQUEST_ID_HEADER]: newRequestId() } }));
};
