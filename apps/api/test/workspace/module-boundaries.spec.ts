import { execFileSync, spawn } from 'node:child_process';
import * as path from 'node:path';

// The architecture is checked by lint: these prove the rules bite where they should.
const root = path.resolve(__dirname, '../../../..');

/** Lints `code` as if it were `file`, with the workspace's real ESLint configuration. */
function problems(file: string, code: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const eslint = spawn(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path.join(root, file), '--format', 'json'], { cwd: root });
    let out = '';
    eslint.stdout.on('data', (d: Buffer) => (out += d.toString()));
    eslint.on('error', reject);
    eslint.on('close', () => {
      try {
        const [result] = JSON.parse(out) as { messages: { ruleId: string; message: string }[] }[];
        resolve((result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`));
      } catch (error) {
        reject(new Error(`eslint output was not JSON: ${out.slice(0, 500)} (${String(error)})`));
      }
    });
    eslint.stdin.end(code);
  });
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  // Outside Nx, the boundaries rule needs Nx's cached project graph (else it skips itself).
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: root, stdio: 'ignore' });
  });

  it('stops the SPA from importing server code', async () => {
    const found = await problems('apps/web/src/leak.ts', "import { DataSource } from 'typeorm';\nimport * as vcs from '@grove/vcs';\nexport { DataSource, vcs };\n");
    expect(found.filter((p) => p.startsWith('@nx/enforce-module-boundaries'))).toHaveLength(2);
  });

  it('stops libs/shared from importing server code or server libraries', async () => {
    const found = await problems('libs/shared/src/leak.ts', "import { Injectable } from '@nestjs/common';\nimport * as vcs from '@grove/vcs';\nexport { Injectable, vcs };\n");
    expect(found.filter((p) => p.startsWith('@nx/enforce-module-boundaries'))).toHaveLength(2);
  });

  it('allows child_process only inside libs/vcs/src/process', async () => {
    const code = "import { spawn } from 'node:child_process';\nexport { spawn };\n";
    expect(await problems('apps/api/src/leak.ts', code)).toEqual([expect.stringMatching(/^no-restricted-imports: .*Only libs\/vcs\/src\/process/)]);
    expect(await problems('libs/vcs/src/repo.ts', code)).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await problems('libs/vcs/src/process/run.ts', code)).toEqual([]);
  });

  it('lets the server use the shared library', async () => {
    expect(await problems('apps/api/src/ok.ts', "import { hasLevel } from '@grove/shared';\nexport { hasLevel };\n")).toEqual([]);
  });
});
