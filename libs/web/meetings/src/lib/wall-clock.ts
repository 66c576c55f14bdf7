import { WEEKDAYS, type Weekday } from '@confer/meetings/contracts';

/**
 * Wall-clock times in an IANA time zone, with the browser's Intl only (no date library in the web
 * bundle). `YYYY-MM-DDTHH:mm` is what `<input type="datetime-local">` reads and writes.
 *
 * The rules match the meetings service (`fromFloating` in @confer/meetings/domain, RFC 5545 §3.3.5):
 * a time that occurs twice (clocks go back) means the first of the two; a time that does not occur
 * (clocks go forward) is read with the offset before the gap, so 02:30 on the spring-forward night
 * in New York is 03:30 EDT.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `instant` in `timeZone`, as milliseconds of a UTC date with the same fields. */
function floating(instant: number, timeZone: string): number {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
}

/** Minutes east of UTC in `timeZone` at `instant` (Paris in summer: 120). */
function offsetMinutes(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((floating(wholeSecond, timeZone) - wholeSecond) / MINUTE);
}

/** Whether the browser knows the zone (`Europe/Paris`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The ISO instant (`2026-03-30T07:00:00.000Z`) at which the clock in `timeZone` shows `local`
 * (`2026-03-30T09:00`, seconds optional). Null when `local` is not a complete date and time.
 */
export function instantOf(local: string, timeZone: string): string | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Offsets change months apart: the offsets a day either side are the only candidates.
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const matching = [before, after].map((offset) => wall - offset * MINUTE).filter((instant) => floating(instant, timeZone) === wall);
  const instant = matching.length > 0 ? Math.min(...matching) : wall - before * MINUTE;
  return new Date(instant).toISOString();
}

/** The wall clock (`YYYY-MM-DDTHH:mm`) of an ISO instant in `timeZone`, for a datetime-local input. */
export function localDateTimeOf(iso: string, timeZone: string): string {
  return new Date(floating(new Date(iso).getTime(), timeZone)).toISOString().slice(0, 16);
}

/** The local calendar date (`YYYY-MM-DD`) of an ISO instant in `timeZone`. */
export function localDateOf(iso: string, timeZone: string): string {
  return localDateTimeOf(iso, timeZone).slice(0, 10);
}

/** The RFC 5545 weekday of a local date or date and time (`2026-03-30` is `MO`); null for no date. */
export function weekdayOfDate(local: string): Weekday | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7];
}

