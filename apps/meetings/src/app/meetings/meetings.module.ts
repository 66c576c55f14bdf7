import { Global, Module } from '@nestjs/common';
import { MAIL_SETTINGS, MailOutbox, MailSender, type MailSettings } from '@confer/shared/server/mail';
import { CalendarFeedRepository } from '../calendar/calendar-feed.repository';
import { CalendarController } from '../calendar/calendar.controller';
import { CalendarService } from '../calendar/calendar.service';
import { HistoryModule } from '../history/history.module';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { InviteeRepository } from '../invitations/invitee.repository';
import { People } from '../invitations/people';
import type { MeetingsConfig } from '../meetings.env';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import { MeetingAccess } from './meeting-access';
import { MeetingEditService } from './meeting-edit.service';
import { MeetingInputs } from './meeting-inputs';
import { MeetingRepository } from './meeting.repository';
import { MeetingService } from './meeting.service';
import { MeetingsController } from './meetings.controller';
import { OccurrenceOverrideRepository } from './occurrence-override.repository';

/** Scheduling, invitations and calendars. Global: the privacy holder (in PlatformModule) uses its repositories and mailer. */
@Global()
@Module({
  imports: [HistoryModule],
  controllers: [MeetingsController, CalendarController],
  providers: [
    {
      provide: MAIL_SETTINGS,
      useFactory: (config: MeetingsConfig): MailSettings => ({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, pollIntervalMs: config.MAIL_POLL_INTERVAL_MS }),
      inject: [MEETINGS_CONFIG],
    },
    MailOutbox,
    MailSender,
    People,
    MeetingRepository,
    OccurrenceOverrideRepository,
    InviteeRepository,
    CalendarFeedRepository,
    MeetingAccess,
    MeetingInputs,
    InvitationMailer,
    MeetingService,
    MeetingEditService,
    CalendarService,
  ],
  exports: [MeetingRepository, InviteeRepository, OccurrenceOverrideRepository, CalendarFeedRepository, InvitationMailer, MailOutbox],
})
export class MeetingsModule {}
