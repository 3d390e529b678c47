// `npm test`: the whole test suite — unit, integration (real database, git, hg), CLI and browser
// journeys — ending with one "N passed, N failed" line. DATABASE_URL switches the database to
// PostgreSQL (each test creates and drops its own database on that server).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { checkNode, ensurePnpm, run, step } from './lib.mjs';

checkNode();
const pnpm = await ensurePnpm();
const started = Date.now();
const before = treeStatus();
if (!existsSync('node_modules/.modules.yaml')) await step('Installing dependencies', pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
await step('Building', pnpm, ['exec', 'nx', 'run-many', '-t', 'build', '--output-style=static']);

// Redis-backed code is tested when a Redis server is reachable (CI always provides one).
if (!process.env.REDIS_URL && (await reachable('127.0.0.1', 6379))) process.env.REDIS_URL = 'redis://127.0.0.1:6379';
if (!process.env.REDIS_URL) console.warn('⚠ No Redis on 127.0.0.1:6379 and REDIS_URL unset: the Redis-backed tests will not run.');

const reports = await mkdtemp(path.join(tmpdir(), 'grove-test-reports-'));
const results = [];

// One jest run over every project, so workers are shared and the counts are in one report.
// testTimeout is global in a multi-project run (per-project values are ignored), hence the flag.
const jestProjects = [
  'libs/shared/jest.config.cjs',
  'libs/vcs/jest.config.cjs',
  'apps/api/jest.config.cjs',
  'apps/api/jest.integration.cjs',
  'apps/cli/jest.config.cjs',
  'apps/web/jest.config.cjs',
];
const jestReport = path.join(reports, 'jest.json');
console.log(`\n▶ jest (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
await run(pnpm, ['exec', 'jest', '--projects', ...jestProjects, '--json', `--outputFile=${jestReport}`, '--maxWorkers=2', '--testTimeout=60000']);
results.push(await jestCounts(jestReport));

const playwrightReport = path.join(reports, 'playwright.json');
console.log('\n▶ Playwright (Chromium)');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`✖ Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH. Browser journeys count as failed.`);
  results.push({ name: 'playwright', passed: 0, failed: 1 });
} else {
  await run(pnpm, ['exec', 'playwright', 'test'], { cwd: 'e2e', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport } });
  results.push(await playwrightCounts(playwrightReport));
}

// Tests must leave the source tree as they found it (temp dirs only).
const after = treeStatus();
const stray = after.filter((line) => !before.includes(line));
if (stray.length) {
  console.error(`✖ tests left files in the source tree:\n  ${stray.join('\n  ')}`);
  results.push({ name: 'clean-tree', passed: 0, failed: 1 });
}

await rm(reports, { recursive: true, force: true });
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${results.map((r) => `${r.name}: ${r.passed} passed, ${r.failed} failed`).join('\n')}`);
console.log(`(${((Date.now() - started) / 60000).toFixed(1)} min)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

async function jestCounts(file) {
  if (!existsSync(file)) return { name: 'jest', passed: 0, failed: 1 };
  const report = JSON.parse(await readFile(file, 'utf8'));
  // Suites that fail to load have no tests but must count.
  const brokenSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return { name: 'jest', passed: report.numPassedTests, failed: report.numFailedTests + brokenSuites };
}

async function playwrightCounts(file) {
  if (!existsSync(file)) return { name: 'playwright', passed: 0, failed: 1 };
  const report = JSON.parse(await readFile(file, 'utf8'));
  const { stats } = report;
  return { name: 'playwright', passed: stats.expected + stats.flaky, failed: stats.unexpected + (report.errors?.length ?? 0) };
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 500 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function treeStatus() {
  const out = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.split('\n').filter(Boolean) : [];
}
