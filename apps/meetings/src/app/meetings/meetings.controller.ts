import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeetingView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { MeetingService } from './meeting.service';
import { CreateMeetingDto, ListMeetingsQuery, MeetingCodeParams } from './meetings.dto';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingService) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMeetingDto): Promise<MeetingView> {
    return this.meetings.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListMeetingsQuery): Promise<MeetingView[]> {
    return this.meetings.list(user, query.scope ?? 'upcoming');
  }

  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams): Promise<MeetingView> {
    return this.meetings.get(user, params.code);
  }
}
