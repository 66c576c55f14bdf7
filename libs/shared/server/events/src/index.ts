export * from './lib/redis-connections';
export * from './lib/event-publisher';
export * from './lib/outbox-relay';
export * from './lib/event-consumer';
export * from './lib/rpc-client';
export * from './lib/events.module';
export * from './lib/sleep';
