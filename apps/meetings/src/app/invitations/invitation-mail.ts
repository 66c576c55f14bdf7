import type { OccurrenceId } from '@confer/meetings/contracts';
import { escapeHtml, textAttachment, type Mail } from '@confer/shared/server/mail';

export type InvitationKind = 'invite' | 'update' | 'cancel' | 'cancel-occurrence';

export interface InvitationMailInput {
  kind: InvitationKind;
  to: string;
  recipientName: string;
  organizerName: string;
  title: string;
  startsAt: string;
  timeZone: string;
  repeats: boolean;
  joinUrl: string;
  occurrenceId?: OccurrenceId;
  /** The .ics text (inviteCalendar). */
  ics: string;
}

/** The mail of an invitation, update or cancellation, with its .ics (iTIP REQUEST or CANCEL). */
export function invitationMail(input: InvitationMailInput): Mail {
  const when = formatWhen(input.occurrenceId ?? input.startsAt, input.timeZone);
  const cancelled = input.kind === 'cancel' || input.kind === 'cancel-occurrence';
  const subject = {
    invite: `Invitation: ${input.title}`,
    update: `Updated invitation: ${input.title}`,
    cancel: `Cancelled: ${input.title}`,
    'cancel-occurrence': `Cancelled: ${input.title} on ${when}`,
  }[input.kind];
  const lines = {
    invite: `${input.organizerName} invites you to “${input.title}”, ${input.repeats ? 'first on' : 'on'} ${when}.`,
    update: `${input.organizerName} changed “${input.title}”. The attached invitation has the new details (${input.repeats ? 'first on' : 'on'} ${when}).`,
    cancel: `${input.organizerName} cancelled “${input.title}”${input.repeats ? ' and all its occurrences' : ''}.`,
    'cancel-occurrence': `${input.organizerName} cancelled “${input.title}” on ${when}. The other occurrences stay as they are.`,
  }[input.kind];
  const parts: (string | { link: string })[] = [lines];
  if (!cancelled) parts.push('Join from your browser:', { link: input.joinUrl });
  parts.push('Open the attached invitation to update your calendar.');

  const method = cancelled ? 'CANCEL' : 'REQUEST';
  const text = [`Hello ${input.recipientName || input.to},`, '', ...parts.map((p) => (typeof p === 'string' ? p : p.link)), '', '— Confer'].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.recipientName || input.to)},</p>`,
    ...parts.map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`)),
    '<p>— Confer</p>',
  ].join('\n');
  return {
    to: input.to,
    subject,
    text,
    html,
    attachments: [textAttachment(cancelled ? 'cancel.ics' : 'invite.ics', `text/calendar; method=${method}; charset=UTF-8`, input.ics)],
  };
}

function formatWhen(instant: string, timeZone: string): string {
  const date = new Date(instant);
  const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
  return `${day} at ${time} (${timeZone})`;
}
