import { recurrenceInWords } from './meeting-words';

describe('recurrenceInWords', () => {
  // Monday 4 May 2026, 23:30 in Paris, which is still Monday 21:30 in UTC.
  const startsAt = '2026-05-04T21:30:00.000Z';

  it.each([
    [{ frequency: 'daily' as const, interval: 1 }, 'Every day'],
    [{ frequency: 'daily' as const, interval: 3, count: 5 }, 'Every 3 days, 5 times'],
    [{ frequency: 'weekly' as const, interval: 1, weekdays: ['WE' as const, 'MO' as const] }, 'Every week on Monday and Wednesday'],
    [{ frequency: 'weekly' as const, interval: 2 }, 'Every 2 weeks on Monday'],
    [{ frequency: 'monthly' as const, interval: 1, until: '2026-12-31' }, 'Every month on day 4, until 31 Dec 2026'],
  ])('reads %p as %p', (rule, words) => {
    expect(recurrenceInWords(rule, startsAt, 'Europe/Paris', 'en-GB')).toBe(words);
  });

  it("takes the day of the month in the meeting's zone", () => {
    // 4 May 23:30 UTC is already 5 May in Tokyo.
    expect(recurrenceInWords({ frequency: 'monthly', interval: 1 }, '2026-05-04T23:30:00.000Z', 'Asia/Tokyo', 'en-GB')).toBe('Every month on day 5');
  });
});
