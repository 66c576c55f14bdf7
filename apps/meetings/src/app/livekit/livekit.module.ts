import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LiveKitWebhookController } from './livekit-webhook.controller';
import { LiveKitWebhookService } from './livekit-webhook.service';

@Module({
  controllers: [LiveKitWebhookController],
  providers: [LiveKitWebhookService],
})
export class LiveKitModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** LiveKit signs the exact bytes it sends, so its webhook body is kept as a string. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('application/webhook+json')) {
      fastify.addContentTypeParser('application/webhook+json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    }
  }
}
