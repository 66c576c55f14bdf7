import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeetingListEntry, ScheduledMeetingView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { MeetingEditService } from './meeting-edit.service';
import { MeetingService } from './meeting.service';
import { CreateMeetingDto, ListMeetingsQuery, MeetingCodeParams, OccurrenceParams, UpdateMeetingDto, UpdateOccurrenceDto } from './meetings.dto';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly edits: MeetingEditService,
  ) {}

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMeetingDto): Promise<ScheduledMeetingView> {
    return this.meetings.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListMeetingsQuery): Promise<MeetingListEntry[]> {
    return this.meetings.list(user, query.scope ?? 'upcoming', query.days);
  }

  @Get(':code')
  get(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams): Promise<ScheduledMeetingView> {
    return this.meetings.get(user, params.code);
  }

  @Patch(':code')
  update(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams, @Body() body: UpdateMeetingDto): Promise<ScheduledMeetingView> {
    return this.edits.update(user, params.code, body);
  }

  @Delete(':code')
  cancel(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams): Promise<ScheduledMeetingView> {
    return this.edits.cancel(user, params.code);
  }

  @Patch(':code/occurrences/:occurrenceId')
  updateOccurrence(@CurrentUser() user: AuthUser, @Param() params: OccurrenceParams, @Body() body: UpdateOccurrenceDto): Promise<ScheduledMeetingView> {
    return this.edits.updateOccurrence(user, params.code, params.occurrenceId, body);
  }

  @Delete(':code/occurrences/:occurrenceId')
  cancelOccurrence(@CurrentUser() user: AuthUser, @Param() params: OccurrenceParams): Promise<ScheduledMeetingView> {
    return this.edits.cancelOccurrence(user, params.code, params.occurrenceId);
  }
}
