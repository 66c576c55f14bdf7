import { Module } from '@nestjs/common';
import { ChatAccessController } from './chat-access.controller';
import { ChatAccessRepository } from './chat-access.repository';

/** The RPC chat asks before it lets someone into a meeting's chat (MeetingsRpc.chatAccess). */
@Module({ controllers: [ChatAccessController], providers: [ChatAccessRepository] })
export class ChatAccessModule {}
