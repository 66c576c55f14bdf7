export * from './dom-queries';
