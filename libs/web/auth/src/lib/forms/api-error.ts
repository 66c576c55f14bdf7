import { HttpErrorResponse } from '@angular/common/http';
import { isErrorBody } from '@confer/shared/contracts';
import { errorMessage } from '@confer/web/core';

/** A failed API call, read for a form: its code, its sentence, and the problems of each field. */
export interface ApiError {
  readonly status: number;
  /** The service's error code (`MFA_REQUIRED`), or '' when the answer carried none. */
  readonly code: string;
  readonly message: string;
  /** `details.fields` of a validation error, by field name. */
  readonly fields: ReadonlyMap<string, readonly string[]>;
}

export function readApiError(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: '', message: 'Something went wrong. Please try again.', fields: new Map() };
  }
  const body: unknown = error.error;
  return {
    status: error.status,
    code: isErrorBody(body) ? body.code : '',
    message: errorMessage(error),
    fields: isErrorBody(body) ? fieldProblems(body.details) : new Map(),
  };
}

function fieldProblems(details: unknown): Map<string, string[]> {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  const byField = new Map<string, string[]>();
  if (!Array.isArray(fields)) return byField;
  for (const entry of fields as unknown[]) {
    const { field, problems } = (entry ?? {}) as { field?: unknown; problems?: unknown };
    if (typeof field !== 'string' || !Array.isArray(problems)) continue;
    const texts = problems.filter((problem): problem is string => typeof problem === 'string');
    byField.set(field, [...(byField.get(field) ?? []), ...texts]);
  }
  return byField;
}
