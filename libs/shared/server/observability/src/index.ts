export * from './lib/request-context';
export * from './lib/logger';
export * from './lib/nest-logger';
export * from './lib/metrics';
export * from './lib/tokens';
