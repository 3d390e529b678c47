import type { DiffFile, DiffHunk, DiffLine } from '@grove/shared';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { escapeHtml } from '@grove/shared';
import { languageForPath } from '../../../lib/highlight/languages';
import { useHighlighter } from '../../../lib/highlight/use-highlighter';
import { useT, type Translate } from '../../../lib/i18n';
import { diffMeta, safeFileId, sideBySideRows, singleLineChanges, type DiffMeta } from '../layout';
import { markWhitespace, wordDiff } from '../word-diff';
import { DiffStatsBar } from './diff-stats-bar';

export type DiffMode = 'unified' | 'sideBySide';

/** Links of a file's toolbar; missing ones are not shown (null: shown disabled). */
export interface DiffFileLinks {
  before?: string | null;
  after?: string | null;
  fullFile?: string;
  sideBySide?: string;
  raw?: string;
  download?: string;
  whitespace?: string;
  context?: string;
  /** an image file: its raw URLs before and after, for "Show images" */
  images?: { before: string | null; after: string | null };
}

type Highlight = (line: string) => string | null;

/** One line's HTML: word-diffed, highlighted or escaped; whitespace made visible. */
function lineHtml(lines: DiffLine[], index: number, words: Map<number, string>, highlight: Highlight): string {
  const word = words.get(index);
  if (word !== undefined) return markWhitespace(word);
  const content = lines[index]!.content;
  return markWhitespace(highlight(content) ?? escapeHtml(content));
}

/** Word-diff HTML of the single-line changes of a hunk, by line index. */
function wordDiffs(hunk: DiffHunk): Map<number, string> {
  const map = new Map<number, string>();
  for (const i of singleLineChanges(hunk.lines)) {
    const diff = wordDiff(hunk.lines[i]!.content, hunk.lines[i + 1]!.content);
    map.set(i, diff.old);
    map.set(i + 1, diff.new);
  }
  return map;
}

function metaText(meta: DiffMeta, t: Translate): string {
  switch (meta.kind) {
    case 'new':
      return t('diff.metaNew', { mode: meta.mode ?? '' });
    case 'deleted':
      return t('diff.metaDeleted');
    case 'chmod':
      return t('diff.metaChmod', { from: meta.from ?? '', to: meta.to ?? '' });
    case 'renamed':
      return t('diff.metaRenamed', { from: meta.from, to: meta.to });
    case 'copied':
      return t('diff.metaCopied', { from: meta.from, to: meta.to });
    case 'binary':
      return t('diff.metaBinary');
    case 'submodule':
      return t('diff.metaSubmodule');
  }
}

const CLASS: Record<DiffLine['type'], string> = { add: 'add', del: 'del', context: 'unmod', 'no-newline': 'unmod' };

/** The hunk header row, left out for a hunk starting at line 1. */
function showHunkHeader(hunk: DiffHunk): boolean {
  return !(hunk.oldStart <= 1 && hunk.newStart <= 1);
}

function hunkHeader(hunk: DiffHunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@ ${hunk.section}`.trimEnd();
}

function LineNumber({ id, n }: { id: string; n: number | null }) {
  if (n === null) return <td className="lineno" />;
  return (
    <td className="lineno" id={id}>
      <a href={`#${id}`}>{n}</a>
    </td>
  );
}

