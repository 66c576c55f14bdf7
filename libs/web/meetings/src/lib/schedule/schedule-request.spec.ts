import { HttpErrorResponse } from '@angular/common/http';
import { DEFAULT_MEETING_SETTINGS, type ScheduledMeetingView } from '@confer/meetings/contracts';
import { placeScheduleErrors } from './schedule-errors';
import { formValueOf, recurrenceRule, updateRequest } from './schedule-request';

const series: ScheduledMeetingView = {
  id: 'm1',
  code: 'abc-defg-hij',
  hostId: 'u1',
  title: 'Stand-up',
  description: '',
  kind: 'scheduled',
  startsAt: '2026-05-04T07:00:00.000Z', // Monday 09:00 in Paris
  durationMinutes: 15,
  timeZone: 'Europe/Paris',
  status: 'scheduled',
  createdAt: '2026-04-01T10:00:00.000Z',
  settings: { ...DEFAULT_MEETING_SETTINGS },
  hasPasscode: false,
  locked: false,
  role: 'host',
  // Made through the API without days: weekly on the start's weekday.
  recurrence: { frequency: 'weekly', interval: 1 },
  sequence: 3,
  invitees: [],
  overrides: [],
};

describe('updateRequest', () => {
  it('is empty for the form as loaded, even for a weekly rule saved without days', () => {
    const value = formValueOf(series);
    expect(value.recurrence.weekdays.MO).toBe(true);
    expect(updateRequest(value, series)).toEqual({});
  });

  it('keeps the wall clock when the zone changes, and sends the rule again to be checked against the new start', () => {
    const value = { ...formValueOf(series), timeZone: 'Europe/London' };
    expect(updateRequest(value, series)).toEqual({
      startsAt: '2026-05-04T08:00:00.000Z', // 09:00 in London (UTC+1)
      timeZone: 'Europe/London',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'] },
    });
  });

  it('sends a passcode only when one is set, and null only when there was one to remove', () => {
    expect(updateRequest({ ...formValueOf(series), passcodeChoice: 'set', passcode: 'abcd1234' }, series)).toEqual({ passcode: 'abcd1234' });
    expect(updateRequest({ ...formValueOf(series), passcodeChoice: 'remove' }, series)).toEqual({});
    expect(updateRequest({ ...formValueOf(series), passcodeChoice: 'remove' }, { ...series, hasPasscode: true })).toEqual({ passcode: null });
  });
});

describe('recurrenceRule', () => {
  const base = formValueOf(series).recurrence;

  it('leaves out what does not apply to the frequency and the end', () => {
    expect(recurrenceRule({ ...base, frequency: 'none' })).toBeUndefined();
    expect(recurrenceRule({ ...base, frequency: 'daily', interval: 3, ends: 'never', count: 5, until: '2026-06-01' })).toEqual({ frequency: 'daily', interval: 3 });
    expect(recurrenceRule({ ...base, frequency: 'weekly', weekdays: { ...base.weekdays, FR: true }, ends: 'count', count: 5 })).toEqual({
      frequency: 'weekly',
      interval: 1,
      weekdays: ['MO', 'FR'],
      count: 5,
    });
  });
});

describe('placeScheduleErrors', () => {
  it('names the start and the zone of a recurrence problem as the form does', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { code: 'RECURRENCE_INVALID', message: 'x', details: [{ field: 'startsAt', code: 'required', message: 'A repeating meeting needs a start time.' }] },
    });
    const placed = placeScheduleErrors(error, []) as HttpErrorResponse;
    expect(placed.error.details).toEqual({ fields: [{ field: 'startsAt', problems: ['A repeating meeting needs a start time.'] }] });
  });
});
