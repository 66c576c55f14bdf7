import { instantOf, localDateOf, localDateTimeOf } from './wall-clock';

describe('wall clock in a time zone', () => {
  it.each([
    ['2026-03-30T09:00', 'Europe/Paris', '2026-03-30T07:00:00.000Z'], // summer time (UTC+2)
    ['2026-01-15T09:00', 'Europe/Paris', '2026-01-15T08:00:00.000Z'], // winter time (UTC+1)
    ['2026-07-01T09:30', 'America/New_York', '2026-07-01T13:30:00.000Z'],
    ['2026-07-01T09:30', 'Asia/Kolkata', '2026-07-01T04:00:00.000Z'],
    ['2026-07-01T00:00', 'UTC', '2026-07-01T00:00:00.000Z'],
    ['2026-12-31T23:45', 'Pacific/Auckland', '2026-12-31T10:45:00.000Z'],
  ])('reads %s in %s as %s', (local, zone, iso) => {
    expect(instantOf(local, zone)).toBe(iso);
    expect(localDateTimeOf(iso, zone)).toBe(local);
  });

  it('reads a time skipped by the clocks going forward with the offset before the gap', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist; it means 03:30 EDT.
    expect(instantOf('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads a time that occurs twice as the first of the two', () => {
    // Paris, 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
    expect(instantOf('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a complete date and time', () => {
    expect(instantOf('', 'Europe/Paris')).toBeNull();
    expect(instantOf('2026-02-30T09:00', 'Europe/Paris')).toBeNull();
    expect(instantOf('2026-03-30', 'Europe/Paris')).toBeNull();
  });

  it('gives the local date, which may differ from the UTC date', () => {
    expect(localDateOf('2026-03-30T23:30:00.000Z', 'Europe/Paris')).toBe('2026-03-31');
    expect(localDateOf('2026-03-30T23:30:00.000Z', 'America/Los_Angeles')).toBe('2026-03-30');
  });
});
