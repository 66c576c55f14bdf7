/**
 * Integration tests (*.int-spec.ts): real Postgres, Redis, LiveKit, S3 and SMTP of the local stack.
 * One file at a time on this two-core machine; generous timeouts for process start-up.
 */
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 90000,
  maxWorkers: 1,
};
