import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MeetingAttendanceView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { MeetingCodeParams } from '../meetings/meetings.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@ApiBearerAuth()
@Controller('meetings')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  /** When the meeting ran and who was there: everyone's times for the host, one's own for an attendee. */
  @Get(':code/attendance')
  attendance(@CurrentUser() user: AuthUser, @Param() params: MeetingCodeParams): Promise<MeetingAttendanceView> {
    return this.history.attendance(user, params.code);
  }
}
