import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isVcsError } from '../errors';
import { hgExtensionPath } from '../service';
import { makeTempDir, removeTempDir } from '../testing/cli';
import { listRunningProcesses, outputStream, runProcess, startProcess } from './run';
import { createToolEnvironment, disposeToolEnvironment, type ToolEnvironment } from './tool-env';

let tools: ToolEnvironment;
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
  tools = await createToolEnvironment({ hgExtensionPath: hgExtensionPath() });
});

afterAll(async () => {
  await disposeToolEnvironment(tools);
  await removeTempDir(dir);
});

const env = () => tools.gitEnv as Record<string, string>;

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('runProcess', () => {
  test('passes arguments literally, never through a shell', async () => {
    const marker = join(dir, 'pwned');
    const args = ['a; touch ' + marker, '$(touch ' + marker + ')', '`id`', '*', '|| true'];
    const { stdout } = await runProcess('printf', ['%s\\n', ...args], { env: env() });
    expect(stdout.toString().split('\n').slice(0, -1)).toEqual(args);
    expect(existsSync(marker)).toBe(false);
  });

  test("uses only the fixed environment, not the server's", async () => {
    process.env['GROVE_TEST_LEAK'] = 'leaked';
    try {
      const { stdout } = await runProcess('env', [], { env: env() });
      const vars = stdout.toString();
      expect(vars).not.toContain('GROVE_TEST_LEAK');
      expect(vars).toContain('GIT_CONFIG_NOSYSTEM=1');
      expect(vars).toContain('GIT_TERMINAL_PROMPT=0');
      expect(vars).toContain('LC_ALL=C');
      expect(vars).toContain(`HOME=${tools.stateDir}/home`);
      const hgVars = (await runProcess('env', [], { env: tools.hgEnv as Record<string, string> })).stdout.toString();
      expect(hgVars).toContain('HGPLAIN=1');
      expect(hgVars).toContain('HGENCODING=UTF-8');
      expect(hgVars).toContain(`HGRCPATH=${tools.stateDir}/hgrc`);
    } finally {
      delete process.env['GROVE_TEST_LEAK'];
    }
  });

  test('fails with Timeout and kills the whole process group', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const err = await caught(runProcess('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], { env: env(), timeoutMs: 300 }));
    expect(isVcsError(err, 'Timeout')).toBe(true);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    for (let i = 0; i < 30 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 50));
    const status = existsSync(`/proc/${pid}/status`) ? await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '') : '';
    expect(status === '' || status.includes('State:\tZ')).toBe(true);
  });

  test('fails with Aborted when the signal fires, and refuses an aborted signal up front', async () => {
    const controller = new AbortController();
    const run = runProcess('sleep', ['30'], { env: env(), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(isVcsError(await caught(run), 'Aborted')).toBe(true);
    expect(isVcsError(await caught(runProcess('true', [], { env: env(), signal: controller.signal })), 'Aborted')).toBe(true);
  });

  test('stops reading at maxOutputBytes and reports truncation', async () => {
    const { stdout, truncated } = await runProcess('yes', [], { env: env(), maxOutputBytes: 10_000 });
    expect(truncated).toBe(true);
    expect(stdout.length).toBe(10_000);
  });

  test('turns failures into typed errors with credentials stripped', async () => {
    const err = await caught(runProcess('sh', ['-c', 'echo "fatal: could not read https://bob:hunter2@example.com/x" >&2; exit 3', 'https://bob:hunter2@x'], { env: env() }));
    expect(isVcsError(err, 'VcsFailure')).toBe(true);
    const e = err as Error & { details: { command: string; exitCode: number; stderr: string } };
    expect(e.details.exitCode).toBe(3);
    expect(`${e.message} ${e.details.command} ${e.details.stderr}`).not.toContain('hunter2');
    const typed = await caught(runProcess('sh', ['-c', 'echo nope >&2; exit 1'], { env: env(), classifyError: (s) => (s.includes('nope') ? new (require('../errors').VcsError)('NotFound', 'nope') : undefined) }));
    expect(isVcsError(typed, 'NotFound')).toBe(true);
    expect((await runProcess('sh', ['-c', 'exit 1'], { env: env(), okExitCodes: [0, 1] })).exitCode).toBe(1);
    const missing = await caught(runProcess('definitely-not-a-binary-xyz', [], { env: env() }));
    expect((missing as Error).message).toMatch(/not installed/);
  });

  test('tells the logger about every finished process, credentials stripped', async () => {
    const events: Array<[string, string, Record<string, unknown> | undefined]> = [];
    await runProcess('true', ['https://carol:pa55@example.com/x'], { env: env(), logger: (level, message, meta) => events.push([level, message, meta]) });
    await runProcess('false', [], { env: env(), okExitCodes: [1], logger: (level, message, meta) => events.push([level, message, meta]) });
    expect(events.map(([level, , meta]) => [level, meta?.['exitCode']])).toEqual([
      ['debug', 0],
      ['info', 1],
    ]);
    expect(String(events[0]![2]!['command'])).toBe('true https://carol:***@example.com/x');
  });

  test('feeds stdin and registers running processes with redacted command lines', async () => {
    expect((await runProcess('cat', [], { env: env(), input: 'hello' })).stdout.toString()).toBe('hello');
    const child = startProcess('sleep', ['5', 'https://u:topsecret@host'], { env: env(), label: 'test' });
    const entry = listRunningProcesses().find((p) => p.pid === child.pid)!;
    expect(entry.command).toContain('https://u:***@host');
    expect(entry.label).toBe('test');
    child.kill();
    await child.exited;
    expect(listRunningProcesses().some((p) => p.pid === child.pid)).toBe(false);
  });

  test('outputStream ends cleanly, fails on a bad exit, and kills the process when destroyed', async () => {
    const ok = startProcess('printf', ['abc'], { env: env() });
    ok.stdin.end();
    const chunks: Buffer[] = [];
    for await (const c of outputStream(ok, 'printf', ['abc'])) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('abc');

    const bad = startProcess('sh', ['-c', 'printf partial; exit 2'], { env: env() });
    bad.stdin.end();
    const stream = outputStream(bad, 'sh', []);
    const err = await caught((async () => {
      for await (const _ of stream) void _;
    })());
    expect(isVcsError(err, 'VcsFailure')).toBe(true);

    const long = startProcess('yes', [], { env: env() });
    long.stdin.end();
    const s = outputStream(long, 'yes', []);
    s.once('data', () => s.destroy());
    const { signal } = await long.exited;
    expect(signal).not.toBeNull();
  });
});
