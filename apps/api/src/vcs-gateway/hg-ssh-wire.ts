import { isHgPushDiscovery } from './vcs-request';

/**
 * The client's side of the hg SSH wire protocol (version 1), enough to tell a push from a pull
 * before any repository exists: a command line `name\n`, then for each argument of the command's
 * fixed spec `key len\n` + `len` bytes; `*` is a line `* N\n` followed by N such arguments.
 * (`unbundle`'s bundle stream follows its arguments; nothing here reads past it.)
 */
export interface HgSshCommand {
  name: string;
  args: Map<string, Buffer>;
  /** byte offsets of the whole command (line and arguments) in the input */
  start: number;
  end: number;
}

/** Argument names per command (hg's wireprotov1server specs); commands not listed are unknown. */
const ARG_SPECS: Record<string, string[]> = {
  batch: ['cmds', '*'],
  between: ['pairs'],
  branches: ['nodes'],
  branchmap: [],
  capabilities: [],
  changegroup: ['roots'],
  changegroupsubset: ['bases', 'heads'],
  clonebundles: [],
  debugwireargs: ['one', 'two', '*'],
  getbundle: ['*'],
  heads: [],
  hello: [],
  known: ['nodes', '*'],
  listkeys: ['namespace'],
  lookup: ['key'],
  protocaps: ['caps'],
  pushkey: ['namespace', 'key', 'old', 'new'],
  stream_out: [],
  unbundle: ['heads'],
};

const MAX_ARG = 16 * 1024 * 1024;

export type HgSshParse =
  | { commands: HgSshCommand[]; next: number }
  /** `unknown`: a command whose arguments cannot be framed; `malformed`: not the protocol */
  | { commands: HgSshCommand[]; next: number; error: 'unknown' | 'malformed'; name?: string };

/** Parses the complete commands in `input` from `offset`; `next` is where the incomplete rest begins. */
export function parseHgSshCommands(input: Buffer, offset = 0): HgSshParse {
  const commands: HgSshCommand[] = [];
  let pos = offset;
  for (;;) {
    const line = readLine(input, pos);
    if (line === null) return input.length - pos > 64 ? { commands, next: pos, error: 'malformed' } : { commands, next: pos };
    const name = line.text;
    const spec = ARG_SPECS[name];
    if (!spec) return { commands, next: pos, error: /^[a-z_]{1,40}$/.test(name) ? 'unknown' : 'malformed', name };
    const args = new Map<string, Buffer>();
    let at = line.next;
    let complete = true;
    // The client sends as many arguments as the spec has, in its own (sorted) order.
    for (let i = 0; i < spec.length && complete; i++) {
      const arg = readArg(input, at);
      if (arg === null) complete = false;
      else if (arg === 'malformed' || !spec.includes(arg.key)) return { commands, next: pos, error: 'malformed', name };
      else if (arg.key !== '*') {
        args.set(arg.key, arg.value);
        at = arg.next;
      } else {
        // `* N`: N more key/len/value arguments
        at = arg.next;
        for (let j = 0; j < arg.count && complete; j++) {
          const extra = readArg(input, at);
          if (extra === null) complete = false;
          else if (extra === 'malformed' || extra.key === '*') return { commands, next: pos, error: 'malformed', name };
          else {
            args.set(extra.key, extra.value);
            at = extra.next;
          }
        }
      }
    }
    if (!complete) return { commands, next: pos };
    commands.push({ name, args, start: pos, end: at });
    pos = at;
  }
}

/**
 * True when a `known` or `batch` offers local changesets (non-empty `nodes`): a push, or a pull
 * into a non-empty repository — never a clone. The same rule as HTTP's `isHgPushDiscovery`.
 */
export function offersChangesets(command: HgSshCommand): boolean {
  if (command.name !== 'known' && command.name !== 'batch') return false;
  const params = new URLSearchParams();
  for (const [key, value] of command.args) params.set(key, value.toString('latin1'));
  return isHgPushDiscovery(command.name, params, {});
}

/**
 * Skips the first `count` replies of an `hg serve --stdio` (each `len\n` + `len` bytes in protocol
 * version 1) and passes everything after them: the replies the client already got elsewhere.
 */
export class HgSshReplySkipper {
  private pending = Buffer.alloc(0);
  private left: number;

  constructor(count: number) {
    this.left = count;
  }

  /** The part of `chunk` to forward to the client. */
  feed(chunk: Buffer): Buffer {
    if (this.left === 0) return chunk;
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.left > 0) {
      const line = readLine(this.pending, 0);
      if (line === null) return Buffer.alloc(0);
      const len = /^\d{1,10}$/.test(line.text) ? Number(line.text) : NaN;
      if (Number.isNaN(len)) {
        // Not a framed reply (an error from hg): let the client see it.
        this.left = 0;
        break;
      }
      if (this.pending.length < line.next + len) return Buffer.alloc(0);
      this.pending = this.pending.subarray(line.next + len);
      this.left--;
    }
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest;
  }
}

function readLine(input: Buffer, pos: number): { text: string; next: number } | null {
  const nl = input.indexOf(0x0a, pos);
  if (nl < 0) return null;
  return { text: input.toString('latin1', pos, nl), next: nl + 1 };
}

function readArg(input: Buffer, pos: number): { key: string; value: Buffer; count: number; next: number } | null | 'malformed' {
  const line = readLine(input, pos);
  if (line === null) return input.length - pos > 64 ? 'malformed' : null;
  const m = /^([a-z_]{1,40}|\*) (\d{1,10})$/.exec(line.text);
  if (!m || Number(m[2]) > MAX_ARG) return 'malformed';
  if (m[1] === '*') return Number(m[2]) > 100 ? 'malformed' : { key: '*', value: Buffer.alloc(0), count: Number(m[2]), next: line.next };
  const end = line.next + Number(m[2]);
  if (input.length < end) return null;
  return { key: m[1]!, value: input.subarray(line.next, end), count: 0, next: end };
}
