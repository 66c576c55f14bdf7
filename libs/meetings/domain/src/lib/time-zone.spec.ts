import { endOfLocalDay, fromFloating, isIsoDate, isValidTimeZone, localDate, toFloating } from './time-zone';

const floating = (iso: string) => new Date(`${iso}Z`);

describe('time zones', () => {
  it('maps a Paris wall-clock time to its instant in winter and in summer', () => {
    expect(fromFloating(floating('2026-01-12T09:00:00'), 'Europe/Paris').toISOString()).toBe('2026-01-12T08:00:00.000Z');
    expect(fromFloating(floating('2026-07-13T09:00:00'), 'Europe/Paris').toISOString()).toBe('2026-07-13T07:00:00.000Z');
  });

  it('reads a skipped time with the offset before the gap (RFC 5545 §3.3.5)', () => {
    // 2026-03-08 02:30 does not exist in New York: it means 03:30 EDT.
    expect(fromFloating(floating('2026-03-08T02:30:00'), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads a repeated time as the first of the two (RFC 5545 §3.3.5)', () => {
    // 2026-11-01 01:30 happens twice in New York: first in EDT (05:30Z), then in EST (06:30Z).
    expect(fromFloating(floating('2026-11-01T01:30:00'), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('gives the wall-clock time of an instant', () => {
    expect(toFloating(new Date('2026-07-13T07:00:00Z'), 'Europe/Paris').toISOString()).toBe('2026-07-13T09:00:00.000Z');
    expect(localDate(new Date('2026-03-02T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-03');
    expect(localDate(new Date('2026-03-02T23:30:00Z'), 'America/New_York')).toBe('2026-03-02');
  });

  it('ends a local day at 23:59:59 local time', () => {
    expect(endOfLocalDay('2026-06-30', 'Europe/Paris').toISOString()).toBe('2026-06-30T21:59:59.000Z');
    expect(endOfLocalDay('2026-12-31', 'America/New_York').toISOString()).toBe('2027-01-01T04:59:59.000Z');
  });

  it('knows IANA zones and ISO dates', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
});
