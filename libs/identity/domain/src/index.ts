export * from './lib/base32';
export * from './lib/totp';
export * from './lib/recovery-codes';
export * from './lib/password-policy';
export * from './lib/secret-box';
export * from './lib/opaque-token';
