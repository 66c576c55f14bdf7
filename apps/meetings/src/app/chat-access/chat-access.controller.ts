import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MeetingsRpc, type ChatAccess, type ChatAccessRequest } from '@confer/meetings/contracts';
import type { RpcRequest } from '@confer/shared/contracts';
import { parseChatAccessRequest, toChatAccess } from './chat-access';
import { ChatAccessRepository } from './chat-access.repository';

/**
 * Chat asks here before it lets someone into a meeting's chat or history (docs/decisions.md, Chat):
 * the facts, not a verdict; chat's policy decides what they allow. Null for "not a participant".
 */
@Controller()
export class ChatAccessController {
  constructor(private readonly repository: ChatAccessRepository) {}

  @MessagePattern(MeetingsRpc.chatAccess)
  async chatAccess(@Payload() request: RpcRequest<ChatAccessRequest>): Promise<ChatAccess | null> {
    const row = await this.repository.find(parseChatAccessRequest(request?.data));
    return row ? toChatAccess(row) : null;
  }
}
