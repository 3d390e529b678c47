import type { ChangesetDto, GraphRow } from '@grove/shared';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Age } from '../../../components/ui/age';
import { RichText } from '../../../components/ui/rich-text';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { cursorRowProps, useListCursor } from '../../../lib/use-list-cursor';
import { vcsDate } from '../../../lib/vcs-date';
import { ChangesetLabels } from '../../repo-browse/components/changeset-labels';
import { Person } from '../../repo-browse/components/person';
import { useRepoContext, useUrlify } from '../../repo-browse/repo-context';
import { ChangelogGraph } from './changelog-graph';

/** Vertical centres of the table's rows relative to the wrapper, re-measured on resize and when rows change height. */
function useRowCenters(count: number, deps: unknown[]) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ centers: number[]; height: number }>({ centers: [], height: 0 });
  useLayoutEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top;
      const rows = [...el.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]')];
      setLayout({ centers: rows.map((r) => { const b = r.getBoundingClientRect(); return b.top - top + b.height / 2; }), height: el.getBoundingClientRect().height });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [count, ...deps]);
  return { wrapper, ...layout };
}

/**
 * The changelog table (changelog, summary's latest changes, compare): avatar/person, hash, age,
 * expandable message, labels; optionally the DAG graph and selection checkboxes.
 */
export function ChangesetTable({
  changesets,
  graph,
  selected,
  onSelect,
  hideBranch = false,
  keyboard = false,
}: {
  changesets: ChangesetDto[];
  graph?: GraphRow[];
  selected?: string[];
  onSelect?: (rawId: string) => void;
  hideBranch?: boolean;
  /** j/k move a cursor over the rows, Enter opens the changeset (long lists) */
  keyboard?: boolean;
}) {
  const t = useT();
  const { base } = useRepoContext();
  const linkify = useUrlify();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const urls = useMemo(() => changesets.map((c) => repoUrls.changeset(base, c.rawId)), [changesets, base]);
  const cursor = useListCursor(keyboard, urls, '[data-testid="changelog-row"]');
  const showGraph = !!graph && graph.length === changesets.length && graph.length > 0;
  const { wrapper, centers, height } = useRowCenters(changesets.length, [expanded]);
  const range = selected && selected.length === 2 ? changesets.map((c) => c.rawId).filter((_, i, all) => {
    const a = all.indexOf(selected[0]!);
    const b = all.indexOf(selected[1]!);
    return i >= Math.min(a, b) && i <= Math.max(a, b);
  }) : null;
  const graphWidth = showGraph ? 8 + 18 * (Math.max(...graph!.map(([n, e]) => Math.max(n[0], ...e.map((x) => Math.max(x[0], x[1]))))) + 1) : 0;

  return (
    <div className="changeset-table" ref={wrapper} style={{ position: 'relative', paddingLeft: graphWidth }}>
      {showGraph && (
        <div style={{ position: 'absolute', left: 0, top: 0 }}>
          <ChangelogGraph rows={graph!} rowCenters={centers} height={height} width={graphWidth} />
        </div>
      )}
      <table className="grid changelog">
        <tbody>
          {changesets.map((cs, index) => {
            const lines = cs.message.replace(/\n+$/, '').split('\n');
            const isOpen = expanded.has(cs.rawId);
            const url = repoUrls.changeset(base, cs.rawId);
            return (
              <tr key={cs.rawId} data-row data-testid="changelog-row" {...cursorRowProps(cursor, index, range && !range.includes(cs.rawId) ? 'out-of-range' : undefined)}>
                {onSelect && (
                  <td>
                    <input type="checkbox" aria-label={t('changelog.select', { id: cs.shortId })} checked={selected?.includes(cs.rawId) ?? false} onChange={() => onSelect(cs.rawId)} />
                  </td>
                )}
                <td className="author">
                  <Person changeset={cs} />
                </td>
                <td className="hash">
                  <Link to={url} className="changeset-hash">
                    {cs.shortId}
                  </Link>
                </td>
                <td className="date">
                  <Age date={vcsDate(cs.date)} short />
                </td>
                <td className="message">
                  {lines.length > 1 && (
                    <button
                      type="button"
                      className="button link expand"
                      aria-expanded={isOpen}
                      aria-label={t('changelog.expandMessage')}
                      onClick={() => setExpanded((prev) => { const n = new Set(prev); if (n.has(cs.rawId)) n.delete(cs.rawId); else n.add(cs.rawId); return n; })}
                    >
                      ↕
                    </button>
                  )}
                  <RichText html={linkify(lines[0] ?? '', { linkTarget: url })} />
                  {isOpen && <RichText as="div" className="message-rest" html={linkify(lines.slice(1).join('\n').replace(/^\n+/, ''))} />}
                </td>
                <td className="refs">
                  <ChangesetLabels changeset={cs} base={base} hideBranch={hideBranch} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
