// `npm start`: install, build, and serve Grove in its embedded mode (SQLite, in-process tasks).
// On first start `grove serve` creates ./data with the database, the repositories and an admin
// account, and prints the URL and the admin password once.
import { checkNode, ensurePnpm, has, run, step } from './lib.mjs';

checkNode();
for (const [tool, hint] of [
  ['git', 'install git'],
  ['hg', 'install Mercurial (e.g. apt-get install mercurial)'],
]) {
  if (!has(tool)) console.warn(`⚠ ${tool} is not on PATH — ${hint}; repositories of that kind will not work.`);
}
const pnpm = await ensurePnpm();
await step('Installing dependencies', pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
await step('Building Grove', pnpm, ['exec', 'nx', 'run-many', '-t', 'build', '--projects', 'cli,web', '--output-style=static']);
console.log('\n▶ Starting Grove (Ctrl-C stops it)');
process.exitCode = await run(process.execPath, ['apps/cli/dist/main.js', 'serve', ...process.argv.slice(2)]);
