/** Pull needs `repository.read`, push `repository.write` (permissions.md §13). */
export type VcsAction = 'pull' | 'push';

/** A request recognised as git or hg wire protocol, before the repository is looked up. */
export type VcsRequest =
  | {
      vcs: 'git';
      /** the repository part of the path: a full name or `_<id>` */
      repoRef: string;
      /** `/info/refs`, `/git-upload-pack` or `/git-receive-pack` */
      pathInfo: '/info/refs' | '/git-upload-pack' | '/git-receive-pack';
      service: 'git-upload-pack' | 'git-receive-pack' | null;
      action: VcsAction;
      queryString: string;
    }
  | { vcs: 'hg'; repoRef: string; command: string; action: VcsAction; queryString: string; pushDiscovery: boolean };

/** A recognised VCS request that must be refused before anything else (400). */
export interface VcsBadRequest {
  vcs: 'git' | 'hg';
  repoRef: string;
  error: string;
}

/** hg wire commands that only read (permissions.md §13); everything else is a write. */
export const HG_PULL_COMMANDS = new Set([
  'between',
  'branches',
  'branchmap',
  'capabilities',
  'changegroup',
  'changegroupsubset',
  'changesetdata',
  'clonebundles',
  'debugwireargs',
  'filedata',
  'getbundle',
  'getlfile',
  'heads',
  'hello',
  'known',
  'lheads',
  'listkeys',
  'lookup',
  'manifestdata',
  'narrow_widen',
  'protocaps',
  'statlfile',
  'stream_out',
]);

/** Commands after which an hg pull is journaled (the ones that send changesets). */
export const HG_JOURNALED_PULLS = new Set(['getbundle', 'changegroup', 'changegroupsubset', 'stream_out']);

const GIT_SUFFIX = /^(.+?)(\/info\/refs|\/git-upload-pack|\/git-receive-pack)$/;
const HG_COMMAND = /^[a-z_]{1,40}$/;

/**
 * Recognises git smart-HTTP and hg wire-protocol requests by URL, method and headers only (no
 * database, no body). Returns null for everything else, which then goes to the SPA and the APIs.
 * git: the path suffixes; `info/refs` only with `service=` (without it a browser may be asking
 * for a file page). hg: `cmd=` plus an hg client's Accept header or user agent.
 */
export function classifyVcsRequest(
  method: string,
  rawUrl: string,
  headers: Record<string, string | string[] | undefined>,
): VcsRequest | VcsBadRequest | null {
  const q = rawUrl.indexOf('?');
  const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
  const queryString = q >= 0 ? rawUrl.slice(q + 1) : '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const params = new URLSearchParams(queryString);
  const git = GIT_SUFFIX.exec(path);
  if (git) {
    const repoRef = trimSlashes(git[1]!);
    const pathInfo = git[2] as '/info/refs' | '/git-upload-pack' | '/git-receive-pack';
    if (!repoRef) return null;
    if (pathInfo === '/info/refs') {
      if (method !== 'GET' && method !== 'HEAD') return null;
      const service = params.get('service');
      if (service === null) return null;
      if (service !== 'git-upload-pack' && service !== 'git-receive-pack') return { vcs: 'git', repoRef, error: `Unknown git service ${service.slice(0, 40)}` };
      return { vcs: 'git', repoRef, pathInfo, service, action: service === 'git-receive-pack' ? 'push' : 'pull', queryString };
    }
    if (method !== 'POST') return null;
    return { vcs: 'git', repoRef, pathInfo, service: null, action: pathInfo === '/git-receive-pack' ? 'push' : 'pull', queryString };
  }
  if (!params.has('cmd') || !isHgClient(headers)) return null;
  const repoRef = trimSlashes(path);
  if (!repoRef) return null;
  const command = params.get('cmd') ?? '';
  if (!HG_COMMAND.test(command)) return { vcs: 'hg', repoRef, error: 'Invalid hg command' };
  return { vcs: 'hg', repoRef, command, action: hgAction(command, params, headers), queryString, pushDiscovery: isHgPushDiscovery(command, params, headers) };
}

function isHgClient(headers: Record<string, string | string[] | undefined>): boolean {
  const accept = String(headers['accept'] ?? '');
  const agent = String(headers['user-agent'] ?? '');
  return accept.includes('application/mercurial') || /^mercurial\//i.test(agent);
}

/**
 * pull or push of an hg command. `batch` is a pull only when every sub-command (from the
 * `X-HgArg-*` headers or the query string) is a pull; arguments sent in the body
 * (`X-HgArgs-Post`) cannot be inspected, so such a batch counts as a push.
 */
export function hgAction(command: string, params: URLSearchParams, headers: Record<string, string | string[] | undefined>): VcsAction {
  if (command !== 'batch') return HG_PULL_COMMANDS.has(command) ? 'pull' : 'push';
  if (headers['x-hgargs-post'] !== undefined) return 'push';
  const cmds = hgArgs(params, headers).get('cmds');
  if (!cmds) return 'push';
  const names = cmds.split(';').map((c) => c.trim().split(' ')[0] ?? '');
  return names.length > 0 && names.every((n) => HG_PULL_COMMANDS.has(n)) ? 'pull' : 'push';
}

/**
 * True for the reads of an hg push's discovery: `capabilities`, a `batch`/`known` that offers
 * local changesets (`known nodes=…` non-empty) and what a push asks next (`listkeys`,
 * `branchmap`, `heads`). A clone offers no changesets, so it is refused at its first `batch`.
 */
export function isHgPushDiscovery(command: string, params: URLSearchParams, headers: Record<string, string | string[] | undefined>): boolean {
  if (command === 'capabilities' || command === 'listkeys' || command === 'branchmap' || command === 'heads') return true;
  const args = hgArgs(params, headers);
  if (command === 'known') return (args.get('nodes') ?? '').trim() !== '';
  if (command !== 'batch') return false;
  for (const sub of (args.get('cmds') ?? '').split(';')) {
    const [name, rest = ''] = sub.trim().split(/ (.*)/s);
    if (name === 'known' && /nodes=[0-9a-f:]/.test(rest)) return true;
  }
  return false;
}

/** Wire arguments from the `X-HgArg-*` headers, else the query string. */
function hgArgs(params: URLSearchParams, headers: Record<string, string | string[] | undefined>): URLSearchParams {
  let args = '';
  for (let i = 1; i < 1000; i++) {
    const part = headers[`x-hgarg-${i}`];
    if (part === undefined) break;
    args += Array.isArray(part) ? part.join('') : part;
  }
  return args ? new URLSearchParams(args) : params;
}

function trimSlashes(text: string): string {
  return text.replace(/^\/+|\/+$/g, '');
}
