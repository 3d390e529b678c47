import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDeletedEntries, parseDeletedName } from './deleted';
import { VcsService } from './service';

describe('deleted entries', () => {
  it('parses both archive name forms', () => {
    expect(parseDeletedName('rm__20240102_030405_678000__repo')).toEqual({ deletedAt: new Date(2024, 0, 2, 3, 4, 5, 678), kind: 'repository', originalName: 'repo' });
    expect(parseDeletedName('rm__20240102_030405_000000_GROUP_team')).toMatchObject({ kind: 'group', originalName: 'team' });
    expect(parseDeletedName('rm__garbage')).toBeNull();
    expect(parseDeletedName('repo')).toBeNull();
  });

  it('finds what VcsService.markDeleted and markGroupDeleted leave behind, and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'grove-deleted-'));
    const vcs = new VcsService({ reposRoot: root });
    try {
      await vcs.createGroup('team');
      await vcs.init('team/old', 'git');
      await vcs.init('keep', 'hg');
      await vcs.createGroup('gone');
      const when = new Date(2023, 4, 6, 7, 8, 9);
      const archivedRepo = await vcs.markDeleted('team/old', when);
      const archivedGroup = await vcs.markGroupDeleted('gone', new Date(2024, 0, 1));
      // a directory inside a repository that merely looks archived is not reported
      mkdirSync(join(root, 'keep', '.hg', 'rm__20200101_000000_000000__inside'), { recursive: true });
      execFileSync('git', ['init', '-q', '--bare', join(root, 'team', 'live')]);
      const entries = await listDeletedEntries(root);
      expect(entries).toEqual([
        { name: archivedRepo, kind: 'repository', deletedAt: when, originalName: 'team/old' },
        { name: archivedGroup, kind: 'group', deletedAt: new Date(2024, 0, 1), originalName: 'gone' },
      ]);
    } finally {
      await vcs.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
