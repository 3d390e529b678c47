// Integration tests boot the real app on SQLite, or on PostgreSQL when DATABASE_URL is set.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  testTimeout: 60000,
};
