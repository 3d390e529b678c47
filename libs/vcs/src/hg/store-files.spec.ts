import { join } from 'node:path';
import { hg, makeTempDir, removeTempDir, unpackFixture, writeWorkFile } from '../testing/cli';
import { readBookmarks, readChangelogLength, readPhaseRoots } from './store-files';

jest.setTimeout(60_000);
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(dir);
});

test('reads the changelog length of inline and split revlogs like hg does', async () => {
  const fixture = await unpackFixture('hg', dir, 'fixture');
  const tipRev = Number(await hg(fixture, 'log', '-r', 'tip', '--hidden', '-T', '{rev}'));
  expect(await readChangelogLength(fixture)).toBe(tipRev + 1);

  const small = join(dir, 'small');
  await hg(dir, 'init', small);
  expect(await readChangelogLength(small)).toBe(0);
  for (let i = 0; i < 3; i++) {
    await writeWorkFile(small, `f${i}`, `${i}\n`);
    await hg(small, 'commit', '-A', '-q', '-m', `c${i}`);
  }
  expect(await readChangelogLength(small)).toBe(3); // inline revlog at this size
  await hg(small, 'bookmark', '-r', '1', 'b1');
  await hg(small, 'phase', '--force', '--secret', '-r', '2');
  const nodes = (await hg(small, 'log', '-r', '1+2', '-T', '{node}\\n')).trim().split('\n');
  expect(await readBookmarks(small)).toEqual({ b1: nodes[0] });
  const roots = await readPhaseRoots(small);
  expect(roots.secret).toEqual([nodes[1]]);
  expect(roots.draft).toHaveLength(1);
});
