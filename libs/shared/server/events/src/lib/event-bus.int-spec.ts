import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DomainEvent, eventStreamName } from '@confer/shared/contracts';
import { createServiceDataSource, EventBusTables1764115200000, runMigrationsGuarded } from '@confer/shared/server/database';
import { createTestDatabase, startRedisServer, type RedisServerHandle, type TestDatabase } from '@confer/shared/server/devstack';
import { createLogger, runWithRequestId } from '@confer/shared/server/observability';
import { EventConsumer, type EventHandler } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { OutboxRelay } from './outbox-relay';
import { RedisConnections } from './redis-connections';

interface MeetingStartedPayload {
  meetingId: string;
}

class MeetingStartedForTest extends DomainEvent<MeetingStartedPayload> {
  static readonly type = 'meetings.test-meeting.started';
  static readonly version = 1;
  static readonly producer = 'meetings' as const;
}

const logger = createLogger('event-bus-test', 'silent');
const PREFIX = 'confer-test';

describe('event bus over the real Postgres and Redis', () => {
  let dir: string;
  let db: TestDatabase;
  let redis: RedisServerHandle;
  let producerDb: DataSource;
  let consumerDb: DataSource;
  let connections: RedisConnections;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  const running: EventConsumer[] = [];

  async function migrated(schema: string): Promise<DataSource> {
    const dataSource = createServiceDataSource({
      service: schema,
      url: db.url,
      schema,
      poolMax: 5,
      connectTimeoutMs: 5000,
      entities: [],
      migrations: [EventBusTables1764115200000],
    });
    await dataSource.initialize();
    await runMigrationsGuarded(dataSource);
    return dataSource;
  }

  /** A consumer in the analytics group that records each handled event in analytics.effects. */
  function startConsumer(handler?: EventHandler<MeetingStartedPayload>, overrides: { maxDeliveries?: number } = {}) {
    const consumer = new EventConsumer(
      consumerDb,
      connections.create('consumer'),
      connections.create('consumer-blocking'),
      {
        group: 'analytics',
        consumerName: `analytics-test-${running.length}`,
        schema: 'analytics',
        prefix: PREFIX,
        producers: ['meetings'],
        retryAfterMs: 200,
        maxDeliveries: overrides.maxDeliveries ?? 5,
        blockMs: 100,
      },
      logger,
    );
    consumer.on(
      MeetingStartedForTest,
      handler ??
        (async (event, manager) => {
          await manager.query('INSERT INTO analytics.effects (event_id, meeting_id, request_id) VALUES ($1, $2, $3)', [
            event.id,
            event.payload.meetingId,
            event.metadata.requestId ?? null,
          ]);
        }),
    );
    consumer.start();
    running.push(consumer);
    return consumer;
  }

  async function effects(): Promise<{ event_id: string; meeting_id: string; request_id: string | null }[]> {
    return consumerDb.query('SELECT event_id, meeting_id, request_id FROM analytics.effects ORDER BY meeting_id');
  }

  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (!done(value)) {
      if (Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 50));
      value = await read();
    }
    return value;
  }

  async function publishMeetings(ids: string[]): Promise<void> {
    await producerDb.transaction(async (manager) => {
      await publisher.publishAll(ids.map((meetingId) => new MeetingStartedForTest({ meetingId })), manager);
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confer-events-'));
    [db, redis] = await Promise.all([createTestDatabase(), startRedisServer(join(dir, 'redis'))]);
    producerDb = await migrated('meetings');
    consumerDb = await migrated('analytics');
    await consumerDb.query('CREATE TABLE analytics.effects (event_id uuid PRIMARY KEY, meeting_id text NOT NULL, request_id text)');
    connections = new RedisConnections(redis.url, 'test');
    publisher = new EventPublisher(producerDb, 'meetings');
    relay = new OutboxRelay(producerDb, connections.create('relay'), { producer: 'meetings', schema: 'meetings', prefix: PREFIX, intervalMs: 20 }, logger);
    relay.start();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await consumerDb.query('TRUNCATE analytics.effects');
  });

  afterAll(async () => {
    await relay?.stop();
    await connections?.closeAll();
    await producerDb?.destroy();
    await consumerDb?.destroy();
    await redis?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers an event committed in one service to another, with the request id', async () => {
    startConsumer();
    await runWithRequestId('req-delivery-1', () => publishMeetings(['m-delivery']));
    const rows = await eventually(effects, (r) => r.length === 1);
    expect(rows).toEqual([expect.objectContaining({ meeting_id: 'm-delivery', request_id: 'req-delivery-1' })]);
  });

  it('delivers an event written in the producer\'s own statement (outboxInsert) like a published one, only when the statement writes it', async () => {
    startConsumer();
    await producerDb.query('CREATE TABLE meetings.things (id text PRIMARY KEY)');
    try {
      const write = (thing: string) => {
        const { target, values } = publisher.outboxInsert(new MeetingStartedForTest({ meetingId: thing }));
        // One statement: the change, and its event only if the change was made.
        return producerDb.query(
          `WITH thing AS (INSERT INTO meetings.things (id) VALUES ($6) ON CONFLICT DO NOTHING RETURNING id)
           INSERT INTO ${target} SELECT $1::uuid, $2, $3::int, $4::jsonb, $5::jsonb FROM thing`,
          [...values, thing],
        );
      };
      await runWithRequestId('req-statement-1', () => write('m-statement'));
      await write('m-statement');
      const rows = await eventually(effects, (r) => r.length === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await effects()).toEqual([{ event_id: expect.any(String), meeting_id: 'm-statement', request_id: 'req-statement-1' }]);
      expect(rows).toHaveLength(1);
    } finally {
      await producerDb.query('DROP TABLE meetings.things');
    }
  });

  it('publishes nothing when the producing transaction rolls back', async () => {
    startConsumer();
    await expect(
      producerDb.transaction(async (manager) => {
        await publisher.publish(new MeetingStartedForTest({ meetingId: 'm-rolled-back' }), manager);
        throw new Error('domain change failed');
      }),
    ).rejects.toThrow('domain change failed');
    await publishMeetings(['m-after-rollback']);
    const rows = await eventually(effects, (r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await effects()).map((r) => r.meeting_id)).toEqual(['m-after-rollback']);
    expect(rows.length).toBe(1);
  });

  it('loses nothing while the consumer is stopped, and delivers it when it comes back', async () => {
    const first = startConsumer();
    await publishMeetings(['m-before']);
    await eventually(effects, (r) => r.length === 1);
    await first.stop();

    const missed = Array.from({ length: 20 }, (_, i) => `m-missed-${String(i).padStart(2, '0')}`);
    await publishMeetings(missed);
    // The relay publishes while nobody consumes: the events wait in the stream.
    await eventually(
      async () => Number((await producerDb.query('SELECT count(*) AS n FROM meetings.outbox_events WHERE published_at IS NULL'))[0].n),
      (n) => n === 0,
    );
    expect(await effects()).toHaveLength(1);

    startConsumer();
    const rows = await eventually(effects, (r) => r.length === 21);
    expect(rows.map((r) => r.meeting_id)).toEqual(['m-before', ...missed]);
  });

  it('has no second effect when the same event is delivered again', async () => {
    startConsumer();
    await publishMeetings(['m-once']);
    await eventually(effects, (r) => r.length === 1);

    // Re-add the entry as the relay would after a crash between XADD and marking it published.
    const stream = eventStreamName(PREFIX, 'meetings');
    const reader = new Redis(redis.url);
    const entries = (await reader.xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const fields = entries[0][1];
    await reader.xadd(stream, '*', ...fields);
    await reader.xadd(stream, '*', ...fields);
    await new Promise((r) => setTimeout(r, 500));
    const pending = (await reader.xpending(stream, 'analytics')) as [number, ...unknown[]];
    await reader.quit();

    expect(await effects()).toHaveLength(1);
    expect(pending[0]).toBe(0);
  });

  it('retries a failing handler until it succeeds, with exactly one effect', async () => {
    let attempts = 0;
    startConsumer(async (event, manager) => {
      attempts += 1;
      await manager.query('INSERT INTO analytics.effects (event_id, meeting_id) VALUES ($1, $2)', [event.id, event.payload.meetingId]);
      if (attempts < 3) throw new Error('downstream not ready');
    });
    await publishMeetings(['m-flaky']);
    const rows = await eventually(effects, (r) => r.length === 1);
    expect(rows.map((r) => r.meeting_id)).toEqual(['m-flaky']);
    expect(attempts).toBe(3);
  });

  it('parks an event that always fails in the dead-letter stream instead of dropping it', async () => {
    startConsumer(async () => {
      throw new Error('cannot ever handle this');
    }, { maxDeliveries: 2 });
    await publishMeetings(['m-poison']);
    const reader = new Redis(redis.url);
    const dead = await eventually(
      () => reader.xrange(`${PREFIX}:dead-letter:analytics`, '-', '+'),
      (entries) => entries.some(([, f]) => f.join(' ').includes('m-poison')),
    );
    await reader.quit();
    expect(dead.some(([, f]) => f.join(' ').includes('m-poison'))).toBe(true);
  });

  it('deletes only published outbox rows past their retention', async () => {
    await publishMeetings(['m-retention']);
    await eventually(
      async () => Number((await producerDb.query('SELECT count(*) AS n FROM meetings.outbox_events WHERE published_at IS NULL'))[0].n),
      (n) => n === 0,
    );
    await relay.stop();
    try {
      await producerDb.query(`UPDATE meetings.outbox_events SET published_at = now() - interval '8 days' WHERE published_at IS NOT NULL`);
      await producerDb.query(`INSERT INTO meetings.outbox_events (id, type, version, payload) VALUES (gen_random_uuid(), 'x.unsent', 1, '{}')`);
      const deleted = await relay.deletePublished();
      expect(deleted).toBeGreaterThan(0);
      const left = await producerDb.query('SELECT type, published_at FROM meetings.outbox_events');
      expect(left).toEqual([{ type: 'x.unsent', published_at: null }]);
    } finally {
      await producerDb.query('DELETE FROM meetings.outbox_events');
      relay = new OutboxRelay(producerDb, connections.create('relay'), { producer: 'meetings', schema: 'meetings', prefix: PREFIX, intervalMs: 20 }, logger);
      relay.start();
    }
  });

  it('keeps events in the outbox while Redis is away and delivers them when it returns', async () => {
    startConsumer();
    await redis.stop();
    await publishMeetings(['m-outage-1', 'm-outage-2']);
    await new Promise((r) => setTimeout(r, 500));
    const waiting = await producerDb.query(`SELECT count(*) AS n FROM meetings.outbox_events WHERE published_at IS NULL`);
    expect(Number(waiting[0].n)).toBe(2);

    await redis.start();
    const rows = await eventually(effects, (r) => r.length === 2, 20000);
    expect(rows.map((r) => r.meeting_id)).toEqual(['m-outage-1', 'm-outage-2']);
  });
});
