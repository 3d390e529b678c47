// REST contract of the repository browsing pages (docs/rest-browse.md): queries the server
// validates and the responses it sends, shared with the SPA. Additive changes only.
import { z } from 'zod';
import { pageOf } from './pagination.dto';
import { repoDetailSchema } from './repos.dto';

// ---------------------------------------------------------------------------------------------
// Edge validation of revisions, paths and flags
// ---------------------------------------------------------------------------------------------

const hasControlChar = (value: string) => [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);

/** A revision spec: hash (full/short), number, branch, tag, bookmark or `tip`. Never starts with `-` (it would read as an option). */
export const revisionSchema = z
  .string()
  .min(1, 'Revision must not be empty')
  .max(255, 'Revision may be at most 255 characters long')
  .refine((v) => !v.startsWith('-'), 'Revision may not start with "-"')
  .refine((v) => !hasControlChar(v), 'Revision may not contain control characters');

/** A path inside a repository: relative, `/`-separated, no `.`/`..` segments; leading and trailing `/` are dropped. */
export const repoPathSchema = z
  .string()
  .max(4096, 'Path may be at most 4096 characters long')
  .transform((v) => v.replace(/^\/+|\/+$/g, ''))
  .refine((v) => !hasControlChar(v), 'Path may not contain control characters')
  .refine((v) => v === '' || v.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'Path may not contain empty, "." or ".." segments');

/** A non-empty repository path (a file). */
export const repoFilePathSchema = repoPathSchema.refine((v) => v !== '', 'Path must name a file');

/** Query flags: `1`/`true`/`0`/`false`. */
export const queryFlagSchema = z
  .enum(['1', '0', 'true', 'false'], { message: 'must be 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true');

/** Diff options shared by changesets, compare and file diffs (web-ui.md §3.9). */
export const diffOptionsShape = {
  /** ignore all whitespace */
  ignorews: queryFlagSchema.optional(),
  /** context lines (default 3) */
  context: z.coerce.number().int().min(0).max(10_000).optional(),
  /** do not cut the diff at the cut-off limit */
  fulldiff: queryFlagSchema.optional(),
};

// ---------------------------------------------------------------------------------------------
// Changesets
// ---------------------------------------------------------------------------------------------

export const vcsDateSchema = z.object({ timestamp: z.number(), offset: z.number() });

/** A changeset (same fields as the libs/vcs `Changeset`) plus the local user its author e-mail maps to. */
export const changesetSchema = z.object({
  rawId: z.string(),
  shortId: z.string(),
  revision: z.number().int(),
  author: z.string(),
  authorName: z.string(),
  authorEmail: z.string(),
  /** username of the local user whose (extra) e-mail matches the author's, else null (web-ui.md §3.6) */
  authorUsername: z.string().nullable(),
  /** avatar URL template of the author e-mail with `{size}` (and `{scheme}`/`{netloc}`) left to fill; null when avatars are off (§3.6) */
  authorAvatarUrl: z.string().nullable(),
  date: vcsDateSchema,
  authorDate: vcsDateSchema,
  message: z.string(),
  parents: z.array(z.string()),
  children: z.array(z.string()),
  branch: z.string().nullable(),
  branchHeads: z.array(z.string()),
  tags: z.array(z.string()),
  bookmarks: z.array(z.string()),
  phase: z.enum(['public', 'draft', 'secret']).nullable(),
  obsolete: z.boolean(),
  bumped: z.boolean(),
  divergent: z.boolean(),
  extinct: z.boolean(),
  unstable: z.boolean(),
  closesBranch: z.boolean(),
  added: z.array(z.string()).optional(),
  changed: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type ChangesetDto = z.infer<typeof changesetSchema>;

export const vcsRefSchema = z.object({ name: z.string(), rawId: z.string() });

/** `GET repos/:ref/refs` — the ref picker. */
export const repoRefsResponseSchema = z.object({
  branches: z.array(vcsRefSchema),
  closedBranches: z.array(vcsRefSchema),
  tags: z.array(vcsRefSchema),
  bookmarks: z.array(vcsRefSchema),
  defaultBranch: z.string().nullable(),
  tip: z.string().nullable(),
});
export type RepoRefsResponse = z.infer<typeof repoRefsResponseSchema>;

const graphEdgeSchema = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.union([z.literal(0), z.literal(1)])]);
const bit = z.union([z.literal(0), z.literal(1)]);
/** One DAG row (libs/shared `GraphRow`): `[[column, colour], edges, closesBranch, obsolete, bumped, divergent, extinct, unstable]`. */
export const graphRowSchema = z.tuple([z.tuple([z.number().int(), z.number().int()]), z.array(graphEdgeSchema), bit, bit, bit, bit, bit, bit]);

/** `GET repos/:ref/changelog` */
export const changelogQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    /** page size, 1..2000 (default 100) */
    size: z.coerce.number().int().min(1).max(2000).optional().default(100),
    /** only changesets of this branch (open or closed) */
    branch: revisionSchema.optional(),
    /** changelog ending at this revision */
    revision: revisionSchema.optional(),
    /** file history mode (no graph) */
    path: repoFilePathSchema.optional(),
  })
  .strict();
