import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CHAT_LIMITS,
  ChatErrorCode,
  ChatFileShared,
  ChatMessageSent,
  ChatReactionAdded,
  type ChatFile,
  type ChatMessage,
  type DeleteMessageRequest,
  type EditMessageRequest,
  type FloatRequest,
  type HistoryRequest,
  type ReactRequest,
  type SendMessageRequest,
  type SyncRequest,
} from '@confer/chat/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { mayBeLive, mayDeleteAny, writeRefusal } from '../access/chat-policy';
import { invalid, messageNotFound, messageNotYours, recipientNotFound } from '../access/chat.errors';
import { MeetingAccessClient } from '../access/meeting-access.client';
import { fileNotFound } from '../files/file.errors';
import { FileRepository, toChatFile } from '../files/file.repository';
import { FileService } from '../files/file.service';
import { ChatBroadcaster } from '../gateway/chat-broadcaster';
import { CHAT_RATE_LIMITS, limitSubject, type ChatRateLimits } from './chat.limits';
import { checkBody, checkEmoji, countCodePoints } from './message-rules';
import { MessageRepository, type NewMessage, type StampedEvent } from './message.repository';
import { toChatMessage, type MessageRow } from './message-view';
import type { Speaker } from './speaker';

/**
 * Messages of a meeting's live chat: sending (idempotent by client id), editing and deleting, emoji
 * reactions, catch-up and history. Every change is numbered by the meeting's counter, committed with
 * its outbox event, then delivered to the people who may see it.
 */
