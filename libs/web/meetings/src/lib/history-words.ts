import type { MeetingRunSummary } from '@confer/meetings/contracts';

/** Meeting history in words, for the details page and the dashboard; `locale` undefined: the browser's. */

/** "45 s", "3 min 20 s", "30 min", "1 h 5 min": seconds only under an hour. */
export function durationInWords(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', seconds && !hours ? `${seconds} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

export function attendeesInWords(count: number): string {
  return count === 1 ? '1 attendee' : `${count} attendees`;
}

/** When a run was held, in the reader's zone: "6 May 2030, 09:02 – 09:34", or "Since 6 May 2030, 09:02" while it runs. */
export function runInWords(run: MeetingRunSummary, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return run.endedAt ? format.formatRange(new Date(run.startedAt), new Date(run.endedAt)) : `Since ${format.format(new Date(run.startedAt))}`;
}
