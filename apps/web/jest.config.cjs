module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/src/testing/jsdom-setup.cjs'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...require('../../jest.preset.cjs').moduleNameMapper,
    '\\.css$': '<rootDir>/src/testing/style-stub.cjs',
    // marked ships ESM by default; its UMD build is the same code for CommonJS tests
    '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js',
  },
};
