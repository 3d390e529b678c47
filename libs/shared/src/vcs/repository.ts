/** The two version control systems Grove hosts. */
export type RepoType = 'git' | 'hg';

/** Mercurial phase of a changeset (git changesets have none). */
export type Phase = 'public' | 'draft' | 'secret';

/** A date as recorded by the VCS: Unix time plus the author's UTC offset. */
export interface VcsDate {
  /** Seconds since the Unix epoch. */
  timestamp: number;
  /** Offset from UTC in minutes, east positive (`+0200` → 120). */
  offset: number;
}

/** A changeset as the UI and the APIs show it; the same shape for git and hg. */
export interface Changeset {
  /** Full hash (40 hex). */
  rawId: string;
  /** First 12 hex of the hash. */
  shortId: string;
  /** hg: the local revision number; git: the position in `git rev-list --all --date-order --reverse` (web-ui.md §0). */
  revision: number;
  /** `Name <email>` as recorded. */
  author: string;
  authorName: string;
  authorEmail: string;
  /** Commit date: git uses the committer date, hg the changeset date. */
  date: VcsDate;
  /** git only: the author date, when it differs in meaning from the commit date. */
  authorDate: VcsDate;
  /** Message as stored (git keeps the trailing newline). */
  message: string;
  /** Parent hashes, first parent first. */
  parents: string[];
  /** Child hashes known to the repository. */
  children: string[];
  /** hg: the named branch; git: the branch this commit is the head of, else null. */
  branch: string | null;
  /** Branch names this changeset is the head of (git; hg: the branch when it is a head). */
  branchHeads: string[];
  tags: string[];
  bookmarks: string[];
  phase: Phase | null;
  /** hg obsolescence flags (always false for git). */
  obsolete: boolean;
  /** Phase-divergent ("bumped"). */
  bumped: boolean;
  /** Content-divergent. */
  divergent: boolean;
  extinct: boolean;
  /** Orphan ("unstable"). */
  unstable: boolean;
  /** hg: this changeset closes its branch. */
  closesBranch: boolean;
  /** Files compared with the first parent; present only when file lists were requested. */
  added?: string[];
  changed?: string[];
  removed?: string[];
}

/** A named reference: branch, tag or bookmark, with the changeset it points to. */
export interface Ref {
  name: string;
  rawId: string;
}

/** Every reference of a repository, grouped as the ref picker shows them. */
export interface RepoRefs {
  branches: Ref[];
  /** hg closed branches (git: always empty). */
  closedBranches: Ref[];
  tags: Ref[];
  /** hg bookmarks (git: always empty). */
  bookmarks: Ref[];
  /** hg: `default`; git: the branch HEAD points to (null when HEAD is detached or unborn). */
  defaultBranch: string | null;
  /** hg: the tip; git: the newest commit in changelog order (null in an empty repository). */
  tip: string | null;
}

/** Kind of a directory entry. */
export type TreeEntryKind = 'file' | 'dir' | 'symlink' | 'submodule';

/** A git submodule or an hg subrepository entry. */
export interface SubrepoInfo {
  /** Where the subrepository comes from (URL or path, as written in `.gitmodules` / `.hgsub`). */
  url: string | null;
  /** The pinned revision. */
  revision: string;
  /** The VCS of the subrepository (`git` for submodules). */
  type: string;
}

/** One entry of a directory listing. */
export interface TreeEntry {
  /** Base name. */
  name: string;
  /** Path from the repository root. */
  path: string;
  kind: TreeEntryKind;
  /** Size in bytes for files and symlinks (the target length), null for directories and submodules. */
  size: number | null;
  /** git mode (`100644`, `100755`, `120000`, `040000`, `160000`); hg: the equivalent. */
  mode: string;
  executable: boolean;
  /** For symlinks: the target. */
  symlinkTarget?: string;
  /** For submodules / subrepositories. */
  subrepo?: SubrepoInfo;
}

/** One line of an annotated (blamed) file. */
export interface AnnotatedLine {
  /** 1-based line number in the annotated revision. */
  lineNumber: number;
  content: string;
  /** The changeset that last changed this line. */
  rawId: string;
  revision: number;
}

/**
 * How a changeset id is shown (web-ui.md §3.6): the first `length` hex digits, or
 * `r<number>:<hash>` when revision numbers are shown.
 */
export function showId(changeset: Pick<Changeset, 'rawId' | 'revision'>, options: { showRevisionNumber?: boolean; length?: number } = {}): string {
  const hash = changeset.rawId.slice(0, options.length ?? 12);
  return options.showRevisionNumber ? `r${changeset.revision}:${hash}` : hash;
}
