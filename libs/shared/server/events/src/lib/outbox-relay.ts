import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { eventStreamName, type EventEnvelope, type ServiceName } from '@confer/shared/contracts';
import type { Logger, ServiceMetrics } from '@confer/shared/server/observability';
import { sleep } from './sleep';

export interface OutboxRelayOptions {
  producer: ServiceName;
  schema: string;
  prefix: string;
  intervalMs: number;
  batchSize?: number;
  /** Approximate length a stream is trimmed to. */
  maxStreamLength?: number;
  /** Published outbox rows older than this are deleted (default 7 days). */
  keepPublishedMs?: number;
}

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  version: number;
  payload: unknown;
  metadata: EventEnvelope['metadata'];
  occurred_at: Date;
}

/**
 * Moves committed events from the outbox to the producer's Redis stream. Rows are locked with SKIP
 * LOCKED, so several instances share the work; a row is marked published only after Redis accepted
 * it, so a crash in between publishes it again (consumers deduplicate by id): at least once.
 */
export class OutboxRelay {
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private failures = 0;
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly options: OutboxRelayOptions,
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** Publishes one batch; returns how many events went out. */
  async relayOnce(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    const stream = eventStreamName(this.options.prefix, this.options.producer);
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, id, type, version, payload, metadata, occurred_at FROM "${this.options.schema}".outbox_events
         WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      const pipeline = this.redis.multi();
      for (const row of rows) {
        const envelope: EventEnvelope = {
          id: row.id,
          type: row.type,
          version: row.version,
          producer: this.options.producer,
          occurredAt: new Date(row.occurred_at).toISOString(),
          payload: row.payload,
          metadata: row.metadata ?? {},
        };
        pipeline.xadd(
          stream,
          'MAXLEN',
          '~',
          String(this.options.maxStreamLength ?? 100000),
          '*',
          'type',
          row.type,
          'envelope',
          JSON.stringify(envelope),
        );
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('redis transaction was discarded');
      await manager.query(
        `UPDATE "${this.options.schema}".outbox_events SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
      for (const row of rows) this.metrics?.eventsPublished.inc({ type: row.type });
      return rows.length;
    });
  }

  /** Deletes published rows past their retention; unpublished rows are never deleted. */
  async deletePublished(olderThanMs = this.options.keepPublishedMs ?? 7 * 24 * 3600 * 1000): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM "${this.options.schema}".outbox_events WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)`,
      [olderThanMs / 1000],
    )) as [unknown, number];
    return deleted;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        if (Date.now() - this.lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
          this.lastHousekeeping = Date.now();
          await this.deletePublished();
        }
        const sent = await this.relayOnce();
        if (this.failures > 0) this.logger.info({ component: 'outbox-relay' }, 'outbox relay recovered');
        this.failures = 0;
        if (sent < (this.options.batchSize ?? 100)) await sleep(this.options.intervalMs, signal);
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 50 === 0) {
          this.logger.warn(
            { component: 'outbox-relay', err: error, failures: this.failures },
            'outbox relay cannot publish; will retry',
          );
        }
        await sleep(Math.min(this.options.intervalMs * 2 ** Math.min(this.failures, 6), 5000), signal);
      }
    }
  }
}
