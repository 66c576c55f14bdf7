import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '@confer/shared/contracts';
import { currentRequestId } from '@confer/shared/server/observability';

/**
 * Writes domain events to the service's outbox. Pass the EntityManager of the transaction that
 * changes the domain state, so that the event exists if and only if the change was committed.
 */
export class EventPublisher {
  constructor(private readonly dataSource: DataSource, private readonly schema: string) {}

  async publish(event: DomainEvent<unknown>, manager?: EntityManager): Promise<string> {
    const [id] = await this.publishAll([event], manager);
    return id;
  }

  async publishAll(events: DomainEvent<unknown>[], manager?: EntityManager): Promise<string[]> {
    const runner = manager ?? this.dataSource.manager;
    const ids: string[] = [];
    for (const event of events) {
      const { type, version } = event.describe();
      const id = randomUUID();
      const requestId = currentRequestId();
      await runner.query(
        `INSERT INTO "${this.schema}".outbox_events (id, type, version, payload, metadata) VALUES ($1, $2, $3, $4, $5)`,
        [id, type, version, JSON.stringify(event.payload), JSON.stringify(requestId ? { requestId } : {})],
      );
      ids.push(id);
    }
    return ids;
  }
}
