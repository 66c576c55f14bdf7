import {
  WEEKDAYS,
  type InviteeRef,
  type MeetingSettings,
  type RecurrenceRule,
  type ScheduledMeetingView,
  type ScheduleMeetingRequest,
  type UpdateMeetingRequest,
  type Weekday,
} from '@confer/meetings/contracts';
import { instantOf, localDateTimeOf, weekdayOfDate } from '../wall-clock';
import { inviteeAddresses, noWeekdays, type RecurrenceFormValue, type ScheduleFormValue } from './schedule-form';

/** `POST /meetings` for the form of a new meeting. Every setting is sent: what the form shows is what is saved. */
export function scheduleRequest(value: ScheduleFormValue): ScheduleMeetingRequest {
  const request: ScheduleMeetingRequest = {
    title: value.title.trim(),
    description: value.description.trim(),
    startsAt: startInstant(value),
    durationMinutes: value.durationMinutes ?? undefined,
    timeZone: value.timeZone,
    settings: settingsOf(value),
  };
  const recurrence = recurrenceRule(value.recurrence);
  if (recurrence) request.recurrence = recurrence;
  if (value.passcodeChoice === 'set') request.passcode = value.passcode;
  const invitees = inviteeAddresses(value.invitees);
  if (invitees.length > 0) request.invitees = invitees.map((email) => ({ email }));
  return request;
}

/**
 * `PATCH /meetings/:code` with only what changed against the saved meeting, so an untouched start or
 * rule keeps the per-occurrence changes of a series. Empty when nothing changed.
 */
export function updateRequest(value: ScheduleFormValue, saved: ScheduledMeetingView): UpdateMeetingRequest {
  const request: UpdateMeetingRequest = {};
  const title = value.title.trim();
  const description = value.description.trim();
  if (title !== saved.title) request.title = title;
  if (description !== saved.description) request.description = description;

  const startsAt = startInstant(value);
  const moved = new Date(startsAt).getTime() !== new Date(saved.startsAt).getTime();
  if (moved) request.startsAt = startsAt;
  if (value.timeZone !== saved.timeZone) request.timeZone = value.timeZone;
  if (value.durationMinutes !== null && value.durationMinutes !== saved.durationMinutes) request.durationMinutes = value.durationMinutes;

  // A rule is sent again when the start or zone moved, so the server checks it against the new start.
  const rule = recurrenceRule(value.recurrence);
  const savedRule = saved.recurrence;
  if (rule === undefined && savedRule !== null) request.recurrence = null;
  if (rule !== undefined) {
    const startChanged = moved || request.timeZone !== undefined;
    const savedStartDay = weekdayOfDate(localDateTimeOf(saved.startsAt, saved.timeZone));
    if (startChanged || savedRule === null || canonical(rule, null) !== canonical(savedRule, savedStartDay)) request.recurrence = rule;
  }

  const settings = settingsOf(value);
  const changedSettings = (Object.keys(settings) as (keyof MeetingSettings)[]).filter((key) => settings[key] !== saved.settings[key]);
  if (changedSettings.length > 0) request.settings = Object.fromEntries(changedSettings.map((key) => [key, settings[key]]));

  if (value.passcodeChoice === 'set') request.passcode = value.passcode;
  if (value.passcodeChoice === 'remove' && saved.hasPasscode) request.passcode = null;

  const invitees = inviteeRefs(inviteeAddresses(value.invitees), saved);
  const before = new Set(saved.invitees.map((invitee) => invitee.email?.toLowerCase()));
  const after = new Set(inviteeAddresses(value.invitees).map((email) => email.toLowerCase()));
  if (before.size !== after.size || [...after].some((email) => !before.has(email))) request.invitees = invitees;
  return request;
}

/** The form showing a saved meeting, for editing: its wall clock and rule in its own zone. */
export function formValueOf(meeting: ScheduledMeetingView): ScheduleFormValue {
  const startsAt = localDateTimeOf(meeting.startsAt, meeting.timeZone);
  return {
    title: meeting.title,
    description: meeting.description,
    startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    recurrence: recurrenceFormValue(meeting.recurrence, weekdayOfDate(startsAt)),
    settings: { ...meeting.settings },
    passcodeChoice: 'keep',
    passcode: '',
    invitees: meeting.invitees
      .map((invitee) => invitee.email)
      .filter((email): email is string => email !== null)
      .join('\n'),
  };
}

/** The RecurrenceRule of the form's "Repeats" section; undefined for a meeting that does not repeat. */
export function recurrenceRule(value: RecurrenceFormValue): RecurrenceRule | undefined {
  if (value.frequency === 'none') return undefined;
  const rule: RecurrenceRule = { frequency: value.frequency, interval: value.interval ?? 1 };
  if (value.frequency === 'weekly') rule.weekdays = WEEKDAYS.filter((day) => value.weekdays[day]);
  if (value.ends === 'count' && value.count !== null) rule.count = value.count;
  if (value.ends === 'until' && value.until !== '') rule.until = value.until;
  return rule;
}

function recurrenceFormValue(rule: RecurrenceRule | null, startDay: Weekday | null): RecurrenceFormValue {
  const weekdays = noWeekdays();
  // A weekly rule without days repeats on the weekday of the start.
  const days = rule?.weekdays?.length ? rule.weekdays : startDay && rule?.frequency === 'weekly' ? [startDay] : [];
  for (const day of days) weekdays[day] = true;
  return {
    frequency: rule?.frequency ?? 'none',
    interval: rule?.interval ?? 1,
    weekdays,
    ends: rule?.count !== undefined ? 'count' : rule?.until !== undefined ? 'until' : 'never',
    count: rule?.count ?? 10,
    until: rule?.until ?? '',
  };
}

/** A rule written one way, for comparison: interval filled in, a weekly rule's days listed in order. */
function canonical(rule: RecurrenceRule, startDay: Weekday | null): string {
  const days = rule.frequency === 'weekly' ? (rule.weekdays?.length ? rule.weekdays : startDay ? [startDay] : []) : [];
  return JSON.stringify([rule.frequency, rule.interval ?? 1, WEEKDAYS.filter((day) => days.includes(day)), rule.count ?? null, rule.until ?? null]);
}

function startInstant(value: ScheduleFormValue): string {
  const instant = instantOf(value.startsAt, value.timeZone);
  if (!instant) throw new Error(`Not a date and time: ${value.startsAt}`);
  return instant;
}

function settingsOf(value: ScheduleFormValue): MeetingSettings {
  return { ...value.settings, maxParticipants: value.settings.maxParticipants ?? 0 };
}

/** Addresses of people already invited as accounts go back as their account, so the link is kept. */
function inviteeRefs(addresses: readonly string[], saved: ScheduledMeetingView): InviteeRef[] {
  return addresses.map((email) => {
    const known = saved.invitees.find((invitee) => invitee.userId !== null && invitee.email?.toLowerCase() === email.toLowerCase());
    return known?.userId ? { userId: known.userId } : { email };
  });
}
