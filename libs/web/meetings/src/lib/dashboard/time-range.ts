/** "12 Mar 2026, 09:00 – 09:30" in the reader's locale and time zone (the browser's). */
export function localTimeRange(startsAt: string, durationMinutes: number, locale?: string): string {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).formatRange(start, end);
}
