import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChatErrorCode } from '@confer/chat/contracts';
import { MeetingEnded, ParticipantJoined, ParticipantRemoved } from '@confer/meetings/contracts';
import { EventConsumer } from '@confer/shared/server/events';
import { ChatBroadcaster } from '../gateway/chat-broadcaster';
import { MemberRepository } from './member.repository';

/**
 * What chat learns from meetings' events (one instance of chat handles each; closing reaches every
 * instance through the broadcaster): who took part (for search), who was removed (their connections
 * close and the meeting leaves their search), and which meetings ended (every connection closes;
 * the history stays readable).
 */
@Injectable()
export class MeetingEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly members: MemberRepository,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ParticipantJoined, async ({ payload }, manager) => {
      await this.members.record({ meetingId: payload.meetingId, identity: payload.identity, userId: payload.userId, displayName: payload.displayName }, manager);
    });
    this.consumer.on(ParticipantRemoved, async ({ payload }, manager) => {
      await this.members.markRemoved(payload.meetingId, payload.identity, payload.userId, manager);
      this.broadcaster.close(
        { meetingId: payload.meetingId, code: payload.code, identity: payload.identity },
        { code: ChatErrorCode.ParticipantRemoved, message: 'A host removed you from this meeting.' },
      );
    });
    this.consumer.on(MeetingEnded, async ({ payload }) => {
      this.broadcaster.close(
        { meetingId: payload.meetingId, code: payload.code },
        { code: ChatErrorCode.MeetingEnded, message: 'The meeting has ended. Its chat stays in the meeting’s history.' },
      );
    });
  }
}
