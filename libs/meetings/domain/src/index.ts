export * from './lib/time-zone';
export * from './lib/recurrence';
export * from './lib/occurrences';
export * from './lib/calendar';
export * from './lib/passcode';