export type ChangelogQuery = z.input<typeof changelogQuerySchema>;

export const changelogResponseSchema = z.object({
  changesets: z.array(changesetSchema),
  /** one row per changeset, same order; empty in file-history mode */
  graph: z.array(graphRowSchema),
  /** changesets matching the filters (for "showing N out of M") */
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  /** the resolved `revision` when one was given */
  revision: z.string().nullable(),
});
export type ChangelogResponse = z.infer<typeof changelogResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Diffs
// ---------------------------------------------------------------------------------------------

export const diffLineSchema = z.object({
  type: z.enum(['context', 'add', 'del', 'no-newline']),
  oldNumber: z.number().int().nullable(),
  newNumber: z.number().int().nullable(),
  content: z.string(),
});
export const diffHunkSchema = z.object({
  oldStart: z.number().int(),
  oldLines: z.number().int(),
  newStart: z.number().int(),
  newLines: z.number().int(),
  section: z.string(),
  lines: z.array(diffLineSchema),
});
/** One file of a parsed diff (libs/shared `DiffFile`) plus its anchor id `C-<hash12>-<md5(path)[:12]>`. */
export const diffFileSchema = z.object({
  id: z.string(),
  oldPath: z.string().nullable(),
  newPath: z.string().nullable(),
  path: z.string(),
  operation: z.enum(['added', 'removed', 'modified', 'renamed', 'copied']),
  oldMode: z.string().nullable(),
  newMode: z.string().nullable(),
  modeChanged: z.boolean(),
  similarity: z.number().nullable(),
  binary: z.boolean(),
  hasBinaryPatch: z.boolean(),
  submodule: z.boolean(),
  hunks: z.array(diffHunkSchema),
  stats: z.object({ added: z.number().int(), deleted: z.number().int(), binary: z.boolean() }),
  rawOffset: z.number().int(),
  rawLength: z.number().int(),
});
export type DiffFileDto = z.infer<typeof diffFileSchema>;

/** A parsed diff with the cut-off outcome (web-ui.md §3.9). */
export const diffResponseSchema = z.object({
  files: z.array(diffFileSchema),
  stats: z.object({ files: z.number().int(), added: z.number().int(), deleted: z.number().int() }),
  /** files were left out by the cut-off limit: offer `fulldiff=1` */
  truncated: z.boolean(),
  /** files in the whole diff, including the left-out ones */
  totalFiles: z.number().int(),
  /** the cut-off limit in bytes of raw diff that applied (null with fulldiff) */
  cutOffLimit: z.number().int().nullable(),
  /** the raw diff itself was cut (only with fulldiff beyond the hard maximum) */
  rawTruncated: z.boolean(),
  /** every affected file (path + operation), also the ones cut off — for the file list and the `!` counters */
  affected: z.array(z.object({ path: z.string(), operation: z.enum(['added', 'removed', 'modified', 'renamed', 'copied']) })),
});
export type DiffResponse = z.infer<typeof diffResponseSchema>;

export const diffQuerySchema = z.object(diffOptionsShape).strict();
export type DiffQuery = z.input<typeof diffQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Changeset, range
// ---------------------------------------------------------------------------------------------

/** `GET repos/:ref/changesets/:rev` */
export const changesetResponseSchema = z.object({
  changeset: changesetSchema,
  parents: z.array(changesetSchema),
  children: z.array(changesetSchema),
  diff: diffResponseSchema,
});
export type ChangesetResponse = z.infer<typeof changesetResponseSchema>;

