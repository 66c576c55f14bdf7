import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { RedisConnections } from '@confer/shared/server/events';
import { CHAT_CONFIG } from '../chat.tokens';
import type { ChatConfig } from '../chat.env';

/**
 * socket.io's Redis adapter (pub/sub), so that chat instances side by side deliver to each other's
 * clients: an emit to a room is published once and every instance sends it to its own sockets in
 * that room. Two connections of its own (a subscriber cannot publish), closed after the server.
 */
@Injectable()
export class ChatScaleOut implements OnApplicationShutdown {
  private readonly connections: RedisConnections;

  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {
    this.connections = new RedisConnections(config.REDIS_URL, 'chat');
  }

  adapter(): ReturnType<typeof createAdapter> {
    // Unlike the platform's command clients, these queue while Redis is away: the subscriber must
    // (re)subscribe once it is back, and an emit made meanwhile goes out then.
    const options = { enableOfflineQueue: true, maxRetriesPerRequest: null };
    const pub = this.connections.create('socket.io-pub', options);
    const sub = this.connections.create('socket.io-sub', options);
    return createAdapter(pub, sub, { key: `${this.config.EVENTS_PREFIX}:socket.io` });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.closeAll();
  }
}
