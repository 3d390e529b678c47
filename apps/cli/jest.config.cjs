module.exports = { ...require('../../jest.preset.cjs'), displayName: 'cli', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'], testTimeout: 120000 };
