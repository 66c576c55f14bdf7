import {
  MeetingsErrorCode,
  RECURRENCE_FREQUENCIES,
  RecurrenceLimits,
  WEEKDAYS,
  type RecurrenceFieldError,
  type RecurrenceFrequency,
  type RecurrenceRule,
  type Weekday,
} from '@confer/meetings/contracts';
import { DomainError } from '@confer/shared/util';
import { Frequency, RRule, Weekday as RRuleWeekday, type Options } from 'rrule';
import { endOfLocalDay, floatingEndOfDay, isIsoDate, isValidTimeZone, localDate, toFloating } from './time-zone';

/** Where a series starts: the first occurrence (a UTC instant) and the zone its wall clock follows. */
export interface SeriesStart {
  startsAt: Date | string;
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone: string;
}

/** Thrown (with the field errors as `details`) where a rule must already be valid. */
export class InvalidRecurrenceError extends DomainError {
  constructor(readonly errors: RecurrenceFieldError[]) {
    super(MeetingsErrorCode.RecurrenceInvalid, 'invalid', errors.map((e) => e.message).join(' '), errors);
    this.name = 'InvalidRecurrenceError';
  }
}

const FREQUENCY: Record<RecurrenceFrequency, Frequency> = {
  daily: Frequency.DAILY,
  weekly: Frequency.WEEKLY,
  monthly: Frequency.MONTHLY,
};

/**
 * Checks a rule against its series start. Returns every problem found, never throws, so that an
 * API can answer 400 with all field errors at once. Values are checked at run time: they usually
 * come from JSON.
 */
export function validateRecurrence(rule: RecurrenceRule, start: SeriesStart): RecurrenceFieldError[] {
  const errors = ruleErrors(rule);
  const startsAt = new Date(start.startsAt);
  const startValid = !Number.isNaN(startsAt.getTime());
  const zoneValid = isValidTimeZone(start.timeZone);
  if (!startValid) errors.push(error('startsAt', 'invalid', 'The start must be an ISO-8601 date and time.'));
  if (!zoneValid) errors.push(error('timeZone', 'invalid', 'The time zone must be an IANA name such as Europe/Paris.'));
  if (!startValid || !zoneValid) return errors;

  const firstDay = localDate(startsAt, start.timeZone);
  if (isIsoDate(rule.until) && rule.until < firstDay) {
    errors.push(error('until', 'before_start', `The end date ${rule.until} is before the first meeting (${firstDay}).`));
  }
  const startWeekday = weekdayOf(toFloating(startsAt, start.timeZone));
  const weekdays: unknown = rule.weekdays;
  if (rule.frequency === 'weekly' && Array.isArray(weekdays) && weekdays.length > 0 && !weekdays.includes(startWeekday)) {
    errors.push(error('weekdays', 'start_weekday_missing', `The first meeting is on ${startWeekday}, which must be one of the chosen days.`));
  }
  return errors;
}

/** The checks that do not need the series start. */
function ruleErrors(rule: RecurrenceRule): RecurrenceFieldError[] {
  const errors: RecurrenceFieldError[] = [];
  const { frequency, interval, weekdays, count, until } = rule as { [K in keyof RecurrenceRule]?: unknown };
  if (!RECURRENCE_FREQUENCIES.includes(frequency as RecurrenceFrequency)) {
    errors.push(error('frequency', 'invalid', 'The frequency must be daily, weekly or monthly.'));
  }
  const { intervalMin, intervalMax, countMin, countMax } = RecurrenceLimits;
  if (interval !== undefined && !isIntegerIn(interval, intervalMin, intervalMax)) {
    errors.push(error('interval', 'out_of_range', `The interval must be a whole number from ${intervalMin} to ${intervalMax}.`));
  }
  if (weekdays !== undefined) {
    if (frequency !== 'weekly') {
      errors.push(error('weekdays', 'not_allowed', 'Days of the week apply to weekly meetings only.'));
    } else if (!Array.isArray(weekdays) || weekdays.length === 0) {
      errors.push(error('weekdays', 'required', 'Choose at least one day of the week.'));
    } else if (!weekdays.every((day) => WEEKDAYS.includes(day as Weekday))) {
      errors.push(error('weekdays', 'invalid', `Days of the week must be among ${WEEKDAYS.join(', ')}.`));
    }
  }
  if (count !== undefined && until !== undefined) {
    errors.push(error('until', 'conflict', 'A series ends either after a number of meetings or on a date, not both.'));
  }
  if (count !== undefined && !isIntegerIn(count, countMin, countMax)) {
    errors.push(error('count', 'out_of_range', `The number of meetings must be from ${countMin} to ${countMax}.`));
  }
  if (until !== undefined && !isIsoDate(until)) {
    errors.push(error('until', 'invalid', 'The end date must be a date written YYYY-MM-DD.'));
  }
  return errors;
}

