import type { RecurrenceFieldError, RecurrenceRule } from '@confer/meetings/contracts';
import { InvalidRecurrenceError, normalizeRecurrence, parseRrule, toRrule, validateRecurrence } from './recurrence';

const PARIS = 'Europe/Paris';
/** Monday 2 March 2026, 09:00 in Paris. */
const mondayStart = { startsAt: '2026-03-02T08:00:00.000Z', timeZone: PARIS };

const codes = (errors: RecurrenceFieldError[]) => errors.map(({ field, code }) => `${field}:${code}`);

describe('RRULE', () => {
  it('writes a weekly rule the way calendars expect it', () => {
    expect(toRrule({ frequency: 'weekly', interval: 1, weekdays: ['MO', 'WE'], count: 10 }, PARIS)).toBe(
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10',
    );
    expect(toRrule({ frequency: 'daily' }, PARIS)).toBe('FREQ=DAILY;INTERVAL=1');
    expect(toRrule({ frequency: 'monthly', interval: 3 }, PARIS)).toBe('FREQ=MONTHLY;INTERVAL=3');
  });

  it('writes weekdays once each, Monday first', () => {
    expect(toRrule({ frequency: 'weekly', weekdays: ['FR', 'MO', 'FR'] }, PARIS)).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,FR');
  });

  it('writes UNTIL as the UTC instant of 23:59:59 local time on the end date', () => {
    expect(toRrule({ frequency: 'daily', until: '2026-06-30' }, PARIS)).toBe('FREQ=DAILY;INTERVAL=1;UNTIL=20260630T215959Z');
    expect(toRrule({ frequency: 'daily', until: '2026-12-31' }, 'America/New_York')).toBe('FREQ=DAILY;INTERVAL=1;UNTIL=20270101T045959Z');
  });

  const rules: RecurrenceRule[] = [
    { frequency: 'daily' },
    { frequency: 'daily', interval: 2, count: 5 },
    { frequency: 'weekly', weekdays: ['MO', 'WE', 'FR'], until: '2026-12-31' },
    { frequency: 'weekly', interval: 2 },
    { frequency: 'weekly', weekdays: ['SU'], count: 366 },
    { frequency: 'monthly', interval: 99, until: '2030-01-31' },
  ];

  it.each(rules)('reads back what it wrote: %j', (rule) => {
    for (const zone of [PARIS, 'America/New_York', 'Asia/Tokyo', 'UTC']) {
      const rrule = toRrule(rule, zone);
      expect(parseRrule(rrule, zone)).toEqual(normalizeRecurrence(rule));
      expect(toRrule(parseRrule(`RRULE:${rrule}`, zone), zone)).toBe(rrule);
    }
  });

  it.each([
    'FREQ=YEARLY;INTERVAL=1',
    'FREQ=HOURLY;INTERVAL=1',
    'FREQ=MONTHLY;BYDAY=1MO',
    'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR',
    'FREQ=MONTHLY;BYMONTHDAY=15',
    'FREQ=DAILY;BYDAY=MO',
    'FREQ=WEEKLY;COUNT=0',
    'FREQ=WEEKLY;COUNT=2;UNTIL=20260630T215959Z',
    'DTSTART:20260302T080000Z\nRRULE:FREQ=WEEKLY',
    'FREQ=WEEKLY;WKST=SU',
    'not a rule',
    '',
  ])('rejects an RRULE Confer does not write: %s', (rrule) => {
    expect(() => parseRrule(rrule, PARIS)).toThrow(InvalidRecurrenceError);
  });

  it('refuses to write an invalid rule, with the stable error code', () => {
    expect(() => toRrule({ frequency: 'weekly', interval: 0 }, PARIS)).toThrow(expect.objectContaining({ code: 'RECURRENCE_INVALID' }));
    expect(() => toRrule({ frequency: 'daily' }, 'Nowhere/Special')).toThrow(InvalidRecurrenceError);
  });
});

