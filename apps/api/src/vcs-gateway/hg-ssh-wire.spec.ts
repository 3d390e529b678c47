// The parser against the bytes real hg clients send: captured here by running `hg push`/`clone`/
// `pull` with `--ssh` pointing at a script that tees the client's input to a file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HgSshReplySkipper, offersChangesets, parseHgSshCommands } from './hg-ssh-wire';

let dir: string;
const captured: Record<string, Buffer> = {};

function hg(args: string[], cwd = dir): void {
  execFileSync('hg', ['--config', 'ui.username=t <t@t>', ...args], { cwd, stdio: 'pipe', env: { ...process.env, HGRCPATH: '', HGPLAIN: '1' } });
}

function capture(label: string, args: string[], cwd = dir): void {
  hg(['--config', `ui.ssh=${path.join(dir, 'tee-ssh.sh')}`, ...args], cwd);
  const file = readdirSync(dir).find((f) => f.startsWith('capture-'))!;
  renameSync(path.join(dir, file), path.join(dir, `${label}.bin`));
  captured[label] = readFileSync(path.join(dir, `${label}.bin`));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'grove-hgwire-'));
  // the last argument is the remote command (`hg -R PATH serve --stdio`)
  writeFileSync(path.join(dir, 'tee-ssh.sh'), `#!/bin/sh\nfor last; do :; done\ntee "${dir}/capture-$$$$.part" | sh -c "$last"\n`, { mode: 0o755 });
  hg(['init', 'src']);
  for (const text of ['one', 'two']) {
    writeFileSync(path.join(dir, 'src', 'a.txt'), text);
    hg(['commit', '-A', '-m', text], path.join(dir, 'src'));
  }
  hg(['init', 'empty']);
  capture('clone', ['clone', '-U', `ssh://x/${dir}/src`, 'cloned']);
  capture('push', ['push', `ssh://x/${dir}/empty`], path.join(dir, 'src'));
  capture('pull', ['pull', `ssh://x/${dir}/src`], path.join(dir, 'cloned'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (input: Buffer) => parseHgSshCommands(input).commands.map((c) => c.name);

describe('parseHgSshCommands', () => {
  it('reads the handshake and discovery of a push up to its unbundle', () => {
    const parsed = parseHgSshCommands(captured['push']!);
    expect(parsed.commands.map((c) => c.name).slice(0, 4)).toEqual(['hello', 'between', 'protocaps', 'batch']);
    expect(parsed.commands.at(-1)!.name).toBe('unbundle');
    expect(parsed.commands.filter((c) => offersChangesets(c)).length).toBeGreaterThan(0);
    expect(parsed.commands[1]!.args.get('pairs')!.toString()).toBe(`${'0'.repeat(40)}-${'0'.repeat(40)}`);
    // the bundle stream follows the unbundle arguments; it is not a command
    expect('error' in parsed && parsed.error).toBe('malformed');
    expect(captured['push']!.subarray(parsed.commands.at(-1)!.end, parsed.commands.at(-1)!.end + 10).toString('latin1')).toMatch(/^\d+\nHG20/);
  });

  it('sees that a clone offers no changesets and a pull never unbundles', () => {
    expect(names(captured['clone']!)).toEqual(['hello', 'between', 'protocaps', 'batch', 'getbundle']);
    const cloneBatch = parseHgSshCommands(captured['clone']!).commands[3]!;
    expect(cloneBatch.args.get('cmds')!.toString()).toBe('heads ;known nodes=');
    expect(offersChangesets(cloneBatch)).toBe(false);
    const pull = parseHgSshCommands(captured['pull']!).commands;
    expect(offersChangesets(pull[3]!)).toBe(true); // a pull into a non-empty repository looks like a push here
    expect(pull.map((c) => c.name)).not.toContain('unbundle');
  });

  it('returns only complete commands, byte by byte', () => {
    const input = captured['clone']!;
    const whole = parseHgSshCommands(input).commands;
    for (let cut = 0; cut <= input.length; cut += 7) {
      const part = parseHgSshCommands(input.subarray(0, cut));
      expect(part.commands).toEqual(whole.slice(0, part.commands.length));
      expect(part.next).toBe(part.commands.at(-1)?.end ?? 0);
    }
    // resuming from `next` gives the rest
    const first = parseHgSshCommands(input.subarray(0, 30));
    expect([...first.commands, ...parseHgSshCommands(input, first.next).commands].map((c) => c.name)).toEqual(whole.map((c) => c.name));
  });

  it('flags unknown commands and garbage', () => {
    expect(parseHgSshCommands(Buffer.from('hello\nfrobnicate\n'))).toMatchObject({ error: 'unknown', name: 'frobnicate', next: 6 });
    expect(parseHgSshCommands(Buffer.from('between\npairs x\n'))).toMatchObject({ error: 'malformed' });
    expect(parseHgSshCommands(Buffer.from('GET / HTTP/1.1\n'))).toMatchObject({ error: 'malformed' });
    expect(parseHgSshCommands(Buffer.from('known\n* 0\nnodes 3\nabc')).commands[0]!.args.get('nodes')!.toString()).toBe('abc');
  });
});

describe('HgSshReplySkipper', () => {
  it('drops the first replies and passes the rest, across chunk boundaries', () => {
    const replies = Buffer.from('5\nhello1\n\n3\nabcREST');
    for (let cut = 0; cut <= replies.length; cut++) {
      const skipper = new HgSshReplySkipper(3);
      const out = Buffer.concat([skipper.feed(replies.subarray(0, cut)), skipper.feed(replies.subarray(cut))]);
      expect(out.toString()).toBe('REST');
    }
    expect(new HgSshReplySkipper(0).feed(Buffer.from('x')).toString()).toBe('x');
  });
});
