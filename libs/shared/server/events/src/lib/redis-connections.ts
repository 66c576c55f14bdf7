import type { RedisOptions as NestRedisOptions } from '@nestjs/microservices';
import Redis, { type RedisOptions } from 'ioredis';

/** ioredis options for a redis:// or rediss:// URL, in the shape Nest's Redis transport takes too. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * The Redis clients of one service process. Every client reconnects by itself, forever, with a capped
 * back-off; commands fail fast while Redis is away instead of queueing, so health checks and the
 * outbox relay see the outage at once and nothing hangs.
 */
export class RedisConnections {
  private readonly clients: Redis[] = [];

  constructor(private readonly url: string, private readonly name: string) {}

  create(role: string, overrides: RedisOptions = {}): Redis {
    const client = new Redis({
      ...redisOptionsFromUrl(this.url),
      connectionName: `${this.name}:${role}`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
      ...overrides,
    });
    // Errors surface through the commands that fail; an unhandled 'error' event would crash the process.
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      this.clients.map(async (client) => {
        try {
          await client.quit();
        } catch {
          client.disconnect();
        }
      }),
    );
  }
}

/** Options of Nest's Redis transport (server and client) for a URL: reconnect forever, once a second. */
export function rpcTransportOptions(url: string): NonNullable<NestRedisOptions['options']> {
  const { host, port, username, password, db, tls } = redisOptionsFromUrl(url);
  return { host, port, username, password, db, tls, retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1000 };
}
