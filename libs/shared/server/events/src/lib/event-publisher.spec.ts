import type { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from '@confer/shared/contracts';
import { runWithRequestId } from '@confer/shared/server/observability';
import { EventPublisher } from './event-publisher';

class ThingHappened extends DomainEvent<{ thingId: string; at: string }> {
  static readonly type = 'meetings.thing.happened';
  static readonly version = 3;
  static readonly producer = 'meetings' as const;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('EventPublisher', () => {
  const query = jest.fn().mockResolvedValue([]);
  const manager = { query } as unknown as EntityManager;
  const publisher = new EventPublisher({ manager } as unknown as DataSource, 'meetings');

  beforeEach(() => query.mockClear());

  it('describes the outbox row of an event: table and columns, a fresh id, type, version, payload and the request id as JSON', () => {
    const event = new ThingHappened({ thingId: 't-1', at: '2025-01-02T03:04:05.678Z' });
    const row = runWithRequestId('req-1', () => publisher.outboxInsert(event));
    expect(row).toEqual({
      target: '"meetings".outbox_events (id, type, version, payload, metadata)',
      values: [expect.stringMatching(UUID), 'meetings.thing.happened', 3, '{"thingId":"t-1","at":"2025-01-02T03:04:05.678Z"}', '{"requestId":"req-1"}'],
    });
    expect(publisher.outboxInsert(event).values[0]).not.toBe(row.values[0]);
    expect(publisher.outboxInsert(event).values[4]).toBe('{}');
  });

  it('publishes exactly the rows it describes, one per event, in the given transaction', async () => {
    const events = [new ThingHappened({ thingId: 'a', at: 'x' }), new ThingHappened({ thingId: 'b', at: 'y' })];
    const ids = await runWithRequestId('req-2', () => publisher.publishAll(events, manager));
    expect(query.mock.calls).toEqual(
      events.map((event, i) => [
        'INSERT INTO "meetings".outbox_events (id, type, version, payload, metadata) VALUES ($1, $2, $3, $4, $5)',
        [ids[i], 'meetings.thing.happened', 3, JSON.stringify(event.payload), '{"requestId":"req-2"}'],
      ]),
    );
  });
});
