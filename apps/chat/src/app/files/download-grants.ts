import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { CHAT_FILES } from '@confer/chat/contracts';
import { REDIS_COMMANDS } from '@confer/shared/server/events';
import type { ChatConfig } from '../chat.env';
import { CHAT_CONFIG } from '../chat.tokens';

/** Who may fetch which file through one download URL. */
export interface DownloadGrant {
  fileId: string;
  meetingId: string;
  identity: string;
}

/** A random URL-safe token (256 bits) and the hash under which it is kept. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Download URLs: a random token kept (hashed) in Redis for CHAT_FILES.downloadUrlTtlSeconds, so any
 * chat instance can serve it; reusable until it expires (a browser may retry a download).
 */
@Injectable()
export class DownloadGrants {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_COMMANDS) private readonly redis: Redis,
    @Inject(CHAT_CONFIG) config: ChatConfig,
  ) {
    this.prefix = `${config.EVENTS_PREFIX}:chat:download:`;
  }

  async issue(grant: DownloadGrant): Promise<{ token: string; expiresAt: Date }> {
    const { token, hash } = newToken();
    await this.redis.set(this.prefix + hash.toString('hex'), JSON.stringify(grant), 'EX', CHAT_FILES.downloadUrlTtlSeconds);
    return { token, expiresAt: new Date(Date.now() + CHAT_FILES.downloadUrlTtlSeconds * 1000) };
  }

  async find(token: string): Promise<DownloadGrant | undefined> {
    const value = await this.redis.get(this.prefix + hashToken(token).toString('hex'));
    return value ? (JSON.parse(value) as DownloadGrant) : undefined;
  }
}
