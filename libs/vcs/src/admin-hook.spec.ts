// Administrator-configured hook commands: run through /bin/sh in the repository with a fixed
// environment plus the push's HG_* / GROVE_* variables; failures are reported, never thrown.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VcsService } from './service';
import { makeTempDir, removeTempDir } from './testing/cli';

let root: string;
let vcs: VcsService;

beforeAll(async () => {
  root = await makeTempDir();
  vcs = new VcsService({ reposRoot: root, timeoutMs: 30_000 });
  await vcs.init('g', 'git');
  await vcs.init('h', 'hg');
});

afterAll(async () => {
  await vcs?.close();
  await removeTempDir(root);
});

test.each(['g', 'h'])('%s: runs in the repository with the given variables and a fixed PATH', async (name) => {
  const out = join(root, `${name}.out`);
  // the variable holds shell syntax: it must arrive as text, never be evaluated
  const r = await vcs.runAdminHook(name, `printf '%s|%s|%s\\n' "$PWD" "$GROVE_USER" "$HG_NODE" > ${out}; echo done`, {
    GROVE_USER: '$(touch pwned) `id`',
    HG_NODE: 'abc',
  });
  expect(r).toEqual({ exitCode: 0, output: 'done\n', timedOut: false });
  expect(await readFile(out, 'utf8')).toBe(`${join(root, name)}|$(touch pwned) \`id\`|abc\n`);
});

test('a failing command is reported with its output', async () => {
  const r = await vcs.runAdminHook('g', 'echo oops >&2; exit 3', {});
  expect(r).toEqual({ exitCode: 3, output: 'oops\n', timedOut: false });
});

test('a command over its deadline is stopped', async () => {
  const r = await vcs.runAdminHook('g', 'sleep 30', {}, { timeoutMs: 200 });
  expect(r.timedOut).toBe(true);
  expect(r.exitCode).toBeNull();
});

test('only HG_* and GROVE_* variables may be set', async () => {
  await expect(vcs.runAdminHook('g', 'true', { PATH: '/tmp' })).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(vcs.runAdminHook('missing', 'true', {})).rejects.toMatchObject({ code: 'NotFound' });
});
