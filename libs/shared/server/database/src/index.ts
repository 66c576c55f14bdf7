export * from './lib/data-source';
export * from './lib/migrate';
export * from './lib/event-bus-tables.migration';
export * from './lib/database.module';
export * from './lib/database-busy';
