import { exdates, localTime, readIcs, textOf } from '../testing/ical-reader';
import { feedCalendar, type FeedMeeting, type InviteMeeting } from './calendar';
import { toRrule } from './recurrence';

const weekly: FeedMeeting = {
  uid: 'weekly@confer.test',
  sequence: 1,
  title: 'Team sync',
  description: '',
  joinUrl: 'https://confer.test/m/abc-defg-hij',
  startsAt: '2026-03-02T08:00:00.000Z',
  durationMinutes: 30,
  timeZone: 'Europe/Paris',
  recurrence: toRrule({ frequency: 'weekly', count: 10 }, 'Europe/Paris'),
  cancelledOccurrences: ['2026-03-09T08:00:00.000Z'],
  overrides: [{ occurrenceId: '2026-03-16T08:00:00.000Z', startsAt: '2026-03-16T13:00:00.000Z', durationMinutes: 30, sequence: 2 }],
};

const oneOff: FeedMeeting = {
  uid: 'one-off@confer.test',
  sequence: 0,
  title: 'Interview',
  description: 'Second round',
  joinUrl: 'https://confer.test/m/xyz-abcd-efg',
  startsAt: '2026-03-10T15:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'America/New_York',
};

describe('feedCalendar', () => {
  it('is a published calendar that subscribing apps refresh every hour', () => {
    const read = readIcs(feedCalendar({ name: 'Confer – Alice Martin', events: [weekly, oneOff] }));
    expect(read.text('method')).toBe('PUBLISH');
    expect(read.text('x-wr-calname')).toBe('Confer – Alice Martin');
    expect(read.text('refresh-interval')).toBe('PT1H');
    expect(read.text('x-published-ttl')).toBe('PT1H');
  });

  it('holds every meeting, its exceptions, and one VTIMEZONE per zone', () => {
    const read = readIcs(feedCalendar({ name: 'Alice', events: [weekly, oneOff, { ...oneOff, uid: 'other@confer.test' }] }));
    expect(read.tzids.sort()).toEqual(['America/New_York', 'Europe/Paris']);
    expect(read.events.map((event) => textOf(event, 'uid'))).toEqual([
      'weekly@confer.test',
      'weekly@confer.test',
      'one-off@confer.test',
      'other@confer.test',
    ]);
    const [series, moved, interview] = read.events;
    expect(textOf(series, 'rrule')).toBe('FREQ=WEEKLY;COUNT=10');
    expect(exdates(series)).toEqual([{ tzid: 'Europe/Paris', value: '2026-03-09T09:00:00' }]);
    expect(localTime(moved, 'recurrence-id')).toEqual({ tzid: 'Europe/Paris', value: '2026-03-16T09:00:00' });
    expect(localTime(interview, 'dtstart')).toEqual({ tzid: 'America/New_York', value: '2026-03-10T11:00:00' });
    expect(textOf(interview, 'url')).toBe('https://confer.test/m/xyz-abcd-efg');
  });

  it('names nobody: no organizer, no attendee, even when given an invitation', () => {
    const invitation: InviteMeeting = {
      ...oneOff,
      organizer: { name: 'Alice', email: 'alice@example.com' },
      attendees: [{ email: 'bob@example.com', name: 'Bob' }],
    };
    const ics = feedCalendar({ name: 'Alice', events: [invitation] });
    const [event] = readIcs(ics).events;
    expect(event.getAllProperties('attendee')).toEqual([]);
    expect(event.getFirstProperty('organizer')).toBeNull();
    expect(ics).not.toMatch(/@example\.com/);
  });

  it('marks a cancelled meeting STATUS:CANCELLED without its exceptions', () => {
    const read = readIcs(feedCalendar({ name: 'Alice', events: [{ ...weekly, cancelled: true }] }));
    expect(read.events).toHaveLength(1);
    expect(textOf(read.events[0], 'status')).toBe('CANCELLED');
  });

  it('keeps line breaks in the calendar name from adding properties', () => {
    const ics = feedCalendar({ name: 'Alice\r\nX-INJECTED:yes', events: [] });
    expect(ics).not.toMatch(/\r\nX-INJECTED/);
    expect(readIcs(ics).text('x-wr-calname')).toBe('Alice X-INJECTED:yes');
  });
});
