import { join } from 'node:path';
import { isVcsError } from '../errors';
import { listRunningProcesses } from '../process/run';
import { createToolEnvironment, disposeToolEnvironment, type ToolEnvironment } from '../process/tool-env';
import { hg, makeTempDir, removeTempDir, writeWorkFile } from '../testing/cli';
import { hgExtensionPath } from '../service';
import { HgCommandServerPool } from './cmdserver-pool';

jest.setTimeout(120_000);

let dir: string;
let tools: ToolEnvironment;
const repos: string[] = [];

beforeAll(async () => {
  dir = await makeTempDir();
  tools = await createToolEnvironment({ hgExtensionPath: hgExtensionPath() });
  for (const name of ['r1', 'r2', 'r3']) {
    const path = join(dir, name);
    await hg(dir, 'init', path);
    await writeWorkFile(path, 'f.txt', `${name}\n`);
    await hg(path, 'commit', '-A', '-q', '-m', `init ${name}`);
    repos.push(path);
  }
});

afterAll(async () => {
  await disposeToolEnvironment(tools);
  await removeTempDir(dir);
});

const pool = (options: ConstructorParameters<typeof HgCommandServerPool>[2]) => new HgCommandServerPool(tools.hgBinary, tools.hgEnv as Record<string, string>, options);

test('runs commands through a long-lived server: output, exit codes, stderr, and fresh repository state', async () => {
  const p = pool({});
  try {
    const log = await p.run(repos[0]!, ['log', '-T', '{desc}\\n']);
    expect(log).toMatchObject({ exitCode: 0 });
    expect(log.stdout.toString()).toBe('init r1\n');
    const missing = await p.run(repos[0]!, ['cat', '-r', 'tip', 'path:nope']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const bad = await p.run(repos[0]!, ['log', '-r', 'no-such-rev']);
    expect(bad.exitCode).toBe(255);
    expect(bad.stderr).toContain('unknown revision');
    // A commit made by another process is seen by the warm server.
    await writeWorkFile(repos[0]!, 'g.txt', 'more\n');
    await hg(repos[0]!, 'commit', '-A', '-q', '-m', 'second');
    expect((await p.run(repos[0]!, ['log', '-r', 'tip', '-T', '{desc}'])).stdout.toString()).toBe('second');
    expect(p.stats()).toMatchObject({ processes: 1, started: 1 });
  } finally {
    await p.close();
  }
});

test('keeps within the process cap across repositories, evicting idle servers', async () => {
  const p = pool({ maxProcesses: 2, maxPerRepo: 1 });
  try {
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, p.stats().processes)), 5);
    const runs = Array.from({ length: 12 }, (_, i) => p.run(repos[i % 3]!, ['log', '-r', '0', '-T', '{desc}']));
    const out = await Promise.all(runs);
    clearInterval(watch);
    expect(out.map((r) => r.stdout.toString())).toEqual(Array.from({ length: 12 }, (_, i) => `init r${(i % 3) + 1}`));
    expect(peak).toBeLessThanOrEqual(2);
    expect(p.stats().processes).toBeLessThanOrEqual(2);
    expect(p.stats().started).toBeGreaterThan(2);
  } finally {
    await p.close();
  }
});

test('stops idle servers', async () => {
  const p = pool({ idleMs: 200 });
  try {
    await p.run(repos[1]!, ['log', '-l', '1']);
    expect(p.stats().processes).toBe(1);
    for (let i = 0; i < 40 && p.stats().processes > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(p.stats().processes).toBe(0);
    expect((await p.run(repos[1]!, ['log', '-l', '1', '-T', '{rev}'])).stdout.toString()).toBe('0');
  } finally {
    await p.close();
  }
});

test('a timeout or an abort stops the busy server; the pool recovers; a crashed server is replaced', async () => {
  const p = pool({});
  try {
    // A pre-command hook makes `hg log` slow.
    const slow = ['--config', 'hooks.pre-log=sleep 5', 'log', '-l', '1'];
    let err: unknown;
    try {
      await p.run(repos[2]!, slow, { timeoutMs: 300 });
    } catch (e) {
      err = e;
    }
    expect(isVcsError(err, 'Timeout')).toBe(true);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    err = undefined;
    try {
      await p.run(repos[2]!, slow, { signal: controller.signal });
    } catch (e) {
      err = e;
    }
    expect(isVcsError(err, 'Aborted')).toBe(true);
    expect((await p.run(repos[2]!, ['log', '-r', '0', '-T', '{desc}'])).stdout.toString()).toBe('init r3');

    const server = listRunningProcesses().find((x) => x.label === `cmdserver ${repos[2]}`)!;
    process.kill(server.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    expect((await p.run(repos[2]!, ['log', '-r', '0', '-T', '{desc}'])).stdout.toString()).toBe('init r3');
  } finally {
    await p.close();
  }
});

test('an unexpected error inside a Grove command is an abort, not a dead server', async () => {
  const p = pool({});
  try {
    const res = await p.run(repos[0]!, ['grove-dag', '--', 'x']);
    expect(res.exitCode).toBe(255);
    expect(res.stderr).toContain('grove');
    expect((await p.run(repos[0]!, ['log', '-r', '0', '-T', '{rev}'])).stdout.toString()).toBe('0');
    expect(p.stats().started).toBe(1);
  } finally {
    await p.close();
  }
});

test('close stops every server', async () => {
  const p = pool({});
  await Promise.all(repos.map((r) => p.run(r, ['log', '-l', '1'])));
  expect(p.stats().processes).toBe(3);
  await p.close();
  expect(listRunningProcesses().filter((x) => x.label?.startsWith('cmdserver '))).toEqual([]);
  await expect(p.run(repos[0]!, ['log'])).rejects.toMatchObject({ code: 'Aborted' });
});