describe('validateRecurrence', () => {
  it('accepts sensible rules', () => {
    expect(validateRecurrence({ frequency: 'weekly', weekdays: ['MO', 'TH'], count: 10 }, mondayStart)).toEqual([]);
    expect(validateRecurrence({ frequency: 'daily', until: '2026-03-02' }, mondayStart)).toEqual([]);
    expect(validateRecurrence({ frequency: 'monthly', interval: 99 }, mondayStart)).toEqual([]);
  });

  it('wants at least one valid day for a weekly rule', () => {
    expect(codes(validateRecurrence({ frequency: 'weekly', weekdays: [] }, mondayStart))).toEqual(['weekdays:required']);
    const bogus = { frequency: 'weekly', weekdays: ['MO', 'XX'] } as unknown as RecurrenceRule;
    expect(codes(validateRecurrence(bogus, mondayStart))).toEqual(['weekdays:invalid']);
  });

  it('wants the first meeting on one of the chosen days', () => {
    expect(codes(validateRecurrence({ frequency: 'weekly', weekdays: ['TU', 'TH'] }, mondayStart))).toEqual(['weekdays:start_weekday_missing']);
    // 23:30Z on Monday is already Tuesday 00:30 in Paris: the local day is what counts.
    const lateStart = { startsAt: '2026-03-02T23:30:00.000Z', timeZone: PARIS };
    expect(validateRecurrence({ frequency: 'weekly', weekdays: ['TU'] }, lateStart)).toEqual([]);
  });

  it('allows weekdays only on weekly rules', () => {
    expect(codes(validateRecurrence({ frequency: 'monthly', weekdays: ['MO'] }, mondayStart))).toEqual(['weekdays:not_allowed']);
  });

  it.each([0, 100, 1.5, -1, Number.NaN, '2'])('rejects interval %p', (interval) => {
    const rule = { frequency: 'daily', interval } as unknown as RecurrenceRule;
    expect(codes(validateRecurrence(rule, mondayStart))).toEqual(['interval:out_of_range']);
  });

  it.each([0, 367, 2.5])('rejects count %p', (count) => {
    expect(codes(validateRecurrence({ frequency: 'daily', count }, mondayStart))).toEqual(['count:out_of_range']);
  });

  it('rejects count and until together', () => {
    expect(codes(validateRecurrence({ frequency: 'daily', count: 3, until: '2026-04-01' }, mondayStart))).toEqual(['until:conflict']);
  });

  it('rejects an end date before the first meeting, in the meeting’s time zone', () => {
    expect(codes(validateRecurrence({ frequency: 'daily', until: '2026-03-01' }, mondayStart))).toEqual(['until:before_start']);
    const lateStart = { startsAt: '2026-03-02T23:30:00.000Z', timeZone: PARIS }; // Tuesday 3 March in Paris
    expect(codes(validateRecurrence({ frequency: 'daily', until: '2026-03-02' }, lateStart))).toEqual(['until:before_start']);
  });

  it('rejects malformed end dates, frequencies, starts and zones', () => {
    expect(codes(validateRecurrence({ frequency: 'daily', until: '2026-02-30' }, mondayStart))).toEqual(['until:invalid']);
    expect(codes(validateRecurrence({ frequency: 'yearly' } as unknown as RecurrenceRule, mondayStart))).toEqual(['frequency:invalid']);
    expect(codes(validateRecurrence({ frequency: 'daily' }, { startsAt: 'soon', timeZone: 'Paris' }))).toEqual([
      'startsAt:invalid',
      'timeZone:invalid',
    ]);
  });

  it('reports every problem at once', () => {
    const rule: RecurrenceRule = { frequency: 'weekly', interval: 0, weekdays: ['FR'], count: 400, until: '2020-01-01' };
    expect(codes(validateRecurrence(rule, mondayStart)).sort()).toEqual(
      ['count:out_of_range', 'interval:out_of_range', 'until:before_start', 'until:conflict', 'weekdays:start_weekday_missing'].sort(),
    );
  });
});
