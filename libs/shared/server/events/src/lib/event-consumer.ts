import type Redis from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import {
  eventStreamName,
  type EventClass,
  type EventEnvelope,
  type ServiceName,
} from '@confer/shared/contracts';
import { runWithRequestId, type Logger, type ServiceMetrics } from '@confer/shared/server/observability';
import { sleep } from './sleep';

export type EventHandler<TPayload> = (event: EventEnvelope<TPayload>, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  /** The consuming service: its consumer group and the owner of the processed_events table. */
  group: ServiceName;
  consumerName: string;
  schema: string;
  prefix: string;
  /** Producers whose streams this service reads. */
  producers: readonly ServiceName[];
  /** An entry not acknowledged for this long is delivered again. */
  retryAfterMs: number;
  /** After this many deliveries an entry moves to the dead-letter stream. */
  maxDeliveries: number;
  blockMs?: number;
  batchSize?: number;
  /** Ids of handled events are kept this long for deduplication (default 30 days). */
  keepProcessedMs?: number;
}

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

interface Registration {
  version: number;
  handler: EventHandler<unknown>;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * Reads the producers' streams as a Redis consumer group, so that a service that was down gets what
 * it missed when it returns. Each event is handled in a Postgres transaction that first records the
 * event id in processed_events: a redelivered event has no second effect. A failing handler leaves
 * the entry pending; it is retried after retryAfterMs and parked in the dead-letter stream after
 * maxDeliveries, never dropped.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, Registration>();
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private lastReclaim = 0;
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: Redis,
    private readonly blocking: Redis,
    private readonly options: EventConsumerOptions,
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {}

  on<TPayload>(eventClass: EventClass<TPayload>, handler: EventHandler<TPayload>): void {
    if (!this.options.producers.includes(eventClass.producer)) {
      throw new Error(`${this.options.group} does not read ${eventClass.producer}'s stream; add it to producers`);
    }
    if (this.handlers.has(eventClass.type)) throw new Error(`a handler for ${eventClass.type} is already registered`);
    this.handlers.set(eventClass.type, { version: eventClass.version, handler: handler as EventHandler<unknown> });
  }

  start(): void {
    if (this.options.producers.length === 0) return;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.blocking.disconnect();
    await this.loop;
  }

  private get streams(): string[] {
    return this.options.producers.map((p) => eventStreamName(this.options.prefix, p));
  }

