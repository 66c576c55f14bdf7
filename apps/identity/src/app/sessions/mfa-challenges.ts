import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { hashOpaqueToken, newOpaqueToken } from '@confer/identity/domain';
import { REDIS_COMMANDS } from '@confer/shared/server/events';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';

const TTL_SECONDS = 300;

/** The half-way state between a right password and the second factor: a short-lived, single-use token in Redis. */
@Injectable()
export class MfaChallenges {
  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async create(userId: string): Promise<{ challenge: string; expiresAt: string }> {
    const challenge = newOpaqueToken();
    await this.redis.set(this.key(challenge), userId, 'EX', TTL_SECONDS);
    return { challenge, expiresAt: new Date(Date.now() + TTL_SECONDS * 1000).toISOString() };
  }

  async userOf(challenge: string): Promise<string | null> {
    return this.redis.get(this.key(challenge));
  }

  /** Ends a challenge; true only for the caller that ended it, so it completes once. */
  async complete(challenge: string): Promise<boolean> {
    return (await this.redis.del(this.key(challenge))) === 1;
  }

  private key(challenge: string): string {
    return `${this.config.EVENTS_PREFIX}:identity:mfa-challenge:${hashOpaqueToken(challenge)}`;
  }
}
