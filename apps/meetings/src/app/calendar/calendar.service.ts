import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { MeetingsErrorCode, SCHEDULING_LIMITS, type CalendarFeedView } from '@confer/meetings/contracts';
import { feedCalendar, type FeedMeeting } from '@confer/meetings/domain';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { MeetingAccess } from '../meetings/meeting-access';
import { MeetingRepository, type MeetingRecord } from '../meetings/meeting.repository';
import { OccurrenceOverrideRepository } from '../meetings/occurrence-override.repository';
import { calendarMeetingOf } from '../meetings/scheduling-rules';
import type { MeetingsConfig } from '../meetings.env';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import { CalendarFeedRepository } from './calendar-feed.repository';

const DAY = 86_400_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const FEED_MAX_MEETINGS = 1000;

/** One meeting as an .ics file, and the personal subscription feed behind a secret URL. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingRepository,
    private readonly overrides: OccurrenceOverrideRepository,
    private readonly feeds: CalendarFeedRepository,
    private readonly mailer: InvitationMailer,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {}

  /** The meeting (series included) as a PUBLISH calendar: no organizer or attendee addresses. */
  async meetingIcs(user: AuthUser, code: string): Promise<string> {
    const { meeting } = await this.access.visible(user, code);
    return this.calendar(meeting.title, [meeting]);
  }

  /** Creates the user's feed or rotates its secret: the previous URL stops working at once. */
  async createFeed(user: AuthUser): Promise<CalendarFeedView> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.put(user.id, hashOf(token));
    return { url: `${this.config.PUBLIC_ORIGIN.replace(/\/$/, '')}/api/meetings/calendar/feed/${token}.ics` };
  }

  async revokeFeed(user: AuthUser): Promise<void> {
    await this.feeds.delete(user.id);
  }

  /** The feed of hosted and invited meetings from 30 days back to 365 ahead; unknown tokens are 404. */
  async feedIcs(file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const userId = TOKEN.test(token) ? await this.feeds.userOf(hashOf(token)) : undefined;
    if (!userId) throw new DomainError(MeetingsErrorCode.CalendarFeedNotFound, 'not_found', 'There is no such calendar feed.');
    const now = Date.now();
    const from = new Date(now - SCHEDULING_LIMITS.feedPastDays * DAY);
    const to = new Date(now + SCHEDULING_LIMITS.feedFutureDays * DAY);
    const records = (await this.meetings.listForFeed(userId, from, FEED_MAX_MEETINGS)).filter((m) => new Date(m.startsAt) < to);
    return this.calendar('Confer meetings', records);
  }

  private async calendar(name: string, records: readonly MeetingRecord[]): Promise<string> {
    const overrides = await this.overrides.forMeetings(records.filter((r) => r.rrule).map((r) => r.id));
    const events: FeedMeeting[] = records.map((record) => ({
      ...calendarMeetingOf(record, overrides, this.mailer.joinUrl(record.code)),
      cancelled: record.status === 'cancelled',
    }));
    return feedCalendar({ name, events });
  }
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
