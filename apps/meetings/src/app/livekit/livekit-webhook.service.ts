import { Inject, Injectable } from '@nestjs/common';
import { MeetingsErrorCode } from '@confer/meetings/contracts';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingsConfig } from '../meetings.env';

/** Verifies LiveKit's signed webhooks (a JWT over the body's SHA-256) before anything acts on them. */
@Injectable()
export class LiveKitWebhookService {
  private readonly receiver: WebhookReceiver;

  constructor(@Inject(MEETINGS_CONFIG) config: MeetingsConfig, @Inject(LOGGER) private readonly logger: Logger) {
    this.receiver = new WebhookReceiver(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);
  }

  async receive(body: string, authorization: string | undefined): Promise<WebhookEvent> {
    if (!authorization) throw new DomainError(MeetingsErrorCode.WebhookUnsigned, 'unauthenticated', 'The webhook has no signature.');
    let event: WebhookEvent;
    try {
      event = await this.receiver.receive(body, authorization);
    } catch {
      throw new DomainError(MeetingsErrorCode.WebhookSignatureInvalid, 'unauthenticated', 'The webhook signature is not valid.');
    }
    this.logger.info(
      { component: 'livekit-webhook', event: event.event, room: event.room?.name, participant: event.participant?.identity },
      'livekit webhook received',
    );
    return event;
  }
}
