export * from './lib/service-context';
export * from './lib/platform.module';
export * from './lib/bootstrap';
export * from './lib/http/error-mapping';
export * from './lib/http/client-address';
export * from './lib/rate-limit/rate-limiter';
export * from './lib/privacy/personal-data';
