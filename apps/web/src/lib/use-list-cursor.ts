import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

/**
 * Keyboard navigation on long lists (issue 7 §10): j/k move a cursor over the rows, Enter opens the
 * row's URL (rows without one are skipped by Enter only). Keys typed into form fields are left alone.
 * `rowSelector` finds the rendered rows, in order, to keep the cursor row in view.
 */
export function useListCursor(enabled: boolean, urls: (string | null)[], rowSelector: string): number | null {
  const navigate = useNavigate();
  const [cursor, setCursor] = useState<number | null>(null);
  // a new list (another page, another directory) starts without a cursor
  const key = urls.join('\n');
  useEffect(() => setCursor(null), [key]);
  useEffect(() => {
    if (!enabled || urls.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) || target.isContentEditable)) return;
      if (e.key === 'j' || e.key === 'k') {
        setCursor((c) => {
          const next = c === null ? 0 : Math.max(0, Math.min(urls.length - 1, c + (e.key === 'j' ? 1 : -1)));
          document.querySelectorAll(rowSelector)[next]?.scrollIntoView?.({ block: 'nearest' });
          return next;
        });
      } else if (e.key === 'Enter' && cursor !== null && urls[cursor] && target?.tagName !== 'A') {
        // (a focused link opens itself)
        navigate(urls[cursor]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, urls, cursor, navigate, rowSelector]);
  return cursor;
}

/** Props for a row under the cursor: a class and `aria-current`. */
export const cursorRowProps = (cursor: number | null, index: number, className?: string) => ({
  className: [className ?? '', cursor === index ? 'cursor' : ''].join(' ').trim() || undefined,
  'aria-current': cursor === index ? ('true' as const) : undefined,
});
