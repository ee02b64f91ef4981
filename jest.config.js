/**
 * Projects: `unit` tests pure modules straight from src/ (milliseconds, no Strapi);
 * `integration` boots Strapi in-process from dist/ on a fresh database per test file; `browser`
 * does the same and drives Debian's chromium; `security` is the security regression suite
 * (issue #8; Strapi in-process, its `browser-*` files with chromium), see the README,
 * "Security regression suite".
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }];

module.exports = {
  // Booting Strapi takes a few seconds; on a loaded CI machine, more.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // Drive Debian's chromium: skipped with a loud notice where it is missing (never under CI).
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
