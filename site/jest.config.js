// Native ES modules (run through `node --experimental-vm-modules`, see package.json): the code
// under test is the very code the browser loads, with no transform in between.
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  transform: {},
  // The browser suite starts Chromium; everything else runs in milliseconds.
  testTimeout: 60000,
};
