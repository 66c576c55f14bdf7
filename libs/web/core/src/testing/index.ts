export * from './dom-queries';
export * from './read-blob';
