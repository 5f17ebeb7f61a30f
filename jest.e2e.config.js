/** End-to-end tests with real programs from Debian (LibreOffice; Chromium later): npm run test:e2e. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 120000,
};
