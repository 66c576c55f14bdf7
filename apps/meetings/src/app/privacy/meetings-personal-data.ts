import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import type { PersonalDataHolder } from '@confer/shared/server/platform';
import { AttendancePersonalData } from '../attendance/attendance-personal-data';
import { CalendarFeedRepository } from '../calendar/calendar-feed.repository';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { InviteeRepository } from '../invitations/invitee.repository';
import type { MeetingRecord } from '../meetings/meeting.repository';
import { MeetingRepository } from '../meetings/meeting.repository';

/**
 * What meetings holds about a person: the meetings they host, their invitations (by account) and
 * whether they have a calendar feed. On deletion, their upcoming and live meetings are cancelled or
 * ended (descriptions cleared) and the invitees of the cancelled ones are sent a cancellation; their
 * own invitations and feed are removed. Past meetings stay in the history of the people who
 * attended, with a host id that no longer names anyone (docs/decisions.md, Privacy).
 */
@Injectable()
export class MeetingsPersonalData implements PersonalDataHolder {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly invitees: InviteeRepository,
    private readonly feeds: CalendarFeedRepository,
    private readonly mailer: InvitationMailer,
    private readonly attendance: AttendancePersonalData,
  ) {
    this.s = quotedSchema(dataSource);
  }

  async export(userId: string): Promise<Record<string, unknown>> {
    const hostedMeetings: unknown[] = await this.dataSource.query(
      `SELECT id, code, title, description, kind, starts_at AS "startsAt", duration_minutes AS "durationMinutes",
         time_zone AS "timeZone", status, rrule, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM ${this.s}.meetings WHERE host_id = $1 ORDER BY created_at`,
      [userId],
    );
    const invitations: unknown[] = await this.dataSource.query(
      `SELECT m.code, m.title, m.starts_at AS "startsAt", m.status, i.email, i.display_name AS "displayName", i.created_at AS "invitedAt"
       FROM ${this.s}.meeting_invitees i JOIN ${this.s}.meetings m ON m.id = i.meeting_id WHERE i.user_id = $1 ORDER BY i.created_at`,
      [userId],
    );
    const feedCreatedAt = await this.feeds.createdAt(userId);
    return { hostedMeetings, invitations, calendarFeed: feedCreatedAt ? { createdAt: feedCreatedAt } : null, ...(await this.attendance.export(userId)) };
  }

  /** Idempotent: a second call finds nothing left to cancel, remove or mail. */
  async erase(userId: string): Promise<Record<string, number>> {
    const hosted = await this.dataSource.transaction(async (manager) => {
      const [changed]: [{ id: string; status: string }[], number] = await manager.query(
        `UPDATE ${this.s}.meetings
         SET status = CASE status WHEN 'live' THEN 'ended' ELSE 'cancelled' END, description = '', sequence = sequence + 1, updated_at = now()
         WHERE host_id = $1 AND status IN ('scheduled', 'live') RETURNING id, status`,
        [userId],
      );
      let cancellationMails = 0;
      for (const { id } of changed.filter((m) => m.status === 'cancelled')) {
        const meeting = (await this.meetings.findById(id, manager)) as MeetingRecord;
        const recipients = await this.invitees.forMeeting(id, manager);
        cancellationMails += await this.mailer.queue({ kind: 'cancel', meeting, overrides: [], recipients }, manager);
      }
      const invitations = await this.invitees.deleteForUser(userId, manager);
      const calendarFeeds = await this.feeds.delete(userId, manager);
      return { cancelledOrEndedMeetings: changed.length, cancellationMails, invitations, calendarFeeds };
    });
    // Then the joining part: rooms of the live meetings just ended closed, attendance anonymised.
    return { ...hosted, ...(await this.attendance.erase(userId)) };
  }
}
