export * from './lib/status.routes';
export * from './lib/status-page/status-page';
