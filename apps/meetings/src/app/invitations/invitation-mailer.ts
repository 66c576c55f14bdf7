import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OccurrenceId } from '@confer/meetings/contracts';
import { inviteCalendar } from '@confer/meetings/domain';
import { MailOutbox } from '@confer/shared/server/mail';
import type { MeetingsConfig } from '../meetings.env';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingRecord } from '../meetings/meeting.repository';
import type { StoredOverride } from '../meetings/occurrence-override.repository';
import { calendarMeetingOf } from '../meetings/scheduling-rules';
import { invitationMail, type InvitationKind } from './invitation-mail';
import type { Invitee } from './invitee.repository';
import { People } from './people';

export interface InvitationBatch {
  kind: InvitationKind;
  meeting: MeetingRecord;
  overrides: readonly StoredOverride[];
  recipients: readonly Invitee[];
  /** cancel-occurrence only. */
  occurrenceId?: OccurrenceId;
}

/**
 * Queues one mail per invitee, in the caller's transaction, each with its own .ics: the organizer is
 * the host and the only attendee is the recipient, so no invitee learns the others' addresses.
 */
@Injectable()
export class InvitationMailer {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly people: People,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  joinUrl(code: string): string {
    return `${this.config.PUBLIC_ORIGIN.replace(/\/$/, '')}/m/${code}`;
  }

  async queue(batch: InvitationBatch, manager: EntityManager): Promise<number> {
    if (batch.recipients.length === 0) return 0;
    const { meeting } = batch;
    const organizer = await this.organizerOf(meeting.hostId);
    const joinUrl = this.joinUrl(meeting.code);
    const calendarMeeting = calendarMeetingOf(meeting, batch.overrides, joinUrl);
    const cancelled = batch.kind === 'cancel' || batch.kind === 'cancel-occurrence';
    for (const recipient of batch.recipients) {
      const ics = inviteCalendar({
        method: cancelled ? 'CANCEL' : 'REQUEST',
        meeting: { ...calendarMeeting, organizer, attendees: [{ email: recipient.email, ...(recipient.displayName ? { name: recipient.displayName } : {}) }] },
        ...(batch.kind === 'cancel-occurrence' ? { occurrenceId: batch.occurrenceId } : {}),
      });
      const mail = invitationMail({
        kind: batch.kind,
        to: recipient.email,
        recipientName: recipient.displayName,
        organizerName: organizer.name,
        title: meeting.title,
        startsAt: meeting.startsAt,
        timeZone: meeting.timeZone,
        repeats: meeting.rrule !== null,
        joinUrl,
        occurrenceId: batch.occurrenceId,
        ics,
      });
      await this.outbox.enqueue(mail, manager);
    }
    return batch.recipients.length;
  }

  /** The host as ORGANIZER; an account that no longer exists is shown as Confer's sender address. */
  private async organizerOf(hostId: string): Promise<{ name: string; email: string }> {
    const host = (await this.people.byIds([hostId])).get(hostId);
    if (host) return { name: host.displayName, email: host.email };
    const address = /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1] ?? this.config.MAIL_FROM;
    return { name: 'Confer', email: address };
  }
}
