import { HttpErrorResponse } from '@angular/common/http';
import { MeetingsErrorCode, type RecurrenceFieldError } from '@confer/meetings/contracts';
import { isErrorBody } from '@confer/shared/contracts';

interface FieldProblems {
  field: string;
  problems: string[];
}

const RECURRENCE_TOP_LEVEL = new Set(['startsAt', 'timeZone']);

/**
 * A failed save, with its field problems named after the form's controls so that FormFeedback puts
 * them beside their fields:
 * - `RECURRENCE_INVALID` lists RecurrenceFieldError (`details: [{ field, code, message }]`); its fields
 *   are those of the rule (`interval` → `recurrence.interval`), except `startsAt` and `timeZone`.
 * - a validation error on one invitee (`invitees.2.email`) goes to the invitees box, naming the address.
 * Anything else is returned as it came.
 */
export function placeScheduleErrors(error: unknown, invitees: readonly string[]): unknown {
  if (!(error instanceof HttpErrorResponse) || !isErrorBody(error.error)) return error;
  const body = error.error;
  let fields: FieldProblems[] | null = null;
  if (body.code === MeetingsErrorCode.RecurrenceInvalid && Array.isArray(body.details)) {
    fields = (body.details as RecurrenceFieldError[]).map(({ field, message }) => ({
      field: RECURRENCE_TOP_LEVEL.has(field) ? field : `recurrence.${field}`,
      problems: [message],
    }));
  } else {
    const given = (body.details as { fields?: unknown } | undefined)?.fields;
    if (Array.isArray(given)) fields = (given as FieldProblems[]).map((entry) => placeInviteeProblem(entry, invitees));
  }
  if (!fields) return error;
  return new HttpErrorResponse({
    error: { ...body, details: { fields } },
    status: error.status,
    statusText: error.statusText,
    url: error.url ?? undefined,
  });
}

function placeInviteeProblem(entry: FieldProblems, invitees: readonly string[]): FieldProblems {
  const match = /^invitees\.(\d+)(\.|$)/.exec(String(entry.field));
  if (!match) return entry;
  const address = invitees[Number(match[1])];
  const problems = Array.isArray(entry.problems) ? entry.problems : [];
  return { field: 'invitees', problems: address ? [`${address}: ${problems.join(' ')}`] : problems };
}
