export * from './lib/config-error';
export * from './lib/env';
export * from './lib/load-config';
export * from './lib/service-env';
