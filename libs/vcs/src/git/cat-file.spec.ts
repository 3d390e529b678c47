import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createToolEnvironment, disposeToolEnvironment, type ToolEnvironment } from '../process/tool-env';
import { hgExtensionPath } from '../service';
import { git, makeTempDir, removeTempDir, writeWorkFile } from '../testing/cli';
import { CatFileBatch } from './cat-file';
import { CatFilePool } from './cat-file-pool';

jest.setTimeout(60_000);

let dir: string;
let repo: string;
let tools: ToolEnvironment;
const BIG = randomBytes(5 * 1024 * 1024);

beforeAll(async () => {
  dir = await makeTempDir();
  tools = await createToolEnvironment({ hgExtensionPath: hgExtensionPath() });
  repo = join(dir, 'r');
  await git(dir, 'init', '-q', repo);
  for (let i = 0; i < 50; i++) await writeWorkFile(repo, `f${i}.txt`, `file ${i}\n`);
  await writeWorkFile(repo, 'big.bin', BIG);
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'files');
});

afterAll(async () => {
  await disposeToolEnvironment(tools);
  await removeTempDir(dir);
});

test('answers pipelined requests in order, with sizes and contents like git cat-file', async () => {
  const batch = new CatFileBatch(repo, tools.gitBinary, tools.gitEnv as Record<string, string>);
  try {
    const blobs = (await git(repo, 'ls-tree', 'HEAD')).trim().split('\n').map((l) => ({ oid: l.split(/\s+/)[2]!, name: l.split('\t')[1]! }));
    const results = await Promise.all(blobs.map((b) => batch.contents(b.oid)));
    for (const [i, b] of blobs.entries()) {
      const expected = b.name === 'big.bin' ? BIG : Buffer.from(`file ${b.name.slice(1, -4)}\n`);
      expect(results[i]!.type).toBe('blob');
      expect(results[i]!.data!.equals(expected)).toBe(true);
    }
    const info = await batch.info(blobs[0]!.oid);
    expect(info).toEqual({ oid: blobs[0]!.oid, type: 'blob', size: Number((await git(repo, 'cat-file', '-s', blobs[0]!.oid)).trim()) });
    expect(await batch.info('0'.repeat(40))).toBeNull();
    expect(await batch.contents('deadbeef')).toBeNull();
    await expect(batch.info('--batch-all-objects')).rejects.toMatchObject({ code: 'InvalidRevision' });
    await expect(batch.info('HEAD\ninfo HEAD')).rejects.toMatchObject({ code: 'InvalidRevision' });
    const head = await batch.contents('HEAD');
    expect(head!.type).toBe('commit');
  } finally {
    batch.close();
  }
  await expect(batch.info('HEAD')).rejects.toMatchObject({ code: 'VcsFailure' });
});

test('the pool keeps one process per repository, stops idle ones and caps the count', async () => {
  const other = join(dir, 'other');
  await git(dir, 'init', '-q', other);
  const pool = new CatFilePool(tools.gitBinary, tools.gitEnv as Record<string, string>, { maxProcesses: 1, idleMs: 200 });
  try {
    const a = pool.get(repo);
    expect(pool.get(repo)).toBe(a);
    await a.info('HEAD');
    const b = pool.get(other);
    expect(pool.size).toBe(1);
    expect(a.alive).toBe(false);
    expect(await b.info('HEAD')).toBeNull();
    for (let i = 0; i < 40 && pool.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pool.size).toBe(0);
  } finally {
    pool.close();
  }
});
