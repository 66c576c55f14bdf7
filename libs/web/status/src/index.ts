export * from './lib/web-status/web-status';