/** `GET repos/:ref/changesets/:rev/file-diff?path=` — one file's diff of a changeset, not cut off (per-file "full diff"). */
export const changesetFileDiffQuerySchema = z.object({ path: repoFilePathSchema, ...diffOptionsShape }).strict();
export const fileDiffResponseSchema = z.object({ file: diffFileSchema.nullable() });
export type FileDiffResponse = z.infer<typeof fileDiffResponseSchema>;

/** `GET repos/:ref/changeset-range?from=&to=` — the range page `from...to` (both included). */
export const changesetRangeQuerySchema = z.object({ from: revisionSchema, to: revisionSchema, ...diffOptionsShape }).strict();
export const changesetRangeResponseSchema = z.object({
  /** oldest first */
  changesets: z.array(z.object({ changeset: changesetSchema, diff: diffResponseSchema })),
});
export type ChangesetRangeResponse = z.infer<typeof changesetRangeResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** `GET repos/:ref/files?rev=&path=` */
export const filesQuerySchema = z
  .object({
    /** default: `tip` */
    rev: revisionSchema.optional(),
    path: repoPathSchema.optional(),
    /** show a big text file anyway */
    full: queryFlagSchema.optional(),
    /** directory: include the last changeset per entry (default true) */
    lastChangesets: queryFlagSchema.optional(),
  })
  .strict();
export type FilesQuery = z.input<typeof filesQuerySchema>;

export const treeEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'dir', 'symlink', 'submodule']),
  size: z.number().int().nullable(),
  mode: z.string(),
  executable: z.boolean(),
  symlinkTarget: z.string().optional(),
  subrepo: z.object({ url: z.string().nullable(), revision: z.string(), type: z.string() }).optional(),
  /** the newest changeset touching the entry (null when not requested) */
  lastChangeset: changesetSchema.nullable(),
});
export type TreeEntryDto = z.infer<typeof treeEntrySchema>;

/** Whether the viewer may edit/delete here and on which branch (web-ui.md §2.4). */
export const editabilitySchema = z.object({
  /** viewer has write permission */
  canWrite: z.boolean(),
  /** the branch the URL revision names or is the head of (null: not at a branch head) */
  branch: z.string().nullable(),
  /** the branch head hash to send back as `parentId` when committing */
  headId: z.string().nullable(),
});

export const filesResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dir'),
    changeset: changesetSchema,
    path: z.string(),
    entries: z.array(treeEntrySchema),
    editability: editabilitySchema,
  }),
  z.object({
    kind: z.literal('file'),
    changeset: changesetSchema,
    path: z.string(),
    size: z.number().int(),
    mode: z.string(),
    fileKind: z.enum(['file', 'symlink']),
    /** guessed from the file name */
    mimetype: z.string(),
    binary: z.boolean(),
    /** png/gif/jpeg/x-icon/svg (+bmp, webp): preview with an img tag from `raw` */
    image: z.boolean(),
    /** text at or above the cut-off limit and not `full=1`: content is null */
    tooBig: z.boolean(),
    /** UTF-8 text (Latin-1 decoded when not UTF-8); null for binaries and too-big files */
    content: z.string().nullable(),
    /** the newest changeset that touched this file up to the revision */
    lastChangeset: changesetSchema.nullable(),
    editability: editabilitySchema,
  }),
]);
export type FilesResponse = z.infer<typeof filesResponseSchema>;

/** `GET repos/:ref/raw?rev=&path=&download=1` — bytes; query. */
export const rawFileQuerySchema = z.object({ rev: revisionSchema.optional(), path: repoFilePathSchema, download: queryFlagSchema.optional() }).strict();

/** `GET repos/:ref/annotate?rev=&path=&full=1` */
export const annotateQuerySchema = z.object({ rev: revisionSchema.optional(), path: repoFilePathSchema, full: queryFlagSchema.optional() }).strict();
export const annotateResponseSchema = z.object({
  changeset: changesetSchema,
  path: z.string(),
  binary: z.boolean(),
  tooBig: z.boolean(),
  lines: z.array(z.object({ lineNumber: z.number().int(), content: z.string(), rawId: z.string(), revision: z.number().int() })),
  /** the changesets the lines point to, by raw id */
  changesets: z.record(z.string(), changesetSchema),
});
export type AnnotateResponse = z.infer<typeof annotateResponseSchema>;

