export * from './types';
export * from './stages';
export * from './validate';
