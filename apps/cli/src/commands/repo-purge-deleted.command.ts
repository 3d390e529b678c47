import { Command } from 'commander';
import { listDeleted, purgeDeleted } from '@grove/api';
import { resolveConfig } from '../lib/cli-config';
import { ask } from '../lib/prompt';

/** `30d`, `12h`, `90m`, `2w` → milliseconds. */
export function parseAge(text: string): number {
  const m = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (!m) throw new Error(`--older-than must look like 30d, 12h, 90m or 2w (got "${text}")`);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

export function repoPurgeDeletedCommand(): Command {
  return new Command('repo-purge-deleted')
    .description('Delete for good the repositories and groups archived as rm__… by deletion')
    .requiredOption('--older-than <age>', 'only entries deleted longer ago than this (e.g. 30d, 12h)')
    .option('--no-ask', 'do not ask for confirmation')
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .action(async (flags: { olderThan: string; ask: boolean; dataDir?: string }) => {
      const age = parseAge(flags.olderThan);
      const config = await resolveConfig(flags);
      const cutoff = Date.now() - age;
      const entries = (await listDeleted(config)).filter((e) => e.deletedAt.getTime() < cutoff);
      if (!entries.length) {
        console.log(`Nothing deleted more than ${flags.olderThan} ago.`);
        return;
      }
      console.log(`${entries.length} archived entries deleted more than ${flags.olderThan} ago:`);
      for (const e of entries) console.log(`  ${e.name}  (${e.kind} ${e.originalName}, deleted ${e.deletedAt.toISOString()})`);
      if (flags.ask) {
        if (!process.stdin.isTTY) throw new Error('Refusing to purge without confirmation: run it in a terminal or pass --no-ask');
        const answer = await ask('Delete them for good? [y/N]');
        if (!/^y(es)?$/i.test(answer)) {
          console.log('Nothing deleted.');
          return;
        }
      }
      await purgeDeleted(config, entries, (done, entry) => console.log(`[${done}/${entries.length}] purged ${entry.name}`));
      console.log(`Purged ${entries.length} entries.`);
    });
}
