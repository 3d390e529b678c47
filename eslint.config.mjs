import nx from '@nx/eslint-plugin';

const serverOnlyPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'sqlite3',
  'fastify',
  '@fastify/*',
  'ssh2',
  'bullmq',
  'ioredis',
  'nodemailer',
  'passport*',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/test-results', '**/playwright-report', 'bench/.data'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['**/jest.*.cjs', 'jest.preset.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The grove CLI is the server's own command line (setup, serve, maintenance): it may import the api app.
          allow: ['@grove/api'],
          depConstraints: [
            // The SPA may only use the browser-safe shared library.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:shared'], bannedExternalImports: serverOnlyPackages },
            // Shared code is pure: it depends on nothing of ours and on no server package.
            { sourceTag: 'type:shared', onlyDependOnLibsWithTags: [], bannedExternalImports: serverOnlyPackages },
            { sourceTag: 'type:vcs', onlyDependOnLibsWithTags: ['type:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['type:shared', 'type:vcs', 'scope:server'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:shared'] },
            // Benchmarks drive the built server and libraries from outside.
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark facts the code established a line earlier; banning them adds noise.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Only libs/vcs runs processes (architecture.md §3); everything else asks it.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['libs/vcs/src/process/**', 'scripts/**', '.ci/**', 'bench/**', 'e2e/**', '**/*.spec.ts', '**/*.int-spec.ts', '**/test/**', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', message: 'Only libs/vcs/src/process may start processes.' },
            { name: 'node:child_process', message: 'Only libs/vcs/src/process may start processes.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests poke at JSON bodies; typing every response shape there buys nothing.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
