import { DEFAULT_MEETING_SETTINGS } from '@confer/meetings/contracts';
import { InvalidRecurrenceError } from '@confer/meetings/domain';
import { DomainError } from '@confer/shared/util';
import type { MeetingRecord } from './meeting.repository';
import type { StoredOverride } from './occurrence-override.repository';
import { calendarMeetingOf, expandEntries, normalizeInvitees, resolveRrule, resolveSettings } from './scheduling-rules';

const HOST = '00000000-0000-4000-8000-000000000001';

function meeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    code: 'abc-defg-hij',
    hostId: HOST,
    title: 'Stand-up',
    description: '',
    kind: 'scheduled',
    // Monday 2 March 2026, 09:00 in Paris.
    startsAt: '2026-03-02T08:00:00.000Z',
    durationMinutes: 30,
    timeZone: 'Europe/Paris',
    status: 'scheduled',
    createdAt: '2026-02-01T00:00:00.000Z',
    settings: { ...DEFAULT_MEETING_SETTINGS },
    hasPasscode: false,
    locked: false,
    rrule: null,
    sequence: 0,
    ...overrides,
  };
}

describe('scheduling rules', () => {
  const start = { startsAt: '2026-03-02T08:00:00.000Z', timeZone: 'Europe/Paris', scheduled: true };

  it('turns a rule or an RRULE into the stored RRULE, and leaves absent and null alone', () => {
    expect(resolveRrule({ recurrence: { frequency: 'weekly', weekdays: ['MO'], count: 5 } }, start)).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=5');
    expect(resolveRrule({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, start)).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO');
    expect(resolveRrule({}, start)).toBeUndefined();
    expect(resolveRrule({ recurrence: null }, start)).toBeNull();
  });

  it('refuses bad rules with field errors (400 RECURRENCE_INVALID)', () => {
    const refused = (input: Parameters<typeof resolveRrule>[0], at = start) => {
      try {
        resolveRrule(input, at);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecurrenceError);
        return (error as InvalidRecurrenceError).errors.map((e) => `${e.field}:${e.code}`);
      }
      throw new Error('accepted');
    };
    expect(refused({ recurrence: { frequency: 'weekly', weekdays: ['TU'] } })).toEqual(['weekdays:start_weekday_missing']);
    expect(refused({ recurrence: { frequency: 'daily', interval: 0, count: 1, until: '2026-04-01' } })).toEqual(
      expect.arrayContaining(['interval:out_of_range', 'until:conflict']),
    );
    expect(refused({ rrule: 'FREQ=YEARLY' })).toEqual(['frequency:invalid']);
    expect(refused({ rrule: 'FREQ=DAILY', recurrence: { frequency: 'daily' } })).toEqual(['frequency:conflict']);
    expect(refused({ recurrence: { frequency: 'daily' } }, { ...start, scheduled: false })).toEqual(['startsAt:required']);
  });

  it('reads settings as request over host defaults over Confer defaults', () => {
    expect(resolveSettings({ waitingRoom: true, screenShare: 'host' }, { screenShare: 'everyone', maxParticipants: 10 })).toEqual({
      ...DEFAULT_MEETING_SETTINGS,
      waitingRoom: true,
      screenShare: 'everyone',
      maxParticipants: 10,
    });
    expect(resolveSettings({ ...({ theme: 'dark' } as object) }, undefined)).toEqual(DEFAULT_MEETING_SETTINGS);
  });

  it('takes each invitee as a user id or an address, once, never the host', () => {
    expect(normalizeInvitees([{ userId: HOST }, { email: ' Bob@Example.test ' }, { email: 'bob@example.test' }], HOST)).toEqual({
      userIds: [],
      emails: ['bob@example.test'],
    });
    expect(() => normalizeInvitees([{ userId: HOST, email: 'a@example.test' }], HOST)).toThrow(DomainError);
    expect(() => normalizeInvitees([{}], HOST)).toThrow(DomainError);
  });

  it('expands series in the window, applying moved occurrences and leaving out cancelled ones', () => {
    const series = meeting({ rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4' });
    const oneOff = meeting({ id: 'other', code: 'xyz-abcd-efg', title: 'Review', startsAt: '2026-03-04T10:00:00.000Z', rrule: null });
    const overrides: StoredOverride[] = [
      { meetingId: series.id, occurrenceId: '2026-03-09T08:00:00.000Z', startsAt: '2026-03-10T08:00:00.000Z', durationMinutes: 45, title: 'Moved', sequence: 1 },
      { meetingId: series.id, occurrenceId: '2026-03-16T08:00:00.000Z', startsAt: '2026-03-16T08:00:00.000Z', durationMinutes: 30, cancelled: true, sequence: 1 },
    ];
    const entries = expandEntries(
      [
        { record: series, role: 'host' },
        { record: oneOff, role: 'invitee' },
      ],
      overrides,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(entries.map((e) => [e.startsAt, e.title, e.occurrenceId, e.role, e.durationMinutes])).toEqual([
      ['2026-03-02T08:00:00.000Z', 'Stand-up', '2026-03-02T08:00:00.000Z', 'host', 30],
      ['2026-03-04T10:00:00.000Z', 'Review', null, 'invitee', 30],
      ['2026-03-10T08:00:00.000Z', 'Moved', '2026-03-09T08:00:00.000Z', 'host', 45],
      // 29 March: Paris is on summer time, the meeting stays at 09:00 local.
      ['2026-03-23T08:00:00.000Z', 'Stand-up', '2026-03-23T08:00:00.000Z', 'host', 30],
    ]);
  });

  it('names the meeting in calendars by a stable UID and links to the join page', () => {
    const calendar = calendarMeetingOf(meeting({ rrule: 'FREQ=DAILY;INTERVAL=1', sequence: 3 }), [], 'http://127.0.0.1:8080/m/abc-defg-hij');
    expect(calendar).toMatchObject({ uid: '00000000-0000-4000-8000-0000000000aa@confer', sequence: 3, recurrence: 'FREQ=DAILY;INTERVAL=1', overrides: [] });
    expect(calendar.description).toContain('http://127.0.0.1:8080/m/abc-defg-hij');
  });
});
