// Shared jest settings: TypeScript via SWC (with decorator metadata for Nest), sources of
// workspace libraries resolved directly so tests never need a prior build.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@grove/shared$': path.join(__dirname, 'libs/shared/src/index.ts'),
    '^@grove/vcs$': path.join(__dirname, 'libs/vcs/src/index.ts'),
    '^@grove/api$': path.join(__dirname, 'apps/api/src/index.ts'),
  },
};
