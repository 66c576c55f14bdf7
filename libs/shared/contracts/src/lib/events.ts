import type { ServiceName } from './services';

/** What travels on the bus: one domain event with its identity, version and tracing metadata. */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  version: number;
  producer: ServiceName;
  occurredAt: string;
  payload: TPayload;
  metadata: EventMetadata;
}

export interface EventMetadata {
  requestId?: string;
  /** Id of the event or request that caused this one. */
  causationId?: string;
}

/** Static side of an event class: its stable type name, version and producing service. */
export interface EventClass<TPayload = unknown> {
  readonly type: string;
  readonly version: number;
  readonly producer: ServiceName;
  new (payload: TPayload): DomainEvent<TPayload>;
}

/**
 * Base of every event contract. A subclass declares `static type`, `static version` and
 * `static producer`; a breaking change to the payload is a new class with a higher version.
 */
export abstract class DomainEvent<TPayload> {
  constructor(readonly payload: TPayload) {}

  describe(): { type: string; version: number; producer: ServiceName } {
    const cls = this.constructor as unknown as EventClass<TPayload>;
    return { type: cls.type, version: cls.version, producer: cls.producer };
  }
}

/** Redis stream on which a service's events are published. */
export function eventStreamName(prefix: string, producer: ServiceName): string {
  return `${prefix}:events:${producer}`;
}
