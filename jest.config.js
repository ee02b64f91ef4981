/**
 * Three projects: `unit` tests pure modules straight from src/ (milliseconds, no Strapi);
 * `integration` boots Strapi in-process from dist/ on a fresh database per test file;
 * `security` is the security regression suite (issue #8; Strapi in-process like `integration`),
 * see the README, "Security regression suite".
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
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
