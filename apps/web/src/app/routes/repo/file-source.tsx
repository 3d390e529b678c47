import { useEffect, useMemo, useState } from 'react';
import { escapeHtml } from '@grove/shared';
import { languageForPath } from '../../../lib/highlight/languages';
import { useHighlighter } from '../../../lib/highlight/use-highlighter';
import { useT } from '../../../lib/i18n';
import { parseLineAnchor } from '../../../lib/repo-paths';
import { markWhitespace } from '../../../features/diff/word-diff';

/** Highlighted source with line numbers and `#L<n>` anchors; `#L5-9` / `#L1,4-6` highlight and scroll; a selection offers its link. */
export function FileSource({ path, content, prefix }: { path: string; content: string; prefix?: (line: number) => React.ReactNode }) {
  const t = useT();
  const highlighter = useHighlighter();
  const [hash, setHash] = useState(() => window.location.hash);
  const [selectionLink, setSelectionLink] = useState<string | null>(null);
  const text = content.replace(/\n$/, '');
  const lines = useMemo(() => {
    const highlighted = highlighter?.highlightLines(text, languageForPath(path));
    return (highlighted ?? text.split('\n').map(escapeHtml)).map(markWhitespace);
  }, [highlighter, text, path]);
  const marked = parseLineAnchor(hash);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const first = [...marked][0];
    if (first) document.getElementById(`L${first}`)?.scrollIntoView?.({ block: 'center' });
  }, [hash, lines.length]);
  const onMouseUp = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed) return setSelectionLink(null);
    const lineOf = (node: Node | null) => Number((node instanceof Element ? node : node?.parentElement)?.closest('tr')?.getAttribute('data-line'));
    const a = lineOf(selection.anchorNode);
    const b = lineOf(selection.focusNode);
    if (a && b) setSelectionLink(`#L${Math.min(a, b)}-${Math.max(a, b)}`);
  };
  return (
    <div className="file-source">
      {selectionLink && (
        <p className="selection-link">
          <a href={selectionLink} onClick={() => setSelectionLink(null)}>
            {t('files.selectionLink')}
          </a>
        </p>
      )}
      <table className="code" onMouseUp={onMouseUp}>
        <tbody>
          {lines.map((html, i) => (
            <tr key={i} id={`L${i + 1}`} data-line={i + 1} className={marked.has(i + 1) ? 'marked' : undefined}>
              {prefix && <td className="annotation">{prefix(i + 1)}</td>}
              <td className="lineno">
                <a href={`#L${i + 1}`}>{i + 1}</a>
              </td>
              <td className="code">
                <pre dangerouslySetInnerHTML={{ __html: html }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
