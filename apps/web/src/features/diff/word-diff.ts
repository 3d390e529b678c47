import { escapeHtml } from '@grove/shared';

/** Words, runs of non-word characters, and HTML entity characters each as tokens (Kallithea's split). */
export function tokenize(line: string): string[] {
  return line.match(/\w+|[&<>"']|[^\w&<>"']+/g) ?? [];
}

/**
 * Word-level diff of one deleted and one added line (web-ui.md §3.9): the tokens are
 * sequence-matched (longest common subsequence) and changed runs wrapped in `<del>` / `<ins>`.
 * Returns escaped HTML for both sides.
 */
export function wordDiff(oldLine: string, newLine: string): { old: string; new: string } {
  const a = tokenize(oldLine);
  const b = tokenize(newLine);
  // LCS table, bounded so that a pathological line cannot stall the page
  if (a.length * b.length > 250_000) return { old: `<del>${escapeHtml(oldLine)}</del>`, new: `<ins>${escapeHtml(newLine)}</ins>` };
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const oldParts: [string, boolean][] = [];
  const newParts: [string, boolean][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      oldParts.push([a[i]!, false]);
      newParts.push([b[j]!, false]);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      newParts.push([b[j++]!, true]);
    } else {
      oldParts.push([a[i++]!, true]);
    }
  }
  return { old: join(oldParts, 'del'), new: join(newParts, 'ins') };
}

function join(parts: [string, boolean][], tag: 'del' | 'ins'): string {
  let html = '';
  let run = '';
  let changed = false;
  const flush = () => {
    if (run) html += changed ? `<${tag}>${escapeHtml(run)}</${tag}>` : escapeHtml(run);
    run = '';
  };
  for (const [text, isChanged] of parts) {
    if (isChanged !== changed) {
      flush();
      changed = isChanged;
    }
    run += text;
  }
  flush();
  return html;
}

/** Makes whitespace visible in an escaped/highlighted line: tabs, carriage returns, trailing blanks. */
export function markWhitespace(html: string): string {
  return html
    .replace(/\t/g, '<u class="ws-tab">\t</u>')
    .replace(/\r/g, '<u class="ws-cr" title="CR"></u>')
    .replace(/( +)((?:<\/(?:span|del|ins)>)*)$/, '<u class="ws-trailing">$1</u>$2');
}
