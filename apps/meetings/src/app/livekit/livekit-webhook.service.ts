import { Inject, Injectable } from '@nestjs/common';
import { MeetingsErrorCode } from '@confer/meetings/contracts';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { RoomEventsHandler, type AfterCommit } from '../attendance/room-events.handler';
import { LiveRoomService } from '../live/live-room.service';
import { LiveStateService } from '../live/live-state.service';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingsConfig } from '../meetings.env';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** A delivery older than this (by the event's createdAt) is refused; ids are kept twice as long. */
export const WEBHOOK_MAX_AGE_SECONDS = 300;
/** Clock skew tolerated for an event that claims to come from the future. */
const FUTURE_SKEW_SECONDS = 60;

export interface WebhookOutcome {
  event: WebhookEvent;
  duplicate: boolean;
}

/**
 * Verifies LiveKit's signed webhooks (a JWT over the body's SHA-256), refuses stale ones, recognises
 * redeliveries by event id, and applies each event once, in one transaction with its outbox events.
 */
@Injectable()
export class LiveKitWebhookService {
  private readonly receiver: WebhookReceiver;

  constructor(
    @Inject(MEETINGS_CONFIG) config: MeetingsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly handler: RoomEventsHandler,
    private readonly room: LiveRoomService,
    private readonly live: LiveStateService,
  ) {
    this.receiver = new WebhookReceiver(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);
  }

  async receive(body: string, authorization: string | undefined, now = Date.now()): Promise<WebhookOutcome> {
    if (!authorization) throw new DomainError(MeetingsErrorCode.WebhookUnsigned, 'unauthenticated', 'The webhook has no signature.');
    let event: WebhookEvent;
    try {
      event = await this.receiver.receive(body, authorization);
    } catch {
      throw new DomainError(MeetingsErrorCode.WebhookSignatureInvalid, 'unauthenticated', 'The webhook signature is not valid.');
    }
    const createdAt = Number(event.createdAt) * 1000;
    if (!event.id || !createdAt || createdAt < now - WEBHOOK_MAX_AGE_SECONDS * 1000 || createdAt > now + FUTURE_SKEW_SECONDS * 1000) {
      throw new DomainError(MeetingsErrorCode.WebhookStale, 'invalid', 'The webhook is too old, from the future, or has no id.');
    }
    const context = { component: 'livekit-webhook', id: event.id, event: event.event, room: event.room?.name, participant: event.participant?.identity };
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await this.deliveries.claim(event.id, event.event, manager))) return { duplicate: true as const };
      return { duplicate: false as const, after: await this.handler.apply(event, manager) };
    });
    this.logger.info({ ...context, duplicate: applied.duplicate }, 'livekit webhook received');
    if (!applied.duplicate && applied.after) await this.afterCommit(applied.after);
    return { event, duplicate: applied.duplicate };
  }

  /** Replays older than the accepted age are refused by their createdAt, so their ids can go. */
  async forgetOldDeliveries(now = Date.now()): Promise<void> {
    await this.deliveries.forgetBefore(new Date(now - 2 * WEBHOOK_MAX_AGE_SECONDS * 1000));
  }

  private async afterCommit(after: AfterCommit): Promise<void> {
    if (after.kind === 'end') await this.live.end(after.meetingId, 'room_finished', after.at);
    else if (after.kind === 'restrict') await this.live.applyBlocks(after.meetingId, after.identity);
    else await this.room.removeParticipant(after.meetingId, after.identity);
  }
}
