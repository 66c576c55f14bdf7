import type { HttpErrorResponse } from '@angular/common/http';
import { isErrorBody } from '@confer/shared/contracts';

/** The sentence to show a person for a failed call: the service's own message when it sent one. */
export function errorMessage(error: HttpErrorResponse): string {
  const body = parseBody(error.error);
  if (isErrorBody(body)) return body.message;
  if (error.status === 0) return "Confer can't be reached. Check your connection and try again.";
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'That request could not be completed.';
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
