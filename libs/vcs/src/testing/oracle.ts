// Expected values straight from the git and hg command lines, for comparison with the library.
import { runCli } from './cli';

/** One changeset as the CLI reports it. */
export interface CliChangeset {
  node: string;
  rev: number;
  author: string;
  /** git `%an` / hg `{author|person}` */
  person: string;
  /** git `%ae` / hg `{author|email}` */
  email: string;
  timestamp: number;
  /** minutes east of UTC */
  offset: number;
  /** git: subject+body as `%B` prints it (compare trimmed); hg: the exact description. */
  message: string;
  parents: string[];
  children: string[];
  branch: string | null;
  tags: string[];
  bookmarks: string[];
  phase: string | null;
}

/** The whole history of a repository as the CLI sees it, by revision number. */
export interface CliHistory {
  byRev: CliChangeset[];
  byNode: Map<string, CliChangeset>;
}

const SEP = '\x1f';
const END = '\x1e';

function parseOffset(text: string): number {
  const m = /([+-])(\d\d)(\d\d)$/.exec(text.trim());
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** git: numbering from `git rev-list --all --date-order --reverse`, fields from `git log`. */
export async function gitHistory(repo: string): Promise<CliHistory> {
  const order = (await runCli('git', ['rev-list', '--all', '--date-order', '--reverse'], { cwd: repo })).toString('utf8').split('\n').filter(Boolean);
  const fmt = ['%H', '%P', '%an <%ae>', '%ct', '%ci', '%an', '%ae', '%B'].join(SEP) + END;
  const log = (await runCli('git', ['log', '--all', `--format=${fmt}`], { cwd: repo })).toString('utf8');
  const refs = (await runCli('git', ['for-each-ref', '--format=%(refname) %(*objectname) %(objectname)'], { cwd: repo })).toString('utf8');
  const tagsOf = new Map<string, string[]>();
  for (const line of refs.split('\n').filter(Boolean)) {
    const [name, peeled, oid] = line.split(' ');
    if (!name!.startsWith('refs/tags/')) continue;
    const target = peeled || oid!;
    tagsOf.set(target, [...(tagsOf.get(target) ?? []), name!.slice(10)]);
  }
  const byNode = new Map<string, CliChangeset>();
  for (const rec of log.split(END)) {
    const r = rec.replace(/^\n/, '');
    if (!r) continue;
    const [node, parents, author, ct, ci, person, email, message] = r.split(SEP);
    byNode.set(node!, {
      node: node!,
      rev: -1,
      author: author!,
      person: person!,
      email: email!,
      timestamp: Number(ct),
      offset: parseOffset(ci!),
      message: message!,
      parents: parents ? parents.split(' ') : [],
      children: [],
      branch: null,
      tags: tagsOf.get(node!) ?? [],
      bookmarks: [],
      phase: null,
    });
  }
  const byRev = order.map((node, rev) => {
    const c = byNode.get(node)!;
    c.rev = rev;
    return c;
  });
  const children = (await runCli('git', ['rev-list', '--all', '--children'], { cwd: repo })).toString('utf8');
  for (const line of children.split('\n').filter(Boolean)) {
    const [node, ...kids] = line.split(' ');
    byNode.get(node!)!.children = kids;
  }
  return { byRev, byNode };
}

/** hg: everything from one `hg log` with a template. */
export async function hgHistory(repo: string): Promise<CliHistory> {
  const tpl = ['{rev}', '{node}', '{author}', '{author|person}', '{author|email}', '{date|hgdate}', '{branch}', '{join(tags, " ")}', '{join(bookmarks, " ")}', '{phase}', '{p1node}', '{p2node}', '{children}', '{desc}'].join(SEP) + END;
  const out = (await runCli('hg', ['log', '-r', '0:', '-T', tpl], { cwd: repo })).toString('utf8');
  const byRev: CliChangeset[] = [];
  const byNode = new Map<string, CliChangeset>();
  const childSpecs: string[][] = [];
  for (const rec of out.split(END)) {
    if (!rec) continue;
    const [rev, node, author, person, email, date, branch, tags, bookmarks, phase, p1, p2, children, desc] = rec.split(SEP);
    const [ts, tz] = date!.split(' ');
    const c: CliChangeset = {
      node: node!,
      rev: Number(rev),
      author: author!,
      person: person!,
      email: email!,
      timestamp: Number(ts),
      offset: -Number(tz) / 60,
      message: desc!,
      parents: [p1!, p2!].filter((p) => !/^0+$/.test(p)),
      children: [],
      branch: branch!,
      tags: tags ? tags.split(' ') : [],
      bookmarks: bookmarks ? bookmarks.split(' ') : [],
      phase: phase!,
    };
    childSpecs.push(children ? children.split(' ') : []);
    byRev.push(c);
    byNode.set(c.node, c);
  }
  byRev.forEach((c, i) => {
    c.children = childSpecs[i].map((spec) => byRev[Number(spec.split(':')[0])].node);
  });
  return { byRev, byNode };
}

/** Lines of CLI output, empty ones dropped. */
export function lines(buf: Buffer | string): string[] {
  return buf.toString().split('\n').filter((l) => l !== '');
}