@Injectable()
export class MessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly events: EventPublisher,
    private readonly limiter: RateLimiter,
    @Inject(CHAT_RATE_LIMITS) private readonly limits: ChatRateLimits,
    private readonly access: MeetingAccessClient,
    private readonly broadcaster: ChatBroadcaster,
    private readonly files: FileRepository,
    private readonly fileService: FileService,
  ) {}

  /**
   * Sending a client id again returns the stored message (duplicate), whatever the body, and delivers
   * nothing again. A message sharing a file (one the sender uploaded and has not shared) may have no text.
   * A new message is stored with its event in one statement (a file share locks the file first); it
   * has no reactions yet, so it is delivered as stored without reading any.
   */
  async send(speaker: Speaker, request: SendMessageRequest): Promise<{ message: ChatMessage; duplicate: boolean }> {
    const body = request.body ?? '';
    if (request.fileId === undefined || body !== '') checkBody(body);
    const known = await this.messages.findByClientId(speaker, request.clientId);
    if (known) return { message: await this.view(known), duplicate: true };
    refuse(writeRefusal(speaker.allowChat, speaker.role));
    const to = request.to === undefined ? null : await this.recipient(speaker, request.to);
    await this.limiter.enforce(this.limits.messages, limitSubject(speaker));
    const stored = await this.store(speaker, { id: randomUUID(), clientId: request.clientId, body, to }, request.fileId);
    if (!stored) {
      // The same client id, sent through another connection at the same moment, was stored first.
      const first = (await this.messages.findByClientId(speaker, request.clientId)) as MessageRow;
      return { message: await this.view(first), duplicate: true };
    }
    const message = toChatMessage(stored.row, [], stored.file);
    this.broadcaster.deliver(message, speaker.socketId);
    return { message, duplicate: false };
  }

  async edit(speaker: Speaker, request: EditMessageRequest): Promise<{ message: ChatMessage }> {
    checkBody(request.body);
    refuse(writeRefusal(speaker.allowChat, speaker.role));
    await this.limiter.enforce(this.limits.messages, limitSubject(speaker));
    const row = await this.dataSource.transaction(async (manager) => {
      const found = await this.messages.findVisibleForUpdate(speaker.meetingId, speaker.identity, request.id, manager);
      if (!found || found.deleted_at) throw messageNotFound();
      if (found.sender_identity !== speaker.identity) throw messageNotYours('edit');
      return this.messages.edit(found.id, request.body, await this.messages.nextVersion(speaker.meetingId, manager), manager);
    });
    return { message: await this.deliver(row, speaker) };
  }

  /** Deleting a deleted message answers its tombstone again (a retry), changing nothing. Its file goes with it. */
  async delete(speaker: Speaker, request: DeleteMessageRequest): Promise<{ message: ChatMessage }> {
    await this.limiter.enforce(this.limits.messages, limitSubject(speaker));
    const { row, changed, file } = await this.dataSource.transaction(async (manager) => {
      const found = await this.messages.findVisibleForUpdate(speaker.meetingId, speaker.identity, request.id, manager);
      if (!found) throw messageNotFound();
      if (found.sender_identity !== speaker.identity && !mayDeleteAny(speaker.role)) throw messageNotYours('delete');
      if (found.deleted_at) return { row: found, changed: false, file: undefined };
      const version = await this.messages.nextVersion(speaker.meetingId, manager);
      const discarded = await this.files.discardOfMessage(found.id, manager);
      return { row: await this.messages.delete(found.id, speaker.identity, version, manager), changed: true, file: discarded };
    });
    if (file) await this.fileService.discard([file]);
    return { message: changed ? await this.deliver(row, speaker) : await this.view(row) };
  }

  /** Adds the caller's emoji to a message, or takes it back if it was there. */
  async react(speaker: Speaker, request: ReactRequest): Promise<{ message: ChatMessage; added: boolean }> {
    checkEmoji(request.emoji);
    refuse(writeRefusal(speaker.allowChat, speaker.role));
    await this.limiter.enforce(this.limits.reactions, limitSubject(speaker));
    const { row, added } = await this.dataSource.transaction(async (manager) => {
      const found = await this.messages.findVisibleForUpdate(speaker.meetingId, speaker.identity, request.messageId, manager);
      if (!found || found.deleted_at) throw messageNotFound();
      const toggled = await this.messages.toggleReaction(found.id, request.emoji, speaker, CHAT_LIMITS.reactionsPerMessageMax, manager);
      if (toggled === undefined) {
        throw new DomainError(ChatErrorCode.ReactionLimit, 'conflict', `A message takes at most ${CHAT_LIMITS.reactionsPerMessageMax} different emojis.`);
      }
      const touched = await this.messages.touch(found.id, await this.messages.nextVersion(speaker.meetingId, manager), manager);
      if (toggled) {
        await this.events.publish(
          new ChatReactionAdded({
            messageId: found.id,
            meetingId: speaker.meetingId,
            emoji: request.emoji,
            identity: speaker.identity,
            userId: speaker.userId,
            at: new Date().toISOString(),
          }),
          manager,
        );
      }
      return { row: touched, added: toggled };
    });
    return { message: await this.deliver(row, speaker), added };
  }

  /** An emoji floating over everyone's video: not stored, allowed when chat is off (it is not chat). */
  async float(speaker: Speaker, request: FloatRequest): Promise<object> {
    checkEmoji(request.emoji);
    await this.limiter.enforce(this.limits.reactions, limitSubject(speaker));
    this.broadcaster.float(speaker.meetingId, {
      emoji: request.emoji,
      from: { identity: speaker.identity, displayName: speaker.displayName },
      at: new Date().toISOString(),
    });
    return {};
  }

  /** Catch-up: what the caller may see that changed after `after`, in the order it changed. */
  async sync(speaker: Speaker, request: SyncRequest): Promise<{ messages: ChatMessage[]; more: boolean }> {
    const limit = request.limit ?? CHAT_LIMITS.pageMax;
    await this.limiter.enforce(this.limits.reads, limitSubject(speaker));
    const rows = await this.messages.changedSince(speaker.meetingId, speaker.identity, request.after, limit + 1);
    return { messages: await this.messages.views(rows.slice(0, limit)), more: rows.length > limit };
  }

  /** Older messages, oldest first: the page before position `before` (or the latest). */
  async history(speaker: Speaker, request: HistoryRequest): Promise<{ messages: ChatMessage[]; more: boolean }> {
    const limit = request.limit ?? CHAT_LIMITS.pageDefault;
    await this.limiter.enforce(this.limits.reads, limitSubject(speaker));
    const rows = await this.messages.before(speaker.meetingId, speaker.identity, request.before ?? null, limit + 1);
    return { messages: (await this.messages.views(rows.slice(0, limit))).reverse(), more: rows.length > limit };
  }

  /**
   * Stores a new message with chat.message.sent (and chat.file.shared when it shares a file, which is
   * locked first), the events' times set to the stored message's. Undefined when this client id was
   * stored meanwhile.
   */
  private async store(
    speaker: Speaker,
    message: Omit<NewMessage, 'fileId'> & { id: string },
    fileId: string | undefined,
  ): Promise<{ row: MessageRow; file?: ChatFile } | undefined> {
    const sent = { messageId: message.id, meetingId: speaker.meetingId, senderIdentity: speaker.identity, senderUserId: speaker.userId, private: message.to !== null };
    const events: [StampedEvent, ...StampedEvent[]] = [
      { row: this.events.outboxInsert(new ChatMessageSent({ ...sent, length: countCodePoints(message.body), sentAt: STAMPED })), timeField: 'sentAt' },
    ];
    if (fileId === undefined) {
      const row = await this.messages.insertNew(speaker, { ...message, fileId: null }, events);
      return row && { row };
    }
    return this.dataSource.transaction(async (manager) => {
      const file = await this.files.findShareable(speaker, fileId, manager);
      if (!file) throw fileNotFound();
      const shared = new ChatFileShared({ ...sent, fileId: file.id, contentType: file.content_type, size: Number(file.size), sharedAt: STAMPED });
      events.push({ row: this.events.outboxInsert(shared), timeField: 'sharedAt' });
      const row = await this.messages.insertNew(speaker, { ...message, fileId: file.id }, events, manager);
      return row && { row, file: toChatFile(file) };
    });
  }

  /** The recipient of a private message must be in the meeting (meetings says so), and not the sender. */
  private async recipient(speaker: Speaker, identity: string): Promise<{ identity: string; displayName: string }> {
    if (identity === speaker.identity) throw invalid('Send a private message to someone else.');
    const access = await this.access.get(speaker.code, { identity });
    if (!mayBeLive(access)) throw recipientNotFound();
    return { identity: access.participant.identity, displayName: access.participant.displayName };
  }

  private async view(row: MessageRow): Promise<ChatMessage> {
    const [message] = await this.messages.views([row]);
    return message;
  }

  /** The change's snapshot to everyone who may see it, but the connection that made it (it gets the answer). */
  private async deliver(row: MessageRow, speaker: Speaker): Promise<ChatMessage> {
    const message = await this.view(row);
    this.broadcaster.deliver(message, speaker.socketId);
    return message;
  }
}

/** An event time that the storing statement replaces with the message's (StampedEvent). */
const STAMPED = '';

function refuse(error: DomainError | undefined): void {
  if (error) throw error;
}
