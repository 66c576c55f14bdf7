import { HttpErrorResponse } from '@angular/common/http';
import { type ApiError, readApiError } from '@confer/web/auth';

/**
 * readApiError for a call made with `responseType: 'blob'`: its error body arrives as a Blob too, so the
 * JSON `{ code, message }` is read out of it first.
 */
export async function readBlobApiError(error: unknown): Promise<ApiError> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return readApiError(error);
  let body: unknown = null;
  try {
    body = JSON.parse(await error.error.text());
  } catch {
    // Not JSON (a proxy's HTML page): the status alone will have to do.
  }
  return readApiError(new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText, url: error.url ?? undefined }));
}