  private async ensureGroups(): Promise<void> {
    for (const stream of this.streams) {
      try {
        await this.commands.xgroup('CREATE', stream, this.options.group, '0', 'MKSTREAM');
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) throw error;
      }
    }
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    let failures = 0;
    let groupsReady = false;
    while (!signal.aborted) {
      try {
        if (!groupsReady) {
          await this.ensureGroups();
          groupsReady = true;
        }
        await this.readNew();
        await this.reclaimStale();
        await this.forgetOldIds();
        if (failures > 0) this.logger.info({ component: 'event-consumer' }, 'event consumer recovered');
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        if (String(error).includes('NOGROUP')) groupsReady = false;
        if (failures === 1 || failures % 50 === 0) {
          this.logger.warn({ component: 'event-consumer', err: error, failures }, 'event consumer cannot read; will retry');
        }
        await sleep(Math.min(100 * 2 ** Math.min(failures, 5), 2000), signal);
      }
    }
  }

  /**
   * Deduplication needs an id only while its entry can still be delivered again; streams are
   * trimmed long before the retention runs out.
   */
  private async forgetOldIds(): Promise<void> {
    if (Date.now() - this.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    this.lastHousekeeping = Date.now();
    await this.dataSource.query(
      `DELETE FROM "${this.options.schema}".processed_events WHERE consumer = $1 AND processed_at < now() - make_interval(secs => $2)`,
      [this.options.group, (this.options.keepProcessedMs ?? 30 * 24 * 3600 * 1000) / 1000],
    );
  }

  private async readNew(): Promise<void> {
    if (this.blocking.status === 'end') this.blocking.connect().catch(() => undefined);
    const streams = this.streams;
    const reply = (await this.blocking.xreadgroup(
      'GROUP',
      this.options.group,
      this.options.consumerName,
      'COUNT',
      this.options.batchSize ?? 50,
      'BLOCK',
      this.options.blockMs ?? 1000,
      'STREAMS',
      ...streams,
      ...streams.map(() => '>'),
    )) as [string, StreamEntry[]][] | null;
    for (const [stream, entries] of reply ?? []) {
      for (const [id, fields] of entries) {
        if (this.abort.signal.aborted) return;
        await this.handle(stream, id, fields);
      }
    }
  }

  /** Takes over entries left unacknowledged (a failed handler, or a consumer that died) and retries them. */
  private async reclaimStale(): Promise<void> {
    const now = Date.now();
    if (now - this.lastReclaim < Math.max(this.options.retryAfterMs / 4, 25)) return;
    this.lastReclaim = now;
    for (const stream of this.streams) {
      const [, entries] = (await this.commands.xautoclaim(
        stream,
        this.options.group,
        this.options.consumerName,
        this.options.retryAfterMs,
        '0-0',
        'COUNT',
        this.options.batchSize ?? 50,
      )) as [string, (StreamEntry | null)[]];
      for (const entry of entries) {
        if (!entry || this.abort.signal.aborted) continue;
        const [id, fields] = entry;
        const pending = (await this.commands.xpending(stream, this.options.group, id, id, 1)) as [
          string,
          string,
          number,
          number,
        ][];
        const deliveries = pending[0]?.[3] ?? 1;
        if (deliveries > this.options.maxDeliveries) {
          await this.deadLetter(stream, id, fields, `failed ${deliveries - 1} deliveries`);
        } else {
          await this.handle(stream, id, fields);
        }
      }
    }
  }

  private async handle(stream: string, id: string, fields: string[] | null): Promise<void> {
    const raw = fieldValue(fields, 'envelope');
    let envelope: EventEnvelope;
    try {
      envelope = JSON.parse(raw ?? '') as EventEnvelope;
    } catch {
      await this.deadLetter(stream, id, fields, 'entry is not a JSON envelope');
      return;
    }
    const registration = this.handlers.get(envelope.type);
    if (!registration) {
      await this.commands.xack(stream, this.options.group, id);
      this.metrics?.eventsHandled.inc({ type: envelope.type, outcome: 'ignored' });
      return;
    }
    if (registration.version !== envelope.version) {
      await this.deadLetter(stream, id, fields, `handler expects version ${registration.version}, got ${envelope.version}`);
      return;
    }
    try {
      const handled = await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "${this.options.schema}".processed_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.options.group, envelope.id, envelope.type],
        );
        if (inserted.length === 0) return false;
        await runWithRequestId(envelope.metadata?.requestId, () => registration.handler(envelope, manager));
        return true;
      });
      await this.commands.xack(stream, this.options.group, id);
      this.metrics?.eventsHandled.inc({ type: envelope.type, outcome: handled ? 'handled' : 'duplicate' });
    } catch (error) {
      this.metrics?.eventsHandled.inc({ type: envelope.type, outcome: 'failed' });
      this.logger.warn(
        { component: 'event-consumer', err: error, eventId: envelope.id, type: envelope.type, requestId: envelope.metadata?.requestId },
        'event handler failed; the event stays pending and will be retried',
      );
    }
  }

  private async deadLetter(stream: string, id: string, fields: string[] | null, reason: string): Promise<void> {
    const deadStream = `${this.options.prefix}:dead-letter:${this.options.group}`;
    await this.commands.xadd(
      deadStream,
      '*',
      'stream',
      stream,
      'entryId',
      id,
      'reason',
      reason,
      'envelope',
      fieldValue(fields, 'envelope') ?? '',
    );
    await this.commands.xack(stream, this.options.group, id);
    this.metrics?.eventsHandled.inc({ type: fieldValue(fields, 'type') ?? 'unknown', outcome: 'dead_lettered' });
    this.logger.error({ component: 'event-consumer', stream, entryId: id, reason, deadStream }, 'event moved to the dead-letter stream');
  }
}

function fieldValue(fields: string[] | null, name: string): string | undefined {
  if (!fields) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
