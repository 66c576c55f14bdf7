import { attendeesInWords, durationInWords, runInWords } from './history-words';

describe('durations in words', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [200, '3 min 20 s'],
    [1800, '30 min'],
    [3930, '1 h 5 min'],
    [7200, '2 h'],
  ])('says %i seconds as %s', (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });

  it('counts attendees', () => {
    expect(attendeesInWords(1)).toBe('1 attendee');
    expect(attendeesInWords(3)).toBe('3 attendees');
  });

  it('says when a run was held, or since when it runs', () => {
    const run = { startedAt: '2030-05-06T09:02:00.000Z', endedAt: '2030-05-06T09:34:00.000Z', durationSeconds: 1920, attendeeCount: 2 };
    const range = runInWords(run, 'en-GB');
    expect(range).toContain('6 May 2030');
    expect(range).toMatch(/\d\d:\d\d\s*–\s*\d\d:\d\d/);
    expect(runInWords({ ...run, endedAt: null }, 'en-GB')).toMatch(/^Since 6 May 2030, \d\d:\d\d$/);
  });
});
