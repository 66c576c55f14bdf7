import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { MeetingCodeParams } from '../meetings/meetings.dto';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @ApiBearerAuth()
  @Get('meetings/:code/calendar.ics')
  @Header('content-type', ICS)
  @Header('content-disposition', 'attachment; filename="meeting.ics"')
  @Header('cache-control', 'private, no-store')
  meetingIcs(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams): Promise<string> {
    return this.calendars.meetingIcs(user, params.code);
  }

  @ApiBearerAuth()
  @Post('calendar/feed')
  createFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedView> {
    return this.calendars.createFeed(user);
  }

  @ApiBearerAuth()
  @Delete('calendar/feed')
  @HttpCode(204)
  revokeFeed(@CurrentUser() user: AuthUser): Promise<void> {
    return this.calendars.revokeFeed(user);
  }

  /** The token in the path is the credential (calendar apps send no headers); only its hash is stored. */
  @Public()
  @Get('calendar/feed/:file')
  @Header('content-type', ICS)
  @Header('cache-control', 'private, max-age=300')
  feed(@Param('file') file: string): Promise<string> {
    return this.calendars.feedIcs(file);
  }
}