/** The canonical form: interval filled in, weekdays de-duplicated in Monday-first order. */
export function normalizeRecurrence(rule: RecurrenceRule): RecurrenceRule {
  const normalized: RecurrenceRule = { frequency: rule.frequency, interval: rule.interval ?? 1 };
  if (rule.frequency === 'weekly' && rule.weekdays !== undefined) {
    normalized.weekdays = WEEKDAYS.filter((day) => rule.weekdays?.includes(day));
  }
  if (rule.count !== undefined) normalized.count = rule.count;
  if (rule.until !== undefined) normalized.until = rule.until;
  return normalized;
}

/**
 * The RFC 5545 RRULE value (without the `RRULE:` prefix), e.g. `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10`.
 * `until` becomes the UTC instant of 23:59:59 on that local date, as RFC 5545 requires when
 * DTSTART has a TZID; that is why the time zone is needed. Throws InvalidRecurrenceError.
 */
export function toRrule(rule: RecurrenceRule, timeZone: string): string {
  assertValid(rule, timeZone);
  const options = rruleOptions(normalizeRecurrence(rule), (until) => endOfLocalDay(until, timeZone));
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

/**
 * Reads back an RRULE that toRrule wrote (an `RRULE:` prefix is allowed). Anything Confer does not
 * produce (YEARLY, BYSETPOS, BYDAY=1MO, DTSTART, ...) is rejected with InvalidRecurrenceError.
 */
export function parseRrule(rrule: string, timeZone: string): RecurrenceRule {
  const options = parseOptions(rrule);
  const frequency = (Object.keys(FREQUENCY) as RecurrenceFrequency[]).find((key) => FREQUENCY[key] === options.freq);
  const extra = Object.keys(options).filter((key) => !['freq', 'interval', 'byweekday', 'count', 'until'].includes(key));
  const byweekday = options.byweekday === undefined || options.byweekday === null ? [] : [options.byweekday].flat();
  const weekdays = byweekday.map((day) => (day instanceof RRuleWeekday && day.n === undefined ? WEEKDAYS[day.weekday] : undefined));
  if (frequency === undefined || extra.length > 0 || weekdays.includes(undefined)) {
    throw new InvalidRecurrenceError([error('frequency', 'invalid', `Confer does not support the RRULE ${rrule}.`)]);
  }
  const rule: RecurrenceRule = { frequency, interval: options.interval ?? 1 };
  if (weekdays.length > 0) rule.weekdays = weekdays as Weekday[];
  if (typeof options.count === 'number') rule.count = options.count;
  if (options.until instanceof Date) rule.until = localDate(options.until, timeZone);
  assertValid(rule, timeZone);
  return normalizeRecurrence(rule);
}

/** rrule options of a normalized rule; `until` maps the local end date to the right kind of Date. */
export function rruleOptions(rule: RecurrenceRule, until: (date: string) => Date): Partial<Options> {
  const options: Partial<Options> = { freq: FREQUENCY[rule.frequency], interval: rule.interval ?? 1 };
  if (rule.frequency === 'weekly' && rule.weekdays !== undefined) {
    options.byweekday = rule.weekdays.map((day) => RRuleWeekday.fromStr(day));
  }
  if (rule.count !== undefined) options.count = rule.count;
  if (rule.until !== undefined) options.until = until(rule.until);
  return options;
}

/** rrule options for expanding on floating wall-clock dates (see time-zone.ts). */
export function floatingRruleOptions(rule: RecurrenceRule): Partial<Options> {
  return rruleOptions(normalizeRecurrence(rule), floatingEndOfDay);
}

function parseOptions(rrule: string): Partial<Options> {
  try {
    return RRule.parseString(rrule.trim());
  } catch {
    throw new InvalidRecurrenceError([error('frequency', 'invalid', `The RRULE ${rrule} cannot be read.`)]);
  }
}

function assertValid(rule: RecurrenceRule, timeZone: string): void {
  const errors = ruleErrors(rule);
  if (!isValidTimeZone(timeZone)) errors.push(error('timeZone', 'invalid', 'The time zone must be an IANA name such as Europe/Paris.'));
  if (errors.length > 0) throw new InvalidRecurrenceError(errors);
}

/** Weekday of a floating date (its UTC fields are the local ones). */
function weekdayOf(floating: Date): Weekday {
  return WEEKDAYS[(floating.getUTCDay() + 6) % 7];
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function error(field: RecurrenceFieldError['field'], code: RecurrenceFieldError['code'], message: string): RecurrenceFieldError {
  return { field, code, message };
}
