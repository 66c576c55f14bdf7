import type { ScheduledMeetingView } from '@confer/meetings/contracts';
import { timeZoneLabel } from '@confer/web/core';
import { recurrenceInWords, timeRangeIn } from './meeting-words';

/**
 * The short invitation "Copy invite" puts on the clipboard: title, time in the meeting's own zone
 * (the reader may be anywhere; the zone is named), how it repeats, the link and the code, and whether
 * a passcode is needed. Never the passcode itself: Confer keeps only its hash, and a passcode is
 * meant to travel apart from the link.
 */
export function inviteText(meeting: ScheduledMeetingView, link: string, locale?: string): string {
  const lines = [
    `You're invited to a Confer meeting: ${meeting.title}`,
    `When: ${timeRangeIn(meeting.startsAt, meeting.durationMinutes, meeting.timeZone, locale)} (${timeZoneLabel(meeting.timeZone)})`,
  ];
  if (meeting.recurrence) lines.push(`Repeats: ${recurrenceInWords(meeting.recurrence, meeting.startsAt, meeting.timeZone, locale)}`);
  lines.push(`Join: ${link}`, `Meeting code: ${meeting.code}`);
  if (meeting.hasPasscode) lines.push('A passcode is needed to join; the host will give it to you.');
  return lines.join('\n');
}
