import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { CONFIG_VARIABLES } from '@grove/api';

/** The documented .env text: every setting, its description and its default. */
export function renderConfigFile(): string {
  const lines = [
    '# Grove configuration. Environment variables override this file.',
    '# Uncomment and change what you need; the values shown are the defaults.',
    '',
  ];
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES)) {
    lines.push(`# ${spec.description}`);
    lines.push(spec.default === undefined ? `# ${name}=` : `# ${name}=${spec.default}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function configCreateCommand(): Command {
  return new Command('config-create')
    .description('Write a documented .env file listing every setting with its default')
    .argument('<file>', 'file to write, e.g. .env')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, flags: { force?: boolean }) => {
      if (existsSync(file) && !flags.force) {
        console.error(`${file} already exists; pass --force to overwrite it`);
        process.exitCode = 2;
        return;
      }
      await writeFile(file, renderConfigFile(), { mode: 0o600 });
      console.log(`Wrote ${file} (${Object.keys(CONFIG_VARIABLES).length} settings)`);
    });
}
