// Cold start of `grove serve` to ready, and idle RSS, on an existing SQLite installation.
// Usage: node bench/server/startup.mjs [runs=7]   (after `pnpm nx build cli`)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const runs = Number(process.argv[2] ?? 7);
const cli = path.resolve(import.meta.dirname, '../../apps/cli/dist/main.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'grove-bench-start-'));
const env = { ...process.env, GROVE_DATA_DIR: dataDir, GROVE_PORT: '5599', GROVE_LOG_LEVEL: 'warn', DATABASE_URL: '' };
spawnSync(process.execPath, [cli, 'setup', '--user', 'admin', '--password', 'bench-pass', '--email', 'a@example.com'], { env });

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const startMs = [];
const idleRss = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Grove is running')) resolve();
    });
  });
  startMs.push(performance.now() - started);
  await fetch('http://127.0.0.1:5599/api/health');
  await new Promise((r) => setTimeout(r, 3000));
  idleRss.push(rssKb(child.pid) / 1024);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
rmSync(dataDir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`grove serve, process start → "Grove is running": median ${median(startMs).toFixed(0)} ms (min ${Math.min(...startMs).toFixed(0)}, max ${Math.max(...startMs).toFixed(0)}, ${runs} runs)`);
console.log(`idle RSS 3 s after the first request: median ${median(idleRss).toFixed(1)} MB`);
