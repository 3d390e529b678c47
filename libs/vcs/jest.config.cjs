module.exports = { ...require('../../jest.preset.cjs'), displayName: 'vcs', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
