import { RecurrenceLimits, type OccurrenceId, type RecurrenceRule } from '@confer/meetings/contracts';
import { RRule } from 'rrule';
import { floatingRruleOptions, InvalidRecurrenceError, validateRecurrence, type SeriesStart } from './recurrence';
import { fromFloating, toFloating } from './time-zone';

const DAY = 24 * 60 * 60_000;
/** Floating and real instants differ by the zone offset: at most 14 hours. */
const FLOATING_MARGIN = 2 * DAY;

export interface ExpandOptions extends SeriesStart {
  rule: RecurrenceRule;
  /** Ids of cancelled occurrences (EXDATE): they are left out. */
  cancelled?: readonly OccurrenceId[];
  /** Window start, inclusive. */
  from: Date;
  /** Window end, exclusive; at most RecurrenceLimits.expansionWindowDays after `from`. */
  to: Date;
}

/** The id of the occurrence that starts (unmodified) at `startsAt`: its ISO-8601 UTC form. */
export function occurrenceIdOf(startsAt: Date): OccurrenceId {
  return startsAt.toISOString();
}

/** The start of an occurrence id, or null when the text is not a canonical occurrence id. */
export function parseOccurrenceId(id: string): Date | null {
  const startsAt = new Date(id);
  return !Number.isNaN(startsAt.getTime()) && startsAt.toISOString() === id ? startsAt : null;
}

/**
 * The start instants of the unmodified occurrences of a series that fall in [from, to), oldest
 * first, without the cancelled ones. Each keeps the local wall-clock time of the series start in
 * its time zone: a 09:00 Europe/Paris meeting is at 08:00Z in winter and 07:00Z in summer.
 * Moved occurrences (overrides) are the caller's business: it knows them by occurrence id.
 *
 * Throws InvalidRecurrenceError for an invalid rule, RangeError for a window longer than
 * RecurrenceLimits.expansionWindowDays (open-ended series are expanded window by window).
 */
export function expandOccurrences(options: ExpandOptions): Date[] {
  const { rule, timeZone, from, to } = options;
  const errors = validateRecurrence(rule, options);
  if (errors.length > 0) throw new InvalidRecurrenceError(errors);
  if (to.getTime() - from.getTime() > RecurrenceLimits.expansionWindowDays * DAY) {
    throw new RangeError(`An expansion window is at most ${RecurrenceLimits.expansionWindowDays} days long.`);
  }
  if (to <= from) return [];

  const startsAt = new Date(options.startsAt);
  const dtstart = toFloating(startsAt, timeZone);
  const cancelled = new Set(options.cancelled ?? []);
  const recurrence = new RRule({ ...floatingRruleOptions(rule), dtstart });
  return recurrence
    .between(new Date(from.getTime() - FLOATING_MARGIN), new Date(to.getTime() + FLOATING_MARGIN), true)
    .map((floating) => (floating.getTime() === dtstart.getTime() ? startsAt : fromFloating(floating, timeZone)))
    .filter((instant) => instant >= from && instant < to && !cancelled.has(occurrenceIdOf(instant)));
}

/** Whether `id` names an occurrence of the series (cancelled ones included). */
export function isOccurrenceOf(series: SeriesStart & { rule: RecurrenceRule }, id: string): boolean {
  const startsAt = parseOccurrenceId(id);
  if (startsAt === null) return false;
  return expandOccurrences({ ...series, from: startsAt, to: new Date(startsAt.getTime() + 1) }).length === 1;
}