/** `GET repos/:ref/file-history?rev=&path=` — the "diff to revision" picker (changesets touching the file, newest first; branches; tags). */
export const fileHistoryQuerySchema = z.object({ rev: revisionSchema.optional(), path: repoFilePathSchema }).strict();
export const fileHistoryResponseSchema = z.object({
  changesets: z.array(changesetSchema),
  branches: z.array(vcsRefSchema),
  tags: z.array(vcsRefSchema),
  /** distinct authors of the history ("Show Authors") */
  authors: z.array(z.object({ author: z.string(), name: z.string(), email: z.string(), username: z.string().nullable() })),
});
export type FileHistoryResponse = z.infer<typeof fileHistoryResponseSchema>;

/** `GET repos/:ref/nodelist?rev=&path=` — every file/dir below path (quick filter). */
export const nodeListQuerySchema = z.object({ rev: revisionSchema.optional(), path: repoPathSchema.optional() }).strict();
export const nodeListResponseSchema = z.object({ nodes: z.array(z.object({ name: z.string(), type: z.enum(['file', 'dir']) })) });
export type NodeListResponse = z.infer<typeof nodeListResponseSchema>;

/**
 * `GET repos/:ref/file-diff?path=&diff1=&diff2=` — one file between two revisions (missing/empty
 * revision or file absent on a side = empty file). `format=raw` → text/plain, `download` → attachment.
 */
export const fileCompareQuerySchema = z
  .object({
    path: repoFilePathSchema,
    diff1: z.union([revisionSchema, z.literal('')]).optional(),
    diff2: z.union([revisionSchema, z.literal('')]).optional(),
    format: z.enum(['json', 'raw', 'download']).optional().default('json'),
    ...diffOptionsShape,
  })
  .strict();
export const fileCompareResponseSchema = z.object({
  diff1: z.string().nullable(),
  diff2: z.string().nullable(),
  /** null: no changes detected */
  file: diffFileSchema.nullable(),
  /** either side is at or above the cut-off limit (and not fulldiff) */
  tooBig: z.boolean(),
  binary: z.boolean(),
});
export type FileCompareResponse = z.infer<typeof fileCompareResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------------------------

const commitMessageSchema = z.string().max(65_536).optional();
/**
 * Common fields: `rev` = the branch name (or branch head hash) shown; `parentId` = the head the
 * user looked at (409 when the branch moved since; omit to commit on the current head).
 */
const editBase = {
  rev: revisionSchema,
  parentId: z.string().regex(/^[0-9a-f]{40}$/, 'parentId must be a full 40-hex changeset id').nullable().optional(),
  message: commitMessageSchema,
};

/** `POST repos/:ref/files/add` — typed (`content`) or uploaded (`contentBase64`) file. Works on an empty repository (`rev` = branch to create). */
export const addFileSchema = z
  .object({
    ...editBase,
    /** directory, relative, no `..` */
    location: repoPathSchema.optional().default(''),
    filename: z.string().min(1, 'No filename').max(255),
    content: z.string().max(1_500_000).optional(),
    contentBase64: z.string().max(2_000_000).optional(),
  })
  .strict();
export type AddFile = z.input<typeof addFileSchema>;

/** `POST repos/:ref/files/edit` */
export const editFileSchema = z.object({ ...editBase, path: repoFilePathSchema, content: z.string().max(1_500_000) }).strict();
export type EditFile = z.input<typeof editFileSchema>;

/** `POST repos/:ref/files/delete` */
export const deleteFileSchema = z.object({ ...editBase, path: repoFilePathSchema }).strict();
export type DeleteFile = z.input<typeof deleteFileSchema>;

export const commitResponseSchema = z.object({ changeset: changesetSchema, branch: z.string() });
export type CommitResponse = z.infer<typeof commitResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

/** `GET repos/:ref/compare?base=&head=&otherRepo=&merge=1` — base in this repo, head here or in otherRepo. */
export const compareQuerySchema = z
  .object({
    base: revisionSchema,
    head: revisionSchema,
    /** full name or `_<id>` of the repository holding `head` (a fork); requires merge=1 */
    otherRepo: z.string().min(1).max(512).optional(),
    /** merge-base mode: changesets in head not in base, diff from the common ancestor */
    merge: queryFlagSchema.optional(),
    ...diffOptionsShape,
  })
  .strict();
