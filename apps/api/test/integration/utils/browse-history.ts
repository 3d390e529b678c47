// A small history for the browse tests, built with the real git/hg clients and pushed into a
// repository of the server: text, binary, image, HTML and big files; a second branch; a tag.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { git, hg } from './vcs-clients';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** Bytes with a NUL: binary by git's rule. */
export const BINARY = Buffer.from([0, 1, 2, 3, 255, 0, 10, 65]);
/** A text file above the 256000-byte cut-off limit. */
export const BIG = Array.from({ length: 6000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n') + '\n';

export interface BrowseHistory {
  /** C0..C3 oldest first; C3 is on branch feature (from C1); hg adds C4, the tag commit on the default branch */
  ids: string[];
  /** the default branch name */
  branch: string;
}

async function put(work: string, file: string, content: string | Buffer) {
  await mkdir(path.dirname(path.join(work, file)), { recursive: true });
  await writeFile(path.join(work, file), content);
}

/**
 * C0: README.md, src/a.txt, src/page.html, img/dot.png, bin/blob.bin
 * C1: edits src/a.txt (one line changed), adds big.txt
 * C2 (default branch): edits README.md, removes bin/blob.bin — tag v1 on C1
 * C3 (branch feature, from C1): adds feature.txt
 * hg only — C4 (default, child of C2): the tag commit (.hgtags)
 */
export async function pushBrowseHistory(type: 'git' | 'hg', target: string): Promise<BrowseHistory> {
  const work = await mkdtemp(path.join(tmpdir(), `grove-browse-${type}-`));
  const ids: string[] = [];
  const dates = [1_600_000_000, 1_600_086_400, 1_600_172_800, 1_600_259_200];
  const run = type === 'git' ? git : hg;
  const commit = async (message: string) => {
    const i = ids.length;
    if (type === 'git') {
      await git(['add', '-A'], work);
      await git(['-c', 'user.name=Test Author', '-c', 'user.email=author@example.com', 'commit', '-q', '-m', message, `--date=@${dates[i]} +0000`], work);
      ids.push((await git(['rev-parse', 'HEAD'], work)).trim());
    } else {
      await hg(['commit', '-q', '-A', '-m', message, '-d', `${dates[i]} 0`], work);
      ids.push((await hg(['log', '-r', '.', '-T', '{node}'], work)).trim());
    }
  };
  if (type === 'git') await git(['init', '-q', '-b', 'master', work]);
  else await hg(['init', work]);
  await put(work, 'README.md', '# Hello\n\nSee #12.\n');
  await put(work, 'src/a.txt', 'one\ntwo\nthree\n');
  await put(work, 'src/page.html', '<html><script>alert(1)</script></html>\n');
  await put(work, 'img/dot.png', PNG);
  await put(work, 'bin/blob.bin', BINARY);
  await commit('first commit');
  await put(work, 'src/a.txt', 'one\nTWO\nthree\n');
  await put(work, 'big.txt', BIG);
  await commit('second commit\n\nwith a body');
  if (type === 'git') await git(['tag', 'v1'], work);
  await put(work, 'README.md', '# Hello again\n');
  await rm(path.join(work, 'bin/blob.bin'));
  await commit('third commit');
  if (type === 'git') await git(['checkout', '-q', '-b', 'feature', ids[1]!], work);
  else {
    await hg(['update', '-q', '-r', ids[1]!], work);
    await hg(['branch', '-q', 'feature'], work);
  }
  await put(work, 'feature.txt', 'feature\n');
  await commit('feature work');
  if (type === 'hg') {
    // hg tags are a commit of .hgtags: made last, on the default branch (its new head)
    await hg(['update', '-q', 'default'], work);
    await hg(['tag', '-q', '-r', ids[1]!, '-d', `${dates[3]! + 60} 0`, 'v1'], work);
    ids.push((await hg(['log', '-r', '.', '-T', '{node}'], work)).trim());
  }
  if (type === 'git') await git(['push', '-q', target, 'master', 'feature', 'v1'], work);
  else await run(['push', '-q', '--new-branch', target], work);
  await rm(work, { recursive: true, force: true });
  return { ids, branch: type === 'git' ? 'master' : 'default' };
}
