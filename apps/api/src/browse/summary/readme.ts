import type { MarkupKind } from '@grove/shared';

const BASES: Array<[string, number]> = [
  ...['readme', 'README', 'Readme'].map((b): [string, number] => [b, 0]),
  ...['readme', 'README', 'Readme'].map((b): [string, number] => [`doc/${b}`, 1]),
  ...['Docs', 'DOCS', 'docs'].flatMap((d) => ['readme', 'README', 'Readme'].map((b): [string, number] => [`${d}/${b}`, 2])),
];

const EXTENSIONS: Array<[string, number]> = [
  // markdown
  ['.md', 1], ['.MD', 1], ['.mkdn', 2], ['.MKDN', 2], ['.mdown', 3], ['.MDOWN', 3], ['.markdown', 4], ['.MARKDOWN', 4],
  // reStructuredText
  ['', 0], ['.rst', 1], ['.rest', 1], ['.RST', 2], ['.REST', 2], ['.txt', 3], ['.TXT', 3],
  // plain
  ['.text', 2], ['.TEXT', 2],
];

/**
 * README candidates in the order of web-ui.md §3.1: every base × extension (base outer, extension
 * inner), stable-sorted by base weight + extension weight.
 */
export const README_CANDIDATES: readonly string[] = BASES.flatMap(([base, bw]) => EXTENSIONS.map(([ext, ew]) => ({ name: base + ext, weight: bw + ew })))
  .sort((a, b) => a.weight - b.weight)
  .map((c) => c.name);

/** The renderer for a README file name (§3.1). */
export function markupKindOf(path: string): MarkupKind {
  const name = path.toLowerCase();
  if (/md|mkd|mkdn|mdown|markdown/.test(name)) return 'markdown';
  if (/rst|rest/.test(name)) return 'rst';
  if (name.includes('readme')) return 'rst';
  return 'plain';
}
