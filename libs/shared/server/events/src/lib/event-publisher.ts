import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '@confer/shared/contracts';
import { currentRequestId } from '@confer/shared/server/observability';

/**
 * One event's outbox row exactly as `publish` writes it, for a producer that must write it in the
 * statement that makes its change (a CTE), so that the change takes one round trip.
 */
export interface OutboxInsert {
  /** The target of an INSERT: `"<schema>".outbox_events (id, type, version, payload, metadata)`. */
  target: string;
  /** In the target's column order: id, type, version, payload (JSON text), metadata (JSON text). */
  values: [id: string, type: string, version: number, payload: string, metadata: string];
}

/**
 * Writes domain events to the service's outbox. Pass the EntityManager of the transaction that
 * changes the domain state, so that the event exists if and only if the change was committed.
 */
export class EventPublisher {
  private readonly target: string;

  constructor(private readonly dataSource: DataSource, private readonly schema: string) {
    this.target = `"${this.schema}".outbox_events (id, type, version, payload, metadata)`;
  }

  async publish(event: DomainEvent<unknown>, manager?: EntityManager): Promise<string> {
    const [id] = await this.publishAll([event], manager);
    return id;
  }

  async publishAll(events: DomainEvent<unknown>[], manager?: EntityManager): Promise<string[]> {
    const runner = manager ?? this.dataSource.manager;
    const ids: string[] = [];
    for (const event of events) {
      const { target, values } = this.outboxInsert(event);
      await runner.query(`INSERT INTO ${target} VALUES ($1, $2, $3, $4, $5)`, values);
      ids.push(values[0]);
    }
    return ids;
  }

  /**
   * The row `publish` would write, for the caller's own statement. Written in the same transaction
   * (or statement) as the change, it is the same event, relayed alike: the relay reads the table.
   */
  outboxInsert(event: DomainEvent<unknown>): OutboxInsert {
    const { type, version } = event.describe();
    const requestId = currentRequestId();
    return { target: this.target, values: [randomUUID(), type, version, JSON.stringify(event.payload), JSON.stringify(requestId ? { requestId } : {})] };
  }
}
