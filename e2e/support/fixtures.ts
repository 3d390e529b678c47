import { test as base } from '@playwright/test';
import { GroveServer, startGrove } from './grove-server';

interface ServerPerFile {
  /** The server of this test file: started on its first test, replacing the previous file's. */
  forFile(file: string): Promise<GroveServer>;
}

/**
 * `grove`: one real server per test file, shared by its tests. A worker runs several files one
 * after another, so the worker keeps the current file's server and swaps it when the file changes
 * (a plain worker-scoped server would leak one file's data into the next).
 */
export const test = base.extend<{ grove: GroveServer; baseURL: string }, { serverPerFile: ServerPerFile }>({
  serverPerFile: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      let current: { file: string; server: GroveServer } | undefined;
      await use({
        async forFile(file) {
          if (current?.file === file) return current.server;
          if (current) await current.server.stop();
          current = undefined;
          current = { file, server: await startGrove() };
          return current.server;
        },
      });
      if (current) await current.server.stop();
    },
    { scope: 'worker' },
  ],
  grove: async ({ serverPerFile }, use, testInfo) => {
    await use(await serverPerFile.forFile(testInfo.file));
  },
  baseURL: async ({ grove }, use) => {
    await use(grove.baseUrl);
  },
});

export { expect } from '@playwright/test';
