import { Command } from 'commander';
import { scanRepositories } from '@grove/api';
import { resolveConfig } from '../lib/cli-config';
import { counter } from '../lib/progress';

export function repoScanCommand(): Command {
  return new Command('repo-scan')
    .description('Import repositories found under the repositories root (creating their groups) into the database')
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .option('--remove-obsolete', 'also remove database entries whose directories are gone')
    .option('--owner <username>', 'super-admin who owns the imported repositories (default: the first one)')
    .action(async (flags: { dataDir?: string; removeObsolete?: boolean; owner?: string }) => {
      const config = await resolveConfig(flags);
      const counters = new Map<string, ReturnType<typeof counter>>();
      const labels = { scan: 'Scanning', groups: 'Groups', repositories: 'Repositories', obsolete: 'Checking database entries' } as const;
      const result = await scanRepositories(config, {
        removeObsolete: flags.removeObsolete,
        owner: flags.owner,
        onProgress: ({ phase, done, total }) => {
          if (phase === 'scan') return void process.stdout.write('Scanning the repositories root…\n');
          let c = counters.get(phase);
          if (!c) counters.set(phase, (c = counter(labels[phase], total)));
          c.tick(done + 1);
        },
      });
      const list = (title: string, names: string[]) => console.log(`${title} (${names.length})${names.length ? ':\n  ' + names.join('\n  ') : ''}`);
      list('Groups created', result.groupsCreated);
      list('Repositories added', result.added);
      if (flags.removeObsolete) list('Repositories removed', result.removed);
      if (result.skipped.length) list('Skipped', result.skipped.map((s) => `${s.name}: ${s.reason}`));
    });
}
