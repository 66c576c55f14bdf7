/**
 * Integration tests (*.int-spec.ts): real Postgres, Redis, LiveKit, S3 and SMTP of the local stack.
 * One file at a time on this two-core machine; generous timeouts for process start-up.
 */
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 90000,
  maxWorkers: 1,
};
