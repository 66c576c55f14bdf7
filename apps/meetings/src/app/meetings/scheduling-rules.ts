import {
  DEFAULT_MEETING_SETTINGS,
  MeetingsErrorCode,
  type InviteeRef,
  type MeetingListEntry,
  type ScheduleRole,
  type MeetingSettings,
  type RecurrenceRule,
} from '@confer/meetings/contracts';
import {
  expandOccurrences,
  InvalidRecurrenceError,
  occurrenceIdOf,
  parseRrule,
  toRrule,
  validateRecurrence,
  type CalendarMeeting,
} from '@confer/meetings/domain';
import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { toView, type MeetingRecord } from './meeting.repository';
import type { StoredOverride } from './occurrence-override.repository';

/** Framework-free rules of scheduling: recurrence input, settings, invitee lists and list expansion. */

/**
 * The RRULE to store for a request that gives a rule, an RRULE, or neither (undefined: unchanged,
 * null: does not repeat). Throws InvalidRecurrenceError (400 RECURRENCE_INVALID) with field errors.
 */
export function resolveRrule(
  input: { recurrence?: RecurrenceRule | null; rrule?: string | null },
  start: { startsAt: string; timeZone: string; scheduled: boolean },
): string | null | undefined {
  if (input.recurrence !== undefined && input.rrule !== undefined) {
    throw new InvalidRecurrenceError([{ field: 'frequency', code: 'conflict', message: 'Give either recurrence or rrule, not both.' }]);
  }
  const given = input.recurrence !== undefined ? input.recurrence : input.rrule;
  if (given === undefined || given === null) return given;
  if (!start.scheduled) {
    throw new InvalidRecurrenceError([{ field: 'startsAt', code: 'required', message: 'A repeating meeting needs a start time.' }]);
  }
  const rule = typeof given === 'string' ? parseRrule(given, start.timeZone) : given;
  const errors = validateRecurrence(rule, start);
  if (errors.length > 0) throw new InvalidRecurrenceError(errors);
  return toRrule(rule, start.timeZone);
}

/** A new meeting's settings: what the request says, over the host's defaults, over Confer's. */
export function resolveSettings(hostDefaults: Partial<MeetingSettings>, requested: Partial<MeetingSettings> | undefined): MeetingSettings {
  const known = (source: Partial<MeetingSettings> | undefined) =>
    Object.fromEntries(Object.entries(source ?? {}).filter(([key, value]) => key in DEFAULT_MEETING_SETTINGS && value !== undefined));
  return { ...DEFAULT_MEETING_SETTINGS, ...known(hostDefaults), ...known(requested) } as MeetingSettings;
}

export interface NormalizedInvitees {
  userIds: string[];
  emails: string[];
}

/** Each invitee is either a user id or an address; duplicates and the host's own id are dropped. */
export function normalizeInvitees(refs: readonly InviteeRef[], hostId: string): NormalizedInvitees {
  const problems: string[] = [];
  const userIds = new Set<string>();
  const emails = new Set<string>();
  refs.forEach((ref, index) => {
    const hasUser = typeof ref.userId === 'string';
    const hasEmail = typeof ref.email === 'string';
    if (hasUser === hasEmail) problems.push(`invitees.${index}: give either userId or email.`);
    else if (hasUser && ref.userId !== hostId) userIds.add(ref.userId as string);
    else if (hasEmail) emails.add((ref.email as string).trim().toLowerCase());
  });
  if (problems.length > 0) {
    throw new DomainError(CommonErrorCode.ValidationFailed, 'invalid', 'The request is not valid.', {
      fields: [{ field: 'invitees', problems }],
    });
  }
  return { userIds: [...userIds], emails: [...emails] };
}

export function unknownInvitees(ids: readonly string[]): DomainError {
  return new DomainError(MeetingsErrorCode.InviteeUnknown, 'invalid', 'Some invitees are not Confer accounts.', { userIds: ids });
}

/** The series as the calendar library wants it, with its per-occurrence changes. */
export function calendarMeetingOf(meeting: MeetingRecord, overrides: readonly StoredOverride[], joinUrl: string): CalendarMeeting {
  return {
    uid: `${meeting.id}@confer`,
    sequence: meeting.sequence,
    title: meeting.title,
    description: [meeting.description, `Join: ${joinUrl}`].filter(Boolean).join('\n\n'),
    joinUrl,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    ...(meeting.rrule ? { recurrence: meeting.rrule, overrides: overrides.filter((o) => o.meetingId === meeting.id) } : {}),
  };
}

/**
 * List entries for [from, to): a one-off meeting as itself, a series as its occurrences there, with
 * moved or renamed occurrences applied and cancelled ones left out. Soonest first.
 */
export function expandEntries(
  meetings: readonly { record: MeetingRecord; role: ScheduleRole }[],
  overrides: readonly StoredOverride[],
  from: Date,
  to: Date,
): MeetingListEntry[] {
  const entries: MeetingListEntry[] = [];
  for (const { record, role } of meetings) {
    const base = { ...toView(record), role };
    if (!record.rrule) {
      entries.push({ ...base, occurrenceId: null });
      continue;
    }
    const mine = new Map(overrides.filter((o) => o.meetingId === record.id).map((o) => [o.occurrenceId, o]));
    const rule = parseRrule(record.rrule, record.timeZone);
    // A moved occurrence may move into the window from outside it: look a day further each side.
    const margin = 2 * 86_400_000;
    const starts = expandOccurrences({ rule, startsAt: record.startsAt, timeZone: record.timeZone, from: new Date(from.getTime() - margin), to: new Date(to.getTime() + margin) });
    for (const start of starts) {
      const occurrenceId = occurrenceIdOf(start);
      const override = mine.get(occurrenceId);
      if (override?.cancelled) continue;
      const startsAt = override ? new Date(override.startsAt) : start;
      const durationMinutes = override?.durationMinutes ?? record.durationMinutes;
      if (startsAt.getTime() + durationMinutes * 60_000 <= from.getTime() || startsAt >= to) continue;
      entries.push({ ...base, occurrenceId, startsAt: startsAt.toISOString(), durationMinutes, title: override?.title ?? record.title });
    }
  }
  return entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
