import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per service process, with the metrics every service reports. */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly eventsPublished: Counter<'type'>;
  readonly eventsHandled: Counter<'type' | 'outcome'>;
  readonly rpcCalls: Counter<'pattern' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'confer_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: 'confer_events_published_total',
      help: 'Domain events relayed from the outbox to the bus',
      labelNames: ['type'],
      registers: [this.registry],
    });
    this.eventsHandled = new Counter({
      name: 'confer_events_handled_total',
      help: 'Domain events consumed, by outcome (handled, duplicate, ignored, failed, dead_lettered)',
      labelNames: ['type', 'outcome'],
      registers: [this.registry],
    });
    this.rpcCalls = new Counter({
      name: 'confer_rpc_calls_total',
      help: 'RPC calls made to other services, by outcome',
      labelNames: ['pattern', 'outcome'],
      registers: [this.registry],
    });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
