import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { MeetingsErrorCode } from '@confer/meetings/contracts';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@confer/shared/server/auth';
import { DomainError } from '@confer/shared/util';
import { LiveKitWebhookService } from './livekit-webhook.service';

/** LiveKit posts room and participant events here; the request is authenticated by its signature. */
@Controller('livekit')
export class LiveKitWebhookController {
  constructor(private readonly webhooks: LiveKitWebhookService) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(@Req() request: FastifyRequest, @Headers('authorization') authorization?: string): Promise<{ received: true; duplicate: boolean }> {
    if (typeof request.body !== 'string') {
      throw new DomainError(MeetingsErrorCode.WebhookBodyInvalid, 'unsupported', 'The webhook body must be application/webhook+json.');
    }
    const { duplicate } = await this.webhooks.receive(request.body, authorization);
    // A redelivery is answered 200 (it was handled the first time) so that LiveKit stops retrying it.
    return { received: true, duplicate };
  }
}
