import { attendees, exdates, expandWithIcalJs, localTime, readIcs, textOf } from '../testing/ical-reader';
import { inviteCalendar, type InviteMeeting } from './calendar';
import { expandOccurrences } from './occurrences';
import { toRrule } from './recurrence';

const STAMP = new Date('2026-02-20T10:00:00Z');
const TITLE = 'Plan, review; ship\\done\nsecond line: "quoted"';

/** Weekly on Monday and Wednesday at 09:00 Paris from Monday 2 March 2026 to the end of June. */
function weeklyMeeting(overrides: Partial<InviteMeeting> = {}): InviteMeeting {
  return {
    uid: 'mtg-42@confer.test',
    sequence: 2,
    title: TITLE,
    description: 'Agenda: budget, hiring; roadmap',
    joinUrl: 'https://confer.test/m/abc-defg-hij',
    startsAt: '2026-03-02T08:00:00.000Z',
    durationMinutes: 30,
    timeZone: 'Europe/Paris',
    organizer: { name: 'Alice "Ali" Martin', email: 'alice@example.com' },
    attendees: [{ email: 'bob@example.com', name: 'Bob, the Builder' }, { email: 'carol@example.org' }],
    recurrence: toRrule({ frequency: 'weekly', weekdays: ['MO', 'WE'], until: '2026-06-30' }, 'Europe/Paris'),
    cancelledOccurrences: ['2026-03-04T08:00:00.000Z'],
    overrides: [
      { occurrenceId: '2026-04-01T07:00:00.000Z', startsAt: '2026-04-01T12:00:00.000Z', durationMinutes: 45, title: 'Moved, once', sequence: 3 },
      { occurrenceId: '2026-04-06T07:00:00.000Z', startsAt: '2026-04-06T07:00:00.000Z', durationMinutes: 30, sequence: 3, cancelled: true },
    ],
    ...overrides,
  };
}

