import { Module } from '@nestjs/common';
import { RpcClient } from '@confer/shared/server/events';
import { MeetingAccessClient } from './access/meeting-access.client';
import { CHAT_CONFIG } from './chat.tokens';
import type { ChatConfig } from './chat.env';
import { ChatBroadcaster } from './gateway/chat-broadcaster';
import { ChatGateway } from './gateway/chat.gateway';
import { ChatSessions } from './gateway/chat-sessions';
import { ChatScaleOut } from './gateway/scale-out';
import { DownloadGrants } from './files/download-grants';
import { FileRepository } from './files/file.repository';
import { FileService } from './files/file.service';
import { FileSweeper } from './files/file-sweeper';
import { FilesController } from './files/files.controller';
import { HistoryController } from './history/history.controller';
import { HistoryService } from './history/history.service';
import { MeetingEventsHandler } from './members/meeting-events.handler';
import { MemberRepository } from './members/member.repository';
import { CHAT_RATE_LIMITS, chatRateLimits } from './messages/chat.limits';
import { MessageRepository } from './messages/message.repository';
import { MessageService } from './messages/message.service';

/** The live chat (socket gateway), its messages, files, history, search and export, and what chat learns from meetings. */
@Module({
  controllers: [HistoryController, FilesController],
  providers: [
    { provide: MeetingAccessClient, inject: [RpcClient, CHAT_CONFIG], useFactory: (rpc: RpcClient, config: ChatConfig) => new MeetingAccessClient(rpc, config) },
    { provide: CHAT_RATE_LIMITS, inject: [CHAT_CONFIG], useFactory: chatRateLimits },
    MessageRepository,
    MemberRepository,
    MessageService,
    FileRepository,
    FileService,
    DownloadGrants,
    FileSweeper,
    HistoryService,
    ChatBroadcaster,
    ChatScaleOut,
    ChatSessions,
    ChatGateway,
    MeetingEventsHandler,
  ],
})
export class ChatModule {}
