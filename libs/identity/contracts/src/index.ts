export * from './lib/identity.rpc';
export * from './lib/identity.api';
export * from './lib/identity.errors';
export * from './lib/identity.events';
export * from './lib/privacy.api';
