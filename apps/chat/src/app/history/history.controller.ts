import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChatHistoryPage, ChatSearchPage } from '@confer/chat/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { CodeParams, HistoryQuery, SearchQuery } from './history.dto';
import { HistoryService } from './history.service';

/** Chat history and search under /api/chat (signed-in; guests see the live chat only). */
@ApiTags('chat history')
@ApiBearerAuth()
@Controller()
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('meetings/:code/messages')
  messages(@CurrentUser() user: AuthUser, @Param() params: CodeParams, @Query() query: HistoryQuery): Promise<ChatHistoryPage> {
    return this.history.page(user, params.code, query.before, query.limit);
  }

  @Get('search')
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQuery): Promise<ChatSearchPage> {
    return this.history.search(user, query.q, query.cursor, query.limit);
  }
}