/** One file of a diff: header with stats and toolbar, meta rows, and its hunks in the chosen view. */
export function DiffFileView({
  file,
  mode,
  collapsed,
  onToggle,
  links = {},
}: {
  file: DiffFile & { id?: string };
  mode: DiffMode;
  collapsed: boolean;
  onToggle: () => void;
  links?: DiffFileLinks;
}) {
  const t = useT();
  const highlighter = useHighlighter();
  const fid = file.id ?? safeFileId(file.path);
  const language = languageForPath(file.path);
  const highlight: Highlight = (line) => highlighter?.highlightLines(line, language)?.[0] ?? null;
  const hunks = useMemo(() => file.hunks.map((hunk) => ({ hunk, words: wordDiffs(hunk) })), [file]);
  const meta = diffMeta(file);
  const showContent = file.operation !== 'removed';
  const [showImages, setShowImages] = useState(false);

  return (
    <section className={`diff-file ${file.operation}`} id={fid} data-testid="diff-file" aria-label={file.path}>
      <header className="diff-file-header">
        <button type="button" className="button link" aria-expanded={!collapsed} onClick={onToggle} title={collapsed ? t('diff.expand') : t('diff.collapse')}>
          {collapsed ? '▸' : '▾'}
        </button>
        <span className={`diff-op op-${file.operation}`}>{t(`diff.op.${file.operation}`)}</span>
        <a className="diff-path" href={`#${fid}`}>
          {file.path}
        </a>
        <DiffStatsBar file={file} />
        <FileToolbar links={links} />
      </header>
      {!collapsed && (
        <>
          {links.images && (
            <p className="diff-images">
              {showImages ? (
                <ImageSwap before={links.images.before} after={links.images.after} />
              ) : (
                <button type="button" className="button" onClick={() => setShowImages(true)}>
                  {t('diff.showImages')}
                </button>
              )}
            </p>
          )}
          {meta.length > 0 && (
            <ul className="diff-meta">
              {meta.map((m, i) => (
                <li key={i}>{metaText(m, t)}</li>
              ))}
            </ul>
          )}
          {showContent && file.hunks.length > 0 && (
            <table className={`diff-table ${mode === 'sideBySide' ? 'side-by-side' : 'unified'}`} role="grid">
              <tbody>
                {hunks.map(({ hunk, words }, h) => (
                  <Fragment key={h}>
                    {showHunkHeader(hunk) && (
                      <tr className="hunk-header">
                        <td className="lineno">...</td>
                        <td className="lineno">...</td>
                        <td className="code" colSpan={mode === 'sideBySide' ? 2 : 1}>
                          {hunkHeader(hunk)}
                        </td>
                      </tr>
                    )}
                    {mode === 'unified'
                      ? hunk.lines.map((line, i) => (
                          <tr key={i} className={`diff-line ${CLASS[line.type]}`}>
                            <LineNumber id={`${fid}_o${line.oldNumber}`} n={line.type === 'add' ? null : line.oldNumber} />
                            <LineNumber id={`${fid}_n${line.newNumber}`} n={line.type === 'del' ? null : line.newNumber} />
                            <td className="code">
                              <pre dangerouslySetInnerHTML={{ __html: lineHtml(hunk.lines, i, words, highlight) }} />
                            </td>
                          </tr>
                        ))
                      : sideBySideRows(hunk).map((row, i) => (
                          <tr key={i} className="diff-line">
                            <LineNumber id={`${fid}_o${row.left?.line.oldNumber}`} n={row.left?.line.oldNumber ?? null} />
                            <td className={`code ${row.left ? CLASS[row.left.line.type] : 'empty'}`}>
                              {row.left && <pre dangerouslySetInnerHTML={{ __html: lineHtml(hunk.lines, row.left.index, words, highlight) }} />}
                            </td>
                            <LineNumber id={`${fid}_n${row.right?.line.newNumber}`} n={row.right?.line.newNumber ?? null} />
                            <td className={`code ${row.right ? CLASS[row.right.line.type] : 'empty'}`}>
                              {row.right && <pre dangerouslySetInnerHTML={{ __html: lineHtml(hunk.lines, row.right.index, words, highlight) }} />}
                            </td>
                          </tr>
                        ))}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
          {showContent && file.hunks.length === 0 && !file.binary && meta.length === 0 && <p className="diff-empty">{t('diff.noChanges')}</p>}
        </>
      )}
    </section>
  );
}

/** Old and new image side by side; pressing and holding the new one shows the old one in its place. */
function ImageSwap({ before, after }: { before: string | null; after: string | null }) {
  const t = useT();
  const [holding, setHolding] = useState(false);
  return (
    <span className="image-swap">
      {before && <img src={before} alt={t('diff.imageBefore')} />}
      {after && (
        <img
          src={holding && before ? before : after}
          alt={t('diff.imageAfter')}
          title={t('diff.imageHold')}
          onPointerDown={() => setHolding(true)}
          onPointerUp={() => setHolding(false)}
          onPointerLeave={() => setHolding(false)}
        />
      )}
    </span>
  );
}

function FileToolbar({ links }: { links: DiffFileLinks }) {
  const t = useT();
  const item = (href: string | null | undefined, label: string) => {
    if (href === undefined) return null;
    if (href === null)
      return (
        <span className="disabled" aria-disabled="true">
          {label}
        </span>
      );
    // server data (raw diffs, downloads) is fetched by the browser; pages stay in the SPA
    return href.startsWith('/api/') ? <a href={href}>{label}</a> : <Link to={href}>{label}</Link>;
  };
  return (
    <span className="diff-toolbar">
      {item(links.before, t('diff.fileBefore'))}
      {item(links.after, t('diff.fileAfter'))}
      {item(links.fullFile, t('diff.fullDiff'))}
      {item(links.sideBySide, t('diff.sideBySideFile'))}
      {item(links.raw, t('diff.raw'))}
      {item(links.download, t('diff.download'))}
      {item(links.whitespace, t('diff.ignoreWhitespace'))}
      {item(links.context, t('diff.increaseContext'))}
    </span>
  );
}
