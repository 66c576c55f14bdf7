import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { revocationChannel, type Revocation } from '@confer/shared/contracts';
import { REDIS_COMMANDS } from '@confer/shared/server/events';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';

/**
 * Tells every instance of every service at once that sessions ended. If a broadcast is lost, the
 * instance catches up from the revocation snapshot when it resubscribes, and at worst the token
 * expires within its short lifetime.
 */
@Injectable()
export class RevocationBroadcaster {
  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async broadcast(revocation: Revocation): Promise<void> {
    try {
      await this.redis.publish(revocationChannel(this.config.EVENTS_PREFIX), JSON.stringify(revocation));
    } catch (err) {
      this.logger.warn({ err: String(err), kind: revocation.kind }, 'revocation broadcast failed; tokens expire on their own');
    }
  }
}
