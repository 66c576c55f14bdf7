import { Module } from '@nestjs/common';
import { MeetingRepository } from './meeting.repository';
import { MeetingService } from './meeting.service';
import { MeetingsController } from './meetings.controller';

@Module({
  controllers: [MeetingsController],
  providers: [MeetingRepository, MeetingService],
})
export class MeetingsModule {}
