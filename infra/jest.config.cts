module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Synthesis of a stage takes seconds; each spec file synthesizes once and shares the result.
  testTimeout: 120000,
  coverageDirectory: '../coverage/infra',
};
