module.exports = {
  displayName: 'edge',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @fastify/static requires content-disposition 3, which ships only as ESM. Node loads it through
  // require(esm); Jest cannot, so it is compiled to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/edge',
};
