import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';

/**
 * Meeting history (docs/decisions.md, "Meeting history"): attendance by run. Imported by
 * MeetingsModule, whose past list carries each meeting's latest run; MeetingRepository and the
 * config come from the global modules.
 */
@Module({
  controllers: [HistoryController],
  providers: [HistoryRepository, HistoryService],
  exports: [HistoryRepository],
})
export class HistoryModule {}