export type CompareQuery = z.input<typeof compareQuerySchema>;
export const compareResponseSchema = z.object({
  baseId: z.string(),
  headId: z.string(),
  /** repository that holds head */
  headRepo: z.object({ id: z.number().int(), name: z.string() }),
  /** common ancestors (several = criss-cross) */
  ancestors: z.array(z.string()),
  /** oldest first */
  changesets: z.array(changesetSchema),
  /** graph rows for `changesets` newest first (i.e. the reversed list) */
  graph: z.array(graphRowSchema),
  diff: diffResponseSchema,
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

export const summaryQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    size: z.coerce.number().int().min(1).max(100).optional().default(10),
  })
  .strict();

export const markupKindSchema = z.enum(['markdown', 'rst', 'plain']);
export type MarkupKind = z.infer<typeof markupKindSchema>;

export const summaryResponseSchema = z.object({
  repository: repoDetailSchema,
  empty: z.boolean(),
  /** resolved landing revision (null for an empty repository) */
  landingId: z.string().nullable(),
  refs: repoRefsResponseSchema,
  latest: pageOf(changesetSchema),
  /** README raw text; render and sanitise in the SPA (libs/shared/src/markup) */
  readme: z.object({ path: z.string(), markup: markupKindSchema, content: z.string(), truncated: z.boolean() }).nullable(),
  /** top 10 extensions by file count at tip (only when statistics are enabled) */
  trending: z.object({
    enabled: z.boolean(),
    items: z.array(z.object({ extension: z.string(), count: z.number().int(), percent: z.number() })),
  }),
  downloads: z.object({
    enabled: z.boolean(),
    /** archive extensions offered */
    formats: z.array(z.enum(['zip', 'tar.gz', 'tar.bz2'])),
  }),
  clone: z.object({
    /** by name, by id; `{user}` already substituted for the viewer */
    http: z.string(),
    httpById: z.string(),
    /** null when SSH is not enabled or anonymous */
    ssh: z.string().nullable(),
  }),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

/** `GET repos/:ref/markup-context` — what the SPA needs to urlify messages of this repository (§3.2–§3.5). */
export const markupContextResponseSchema = z.object({
  /** families in order; pattern in Python syntax (translate with libs/shared markup helpers), link with `{repo}`/`{repo_name}` already expanded */
  issueTrackers: z.array(z.object({ suffix: z.string(), pattern: z.string(), link: z.string(), sub: z.string() })),
  stylify: z.boolean(),
  repoName: z.string(),
});
export type MarkupContextResponse = z.infer<typeof markupContextResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Forks, followers, journal
// ---------------------------------------------------------------------------------------------

export const listPageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    size: z.coerce.number().int().min(1).max(100).optional().default(20),
  })
  .strict();

export const forkItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ username: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), avatarUrl: z.string().nullable() }),
  createdOn: z.string(),
});
export const forksResponseSchema = pageOf(forkItemSchema);
export type ForksResponse = z.infer<typeof forksResponseSchema>;

export const followerItemSchema = z.object({
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** see `authorAvatarUrl` */
  avatarUrl: z.string().nullable(),
  /** ISO date */
  since: z.string(),
});
export const followersResponseSchema = pageOf(followerItemSchema);
export type FollowersResponse = z.infer<typeof followersResponseSchema>;

/** `GET journal`, `GET journal/public`, `GET admin/journal` — `filter` per web-ui.md §3.7. */
export const journalQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    size: z.coerce.number().int().min(1).max(100).optional().default(20),
    filter: z.string().max(1000).optional(),
  })
  .strict();
export type JournalQuery = z.input<typeof journalQuerySchema>;

export const journalEntrySchema = z.object({
  id: z.number().int(),
  /** null once the user is deleted */
  user: z.object({ id: z.number().int(), username: z.string(), email: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  username: z.string(),
  /** action without its parameter, e.g. `push`, `user_created_repo` */
  action: z.string(),
  /** text after the first `:` (comma-separated hashes for push), or null */
  parameter: z.string().nullable(),
  /** null when the repository is gone (then `repositoryName` still names it) */
  repository: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  repositoryName: z.string(),
  ip: z.string().nullable(),
  date: z.string(),
});
export type JournalEntryDto = z.infer<typeof journalEntrySchema>;
export const journalResponseSchema = pageOf(journalEntrySchema);
export type JournalResponse = z.infer<typeof journalResponseSchema>;

/** `GET repos/:ref/size` (signed-in readers): the repository's size on disk. */
export const repoSizeResponseSchema = z.object({
  bytes: z.number().int(),
  /** binary units, e.g. `1.2 MiB` */
  text: z.string(),
});
export type RepoSizeResponse = z.infer<typeof repoSizeResponseSchema>;
