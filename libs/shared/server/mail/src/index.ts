export * from './lib/mail';
export * from './lib/mail-outbox';
export * from './lib/mail-sender';
export * from './lib/outgoing-mail.migration';
