export * from './lib/shared-server-devstack';
