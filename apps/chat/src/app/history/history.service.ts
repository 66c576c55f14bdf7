import { Inject, Injectable } from '@nestjs/common';
import { CHAT_LIMITS, type ChatExport, type ChatHistoryPage, type ChatMessage, type ChatSearchPage } from '@confer/chat/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { RateLimiter } from '@confer/shared/server/platform';
import { mayRead } from '../access/chat-policy';
import { chatNotFound, invalid } from '../access/chat.errors';
import { MeetingAccessClient } from '../access/meeting-access.client';
import { MemberRepository } from '../members/member.repository';
import { CHAT_RATE_LIMITS, limitSubject, type ChatRateLimits } from '../messages/chat.limits';
import { MessageRepository } from '../messages/message.repository';
import type { Speaker } from '../messages/speaker';
import { chatExport } from './chat-export';
import { decodeCursor, encodeCursor } from './page-cursor';

const EXPORT_BATCH = 500;

/** Chat history over HTTP, for signed-in participants, during and after the meeting. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly access: MeetingAccessClient,
    private readonly members: MemberRepository,
    private readonly messages: MessageRepository,
    private readonly limiter: RateLimiter,
    @Inject(CHAT_RATE_LIMITS) private readonly limits: ChatRateLimits,
  ) {}

  /** A page of one meeting's messages; someone who is not its participant gets the 404 of an unknown code. */
  async page(user: AuthUser, code: string, before: string | undefined, limit: number = CHAT_LIMITS.pageDefault): Promise<ChatHistoryPage> {
    await this.limiter.enforce(this.limits.reads, user.id);
    const access = await this.access.get(code, { userId: user.id });
    if (!mayRead(access)) throw chatNotFound();
    const { meeting, participant } = access;
    await this.members.record({ meetingId: meeting.id, identity: participant.identity, userId: participant.userId, displayName: participant.displayName });
    const rows = await this.messages.before(meeting.id, participant.identity, before === undefined ? null : decodeCursor(before), limit + 1);
    const page = rows.slice(0, limit);
    return {
      messages: (await this.messages.views(page)).reverse(),
      nextCursor: rows.length > limit ? encodeCursor(Number(page[page.length - 1].seq)) : null,
    };
  }

  /** A participant's copy of a meeting's whole chat: what they may see, oldest first, nothing deleted. */
  async export(user: AuthUser, code: string): Promise<ChatExport> {
    await this.limiter.enforce(this.limits.exports, user.id);
    const access = await this.access.get(code, { userId: user.id });
    if (!mayRead(access)) throw chatNotFound();
    return this.exportFor(access.meeting, access.participant);
  }

  /** The same for someone in the live chat (a guest too), whom the handshake and speaker() checked. */
  async exportLive(speaker: Speaker): Promise<ChatExport> {
    await this.limiter.enforce(this.limits.exports, limitSubject(speaker));
    return this.exportFor({ id: speaker.meetingId, code: speaker.code }, speaker);
  }

  private async exportFor(meeting: { id: string; code: string }, participant: { identity: string; displayName: string }): Promise<ChatExport> {
    const messages: ChatMessage[] = [];
    for (let after = 0; ; ) {
      const rows = await this.messages.visibleAfter(meeting.id, participant.identity, after, EXPORT_BATCH);
      messages.push(...(await this.messages.views(rows)));
      if (rows.length < EXPORT_BATCH) break;
      after = Number(rows[rows.length - 1].seq);
    }
    return chatExport({ id: meeting.id, code: meeting.code }, { identity: participant.identity, displayName: participant.displayName }, messages);
  }

  /** Full-text search across the chats of the meetings the caller took part in, newest first. */
  async search(user: AuthUser, query: string, cursor: string | undefined, limit: number = CHAT_LIMITS.pageDefault): Promise<ChatSearchPage> {
    if (query.trim() === '') throw invalid('Type something to search for.');
    await this.limiter.enforce(this.limits.search, user.id);
    const rows = await this.messages.search(user.id, query, cursor === undefined ? null : decodeCursor(cursor), limit + 1);
    const page = rows.slice(0, limit);
    const views = await this.messages.views(page);
    return {
      results: views.map((message, i) => ({ meetingCode: page[i].meeting_code, message })),
      nextCursor: rows.length > limit ? encodeCursor(Number(page[page.length - 1].pos)) : null,
    };
  }
}
