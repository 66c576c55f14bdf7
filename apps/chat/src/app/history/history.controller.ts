import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ChatHistoryPage, ChatSearchPage } from '@confer/chat/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { chatExportFile } from './chat-export';
import { CodeParams, ExportQuery, HistoryQuery, SearchQuery } from './history.dto';
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

  /** The meeting's chat as a file to keep (ChatExport as JSON, or plain text), as an attachment. */
  @Get('meetings/:code/export')
  @ApiProduces('text/plain', 'application/json')
  async export(
    @CurrentUser() user: AuthUser,
    @Param() params: CodeParams,
    @Query() query: ExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = chatExportFile(await this.history.export(user, params.code), query.format);
    void reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
    return new StreamableFile(Buffer.from(file.content), { type: file.contentType, disposition: `attachment; filename="${file.name}"` });
  }

  @Get('search')
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQuery): Promise<ChatSearchPage> {
    return this.history.search(user, query.q, query.cursor, query.limit);
  }
}
