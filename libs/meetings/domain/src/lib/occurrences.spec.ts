import { RecurrenceLimits, type RecurrenceRule } from '@confer/meetings/contracts';
import { expandOccurrences, isOccurrenceOf, occurrenceIdOf, parseOccurrenceId, type ExpandOptions } from './occurrences';
import { InvalidRecurrenceError } from './recurrence';

/** What a person in that zone reads on the clock, computed by Intl and not by the code under test. */
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

function expand(startsAt: string, timeZone: string, rule: RecurrenceRule, window: [string, string], cancelled?: string[]): Date[] {
  const options: ExpandOptions = { startsAt, timeZone, rule, from: new Date(window[0]), to: new Date(window[1]), cancelled };
  return expandOccurrences(options);
}

describe('expandOccurrences', () => {
  it('keeps a weekly 09:00 Europe/Paris meeting at 09:00 when summer time starts (29 March 2026)', () => {
    const starts = expand('2026-03-16T08:00:00.000Z', 'Europe/Paris', { frequency: 'weekly' }, ['2026-03-01T00:00:00Z', '2026-04-10T00:00:00Z']);
    expect(iso(starts)).toEqual(['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    expect(starts.map((start) => wallClock(start, 'Europe/Paris'))).toEqual(Array(4).fill('Mon 09:00'));
  });

  it('keeps it at 09:00 when winter time comes back (25 October 2026)', () => {
    const starts = expand('2026-03-16T08:00:00.000Z', 'Europe/Paris', { frequency: 'weekly', weekdays: ['MO', 'TH'] }, [
      '2026-10-19T00:00:00Z',
      '2026-10-31T00:00:00Z',
    ]);
    expect(iso(starts)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-22T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-29T08:00:00.000Z']);
    expect(starts.map((start) => wallClock(start, 'Europe/Paris'))).toEqual(['Mon 09:00', 'Thu 09:00', 'Mon 09:00', 'Thu 09:00']);
  });

  it('keeps a daily 09:00 America/New_York meeting at 09:00 across both changes of 2026', () => {
    const rule: RecurrenceRule = { frequency: 'daily' };
    const spring = expand('2026-03-05T14:00:00.000Z', 'America/New_York', rule, ['2026-03-05T00:00:00Z', '2026-03-11T00:00:00Z']);
    const autumn = expand('2026-03-05T14:00:00.000Z', 'America/New_York', rule, ['2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z']);
    expect(iso(spring).map((s) => s.slice(5, 16))).toEqual(['03-05T14:00', '03-06T14:00', '03-07T14:00', '03-08T13:00', '03-09T13:00', '03-10T13:00']);
    expect(iso(autumn).map((s) => s.slice(5, 16))).toEqual(['10-30T13:00', '10-31T13:00', '11-01T14:00', '11-02T14:00']);
    for (const start of [...spring, ...autumn]) expect(wallClock(start, 'America/New_York')).toMatch(/ 09:00$/);
  });

  it('repeats on the local weekday of the start, not the UTC one', () => {
    // 23:30Z on Monday 2 March is Tuesday 00:30 in Paris.
    const starts = expand('2026-03-02T23:30:00.000Z', 'Europe/Paris', { frequency: 'weekly' }, ['2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z']);
    expect(starts.map((start) => wallClock(start, 'Europe/Paris'))).toEqual(['Tue 00:30', 'Tue 00:30', 'Tue 00:30']);
  });

  it('leaves out cancelled occurrences (EXDATE), which still count towards COUNT', () => {
    const rule: RecurrenceRule = { frequency: 'weekly', count: 4 };
    const window: [string, string] = ['2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z'];
    const all = expand('2026-03-16T08:00:00.000Z', 'Europe/Paris', rule, window);
    const cancelled = occurrenceIdOf(all[2]);
    const remaining = expand('2026-03-16T08:00:00.000Z', 'Europe/Paris', rule, window, [cancelled, '2026-03-17T08:00:00.000Z']);
    expect(iso(all)).toEqual(['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    expect(iso(remaining)).toEqual(['2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-04-06T07:00:00.000Z']);
  });

  it('skips months without a 31st for a series started on the 31st (RFC 5545)', () => {
    const starts = expand('2026-01-31T08:00:00.000Z', 'Europe/Paris', { frequency: 'monthly', until: '2026-12-31' }, [
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    ]);
    expect(iso(starts).map((s) => s.slice(0, 10))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31']);
    expect(starts.map((start) => wallClock(start, 'Europe/Paris').slice(-5))).toEqual(Array(7).fill('09:00'));
  });

  it('counts only the months that have the day', () => {
    const starts = expand('2026-01-31T08:00:00.000Z', 'Europe/Paris', { frequency: 'monthly', count: 3 }, ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z']);
    expect(iso(starts).map((s) => s.slice(0, 10))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
  });

  it('honours the interval and the end date, inclusive of the whole local day', () => {
    const rule: RecurrenceRule = { frequency: 'weekly', interval: 2, weekdays: ['MO', 'FR'], until: '2026-03-30' };
    const starts = expand('2026-03-02T08:00:00.000Z', 'Europe/Paris', rule, ['2026-01-01T00:00:00Z', '2026-12-01T00:00:00Z']);
    expect(iso(starts).map((s) => s.slice(0, 10))).toEqual(['2026-03-02', '2026-03-06', '2026-03-16', '2026-03-20', '2026-03-30']);
  });

  it('returns the window [from, to): from included, to excluded', () => {
    const starts = expand('2026-03-02T08:00:00.000Z', 'UTC', { frequency: 'daily' }, ['2026-03-03T08:00:00Z', '2026-03-05T08:00:00Z']);
    expect(iso(starts)).toEqual(['2026-03-03T08:00:00.000Z', '2026-03-04T08:00:00.000Z']);
    expect(expand('2026-03-02T08:00:00.000Z', 'UTC', { frequency: 'daily' }, ['2026-03-05T00:00:00Z', '2026-03-01T00:00:00Z'])).toEqual([]);
  });

  it('expands an open-ended series at most two years at a time', () => {
    const from = new Date('2030-01-01T00:00:00Z');
    const longest = new Date(from.getTime() + RecurrenceLimits.expansionWindowDays * 86_400_000);
    const options = { startsAt: '2026-03-02T08:00:00.000Z', timeZone: 'Europe/Paris', rule: { frequency: 'daily' as const }, from };
    expect(expandOccurrences({ ...options, to: longest })).toHaveLength(731);
    expect(() => expandOccurrences({ ...options, to: new Date(longest.getTime() + 1) })).toThrow(RangeError);
  });

  it('refuses an invalid rule', () => {
    expect(() => expand('2026-03-02T08:00:00.000Z', 'Europe/Paris', { frequency: 'weekly', weekdays: [] }, ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'])).toThrow(
      InvalidRecurrenceError,
    );
  });
});

describe('occurrence ids', () => {
  const series = { startsAt: '2026-03-16T08:00:00.000Z', timeZone: 'Europe/Paris', rule: { frequency: 'weekly' as const } };

  it('is the ISO UTC start of the unmodified occurrence', () => {
    expect(occurrenceIdOf(new Date(Date.UTC(2026, 2, 30, 7)))).toBe('2026-03-30T07:00:00.000Z');
    expect(parseOccurrenceId('2026-03-30T07:00:00.000Z')?.getTime()).toBe(Date.UTC(2026, 2, 30, 7));
    expect(parseOccurrenceId('2026-03-30T09:00:00+02:00')).toBeNull();
    expect(parseOccurrenceId('tomorrow')).toBeNull();
  });

  it('tells whether an id belongs to the series', () => {
    expect(isOccurrenceOf(series, '2026-03-30T07:00:00.000Z')).toBe(true);
    expect(isOccurrenceOf(series, '2026-03-30T08:00:00.000Z')).toBe(false); // 10:00 local after the change
    expect(isOccurrenceOf(series, '2026-03-09T08:00:00.000Z')).toBe(false); // before the series
    expect(isOccurrenceOf(series, 'not-an-id')).toBe(false);
  });
});
