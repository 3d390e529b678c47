// Helpers shared by the quick-start and test scripts (plain Node, no dependencies).
import { spawn, spawnSync } from 'node:child_process';

export const PNPM_VERSION = '10.34.8';

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function has(command, args = ['--version']) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.status === 0;
}

/** pnpm on PATH, or installed globally with npm (the one thing the quick start adds to the system). */
export async function ensurePnpm() {
  if (has('pnpm')) return 'pnpm';
  console.log(`pnpm is not installed: installing pnpm@${PNPM_VERSION} with npm…`);
  const code = await run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
  if (code !== 0 || !has('pnpm')) {
    console.error(`Could not install pnpm. Install it yourself (npm install -g pnpm@${PNPM_VERSION}) and run this again.`);
    process.exit(1);
  }
  return 'pnpm';
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Grove needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
    process.exit(1);
  }
}

export async function step(label, command, args, options) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`✖ ${label} failed (exit ${code})`);
    process.exit(code);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
