import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock helpers. A "floating" Date carries a local wall-clock time in its UTC fields
 * (2026-03-30 09:00 in Paris is `Date.UTC(2026, 2, 30, 9)`); rrule expands recurrences on those,
 * so DST never moves a meeting, and the result is mapped back to real instants here.
 * Time-zone data comes from Luxon (which reads the runtime's ICU database).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === 'string' && timeZone.length > 0 && IANAZone.isValidZone(timeZone);
}

/** The wall-clock time of `instant` in `timeZone`, as a floating Date. */
export function toFloating(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond));
}

/**
 * The instant at which the clock in `timeZone` shows the floating wall-clock time, following
 * RFC 5545 §3.3.5: a time that occurs twice (clocks go back) means the first of the two; a time
 * that does not occur (clocks go forward) is read with the offset before the gap, so 02:30 on the
 * spring-forward night in New York is 03:30 EDT.
 */
export function fromFloating(floating: Date, timeZone: string): Date {
  const zone = IANAZone.create(timeZone);
  const wall = floating.getTime();
  // Transitions are months apart: the offsets a day either side are the only candidates.
  const before = zone.offset(wall - DAY);
  const after = zone.offset(wall + DAY);
  const matching = [before, after]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wall - zone.offset(instant) * MINUTE === instant);
  const instant = matching.length > 0 ? Math.min(...matching) : wall - before * MINUTE;
  return new Date(instant);
}

/** The local calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  return toFloating(instant, timeZone).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** The last second (23:59:59 local) of the local date `date` (YYYY-MM-DD), as a floating Date. */
export function floatingEndOfDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 23, 59, 59));
}

/** The last second (23:59:59 local) of the local date `date` (YYYY-MM-DD) in `timeZone`. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return fromFloating(floatingEndOfDay(date), timeZone);
}