describe('inviteCalendar REQUEST', () => {
  const ics = inviteCalendar({ method: 'REQUEST', meeting: weeklyMeeting(), stamp: STAMP });
  const read = readIcs(ics);
  const [series, moved] = read.events;

  it('is an iTIP request with the series and one VEVENT per modified occurrence, under one UID', () => {
    expect(read.text('method')).toBe('REQUEST');
    expect(read.events).toHaveLength(2);
    expect(read.events.map((event) => textOf(event, 'uid'))).toEqual(['mtg-42@confer.test', 'mtg-42@confer.test']);
    expect(read.tzids).toEqual(['Europe/Paris']);
  });

  it('starts at the local time with its TZID and carries SEQUENCE', () => {
    expect(localTime(series, 'dtstart')).toEqual({ tzid: 'Europe/Paris', value: '2026-03-02T09:00:00' });
    expect(localTime(series, 'dtend')).toEqual({ tzid: 'Europe/Paris', value: '2026-03-02T09:30:00' });
    expect(series.getFirstPropertyValue('sequence')).toBe(2);
    expect(localTime(series, 'dtstamp')?.value).toBe('2026-02-20T10:00:00Z');
  });

  it('repeats by RRULE with UNTIL in UTC and leaves cancelled occurrences out by EXDATE', () => {
    expect(textOf(series, 'rrule')).toBe('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260630T215959Z');
    expect(exdates(series)).toEqual([
      { tzid: 'Europe/Paris', value: '2026-03-04T09:00:00' },
      { tzid: 'Europe/Paris', value: '2026-04-06T09:00:00' },
    ]);
    expect(series.getFirstProperty('recurrence-id')).toBeNull();
  });

  it('gives a moved occurrence its RECURRENCE-ID, new time, title and SEQUENCE', () => {
    expect(localTime(moved, 'recurrence-id')).toEqual({ tzid: 'Europe/Paris', value: '2026-04-01T09:00:00' });
    expect(localTime(moved, 'dtstart')).toEqual({ tzid: 'Europe/Paris', value: '2026-04-01T14:00:00' });
    expect(localTime(moved, 'dtend')?.value).toBe('2026-04-01T14:45:00');
    expect(textOf(moved, 'summary')).toBe('Moved, once');
    expect(moved.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('expands in ical.js to the occurrences of expandOccurrences, with the moved one in its new place', () => {
    const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
    const ours = expandOccurrences({
      startsAt: '2026-03-02T08:00:00.000Z',
      timeZone: 'Europe/Paris',
      rule: { frequency: 'weekly', weekdays: ['MO', 'WE'], until: '2026-06-30' },
      cancelled: ['2026-03-04T08:00:00.000Z', '2026-04-06T07:00:00.000Z'],
      ...window,
    }).map((date) => date.toISOString());
    expect(ours).toHaveLength(33);
    // ical.js relates the RECURRENCE-ID VEVENT to the series, as a calendar app does.
    const expected = ours.map((id) => (id === '2026-04-01T07:00:00.000Z' ? '2026-04-01T12:00:00.000Z' : id));
    expect(expandWithIcalJs(series, 100)).toEqual(expected);
  });

  it('names the organizer and invites every attendee to answer', () => {
    const organizer = series.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:alice@example.com');
    expect(organizer?.getParameter('cn')).toBe('Alice "Ali" Martin');
    expect(attendees(series)).toEqual([
      { address: 'mailto:bob@example.com', cn: 'Bob, the Builder', rsvp: 'TRUE', partstat: 'NEEDS-ACTION' },
      { address: 'mailto:carol@example.org', cn: null, rsvp: 'TRUE', partstat: 'NEEDS-ACTION' },
    ]);
    expect(attendees(moved).map((a) => a.address)).toEqual(['mailto:bob@example.com', 'mailto:carol@example.org']);
  });

  it('puts the join URL in LOCATION, URL and DESCRIPTION', () => {
    expect(textOf(series, 'location')).toBe('https://confer.test/m/abc-defg-hij');
    expect(textOf(series, 'url')).toBe('https://confer.test/m/abc-defg-hij');
    expect(textOf(series, 'description')).toBe('Agenda: budget, hiring; roadmap\n\nJoin the meeting: https://confer.test/m/abc-defg-hij');
  });

  it('escapes commas, semicolons, backslashes, quotes and line breaks so that the title round-trips', () => {
    expect(textOf(series, 'summary')).toBe(TITLE);
    expect(ics).not.toMatch(/\r\nsecond line/);
  });

  it('describes a one-off meeting without RRULE', () => {
    const single = weeklyMeeting({ recurrence: undefined, cancelledOccurrences: undefined, overrides: undefined, timeZone: 'America/New_York' });
    const [event, ...rest] = readIcs(inviteCalendar({ method: 'REQUEST', meeting: single, stamp: STAMP })).events;
    expect(rest).toEqual([]);
    expect(event.getFirstProperty('rrule')).toBeNull();
    expect(localTime(event, 'dtstart')).toEqual({ tzid: 'America/New_York', value: '2026-03-02T03:00:00' });
  });

  it('uses the TZID of its VTIMEZONE for zone aliases such as UTC', () => {
    const read = readIcs(inviteCalendar({ method: 'REQUEST', meeting: weeklyMeeting({ timeZone: 'UTC', recurrence: undefined, cancelledOccurrences: [], overrides: [] }) }));
    expect(read.tzids).toEqual(['Etc/UTC']);
    expect(localTime(read.events[0], 'dtstart')).toEqual({ tzid: 'Etc/UTC', value: '2026-03-02T08:00:00' });
  });

  it('refuses occurrence ids that are not in the series', () => {
    const stray = { occurrenceId: '2026-03-03T08:00:00.000Z', startsAt: '2026-03-03T08:00:00.000Z', durationMinutes: 30, sequence: 3 };
    expect(() => inviteCalendar({ method: 'REQUEST', meeting: weeklyMeeting({ overrides: [stray] }) })).toThrow(RangeError);
    expect(() => inviteCalendar({ method: 'REQUEST', meeting: weeklyMeeting({ cancelledOccurrences: ['2026-03-02T09:00:00.000Z'] }) })).toThrow(RangeError);
  });
});

describe('inviteCalendar CANCEL', () => {
  it('cancels the whole series with STATUS:CANCELLED and no RECURRENCE-ID', () => {
    const read = readIcs(inviteCalendar({ method: 'CANCEL', meeting: weeklyMeeting({ sequence: 5 }), stamp: STAMP }));
    expect(read.text('method')).toBe('CANCEL');
    expect(read.events).toHaveLength(1);
    const [event] = read.events;
    expect(textOf(event, 'uid')).toBe('mtg-42@confer.test');
    expect(textOf(event, 'status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(5);
    expect(event.getFirstProperty('recurrence-id')).toBeNull();
    expect(attendees(event).map((a) => [a.address, a.rsvp])).toEqual([
      ['mailto:bob@example.com', null],
      ['mailto:carol@example.org', null],
    ]);
  });

  it('cancels one occurrence with its RECURRENCE-ID', () => {
    const meeting = weeklyMeeting({ sequence: 4 });
    const read = readIcs(inviteCalendar({ method: 'CANCEL', meeting, occurrenceId: '2026-04-08T07:00:00.000Z', stamp: STAMP }));
    expect(read.text('method')).toBe('CANCEL');
    expect(read.events).toHaveLength(1);
    const [event] = read.events;
    expect(textOf(event, 'uid')).toBe('mtg-42@confer.test');
    expect(textOf(event, 'status')).toBe('CANCELLED');
    expect(localTime(event, 'recurrence-id')).toEqual({ tzid: 'Europe/Paris', value: '2026-04-08T09:00:00' });
    expect(event.getFirstPropertyValue('sequence')).toBe(4);
    expect(event.getFirstProperty('rrule')).toBeNull();
  });

  it('cancels a moved occurrence where it now is, with a SEQUENCE at least that of the move', () => {
    const meeting = weeklyMeeting({ sequence: 2 });
    const [event] = readIcs(inviteCalendar({ method: 'CANCEL', meeting, occurrenceId: '2026-04-01T07:00:00.000Z' })).events;
    expect(localTime(event, 'recurrence-id')?.value).toBe('2026-04-01T09:00:00');
    expect(localTime(event, 'dtstart')?.value).toBe('2026-04-01T14:00:00');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('refuses to cancel an occurrence the series does not have, or to request one', () => {
    expect(() => inviteCalendar({ method: 'CANCEL', meeting: weeklyMeeting(), occurrenceId: '2026-03-03T08:00:00.000Z' })).toThrow(RangeError);
    expect(() => inviteCalendar({ method: 'REQUEST', meeting: weeklyMeeting(), occurrenceId: '2026-03-02T08:00:00.000Z' })).toThrow(RangeError);
  });
});
