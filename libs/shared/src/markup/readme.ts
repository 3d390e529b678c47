/** How a README is rendered (web-ui.md §3.1). */
export type ReadmeRenderer = 'markdown' | 'rst' | 'plain';

const BASES: [string, number][] = [
  ['readme', 0],
  ['README', 0],
  ['Readme', 0],
  ...(['doc/'] as const).flatMap((d) => ['readme', 'README', 'Readme'].map((b): [string, number] => [d + b, 1])),
  ...(['Docs/', 'DOCS/', 'docs/'] as const).flatMap((d) => ['readme', 'README', 'Readme'].map((b): [string, number] => [d + b, 2])),
];
const EXTENSIONS: [string, number][] = [
  ['.md', 1], ['.MD', 1], ['.mkdn', 2], ['.MKDN', 2], ['.mdown', 3], ['.MDOWN', 3], ['.markdown', 4], ['.MARKDOWN', 4],
  ['', 0], ['.rst', 1], ['.rest', 1], ['.RST', 2], ['.REST', 2], ['.txt', 3], ['.TXT', 3],
  ['.text', 2], ['.TEXT', 2],
];

/**
 * README candidate paths in the order they are tried: every base × extension (base outer, extension inner),
 * stable-sorted by base weight + extension weight.
 */
export function readmeCandidates(): string[] {
  const all: { name: string; weight: number; order: number }[] = [];
  for (const [base, bw] of BASES) for (const [ext, ew] of EXTENSIONS) all.push({ name: base + ext, weight: bw + ew, order: all.length });
  return all.sort((a, b) => a.weight - b.weight || a.order - b.order).map((c) => c.name);
}

/** Which renderer a file name selects. */
export function readmeRenderer(fileName: string): ReadmeRenderer {
  const name = fileName.toLowerCase();
  if (/md|mkd|mkdn|mdown|markdown/.test(name)) return 'markdown';
  if (/rst|rest/.test(name)) return 'rst';
  if (name.includes('readme')) return 'rst';
  return 'plain';
}
