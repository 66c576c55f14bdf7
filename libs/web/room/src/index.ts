export * from './lib/room.routes';
