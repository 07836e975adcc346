/** One jest run, two projects: fast back-end/unit tests and browser end-to-end tests. */
const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: [
        '<rootDir>/test/**/*.test.ts',
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/local/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'static/tsconfig.json' }] },
      testMatch: ['<rootDir>/static/**/*.test.tsx'],
      // Atlaskit's CommonJS builds require their compiled CSS; the browser build extracts it instead.
      moduleNameMapper: { '\\.css$': '<rootDir>/static/test/style-mock.js' },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
    },
  ],
};
