import type { GraphRow } from '@grove/shared';
import { render } from '@testing-library/react';
import { ChangelogGraph, graphColor } from './changelog-graph';

// A merge: rev 3 (col 0) has parents 2 (col 0) and 1 (col 1); 2 and 1 both continue to 0.
const rows: GraphRow[] = [
  [[0, 1], [[0, 0, 1, 0], [0, 1, 2, 0]], 0, 0, 0, 0, 0, 0],
  [[0, 1], [[0, 0, 1, 0], [1, 1, 2, 0]], 0, 0, 0, 0, 0, 0],
  [[1, 2], [[0, 0, 1, 0], [1, 0, 2, 0]], 0, 0, 0, 0, 0, 0],
  [[0, 1], [], 1, 0, 0, 0, 0, 0],
];

function draw(graph: GraphRow[], centers = graph.map((_, i) => 10 + i * 20)) {
  const { container } = render(<ChangelogGraph rows={graph} rowCenters={centers} height={graph.length * 20} />);
  return container.querySelector('svg')!;
}

describe('ChangelogGraph', () => {
  it('draws one node per row at its column, column 0 rightmost', () => {
    const svg = draw(rows);
    const nodes = svg.querySelectorAll('[data-testid="graph-node"]');
    expect(nodes).toHaveLength(4);
    const circleX = (i: number) => Number(nodes[i]!.getAttribute('cx'));
    expect(circleX(0)).toBeGreaterThan(circleX(2));
    expect(Number(nodes[1]!.getAttribute('cy'))).toBe(30);
  });

  it('draws an edge per layout edge: straight within a column, Bézier across columns', () => {
    const svg = draw(rows);
    const edges = [...svg.querySelectorAll('[data-testid="graph-edge"]')].map((e) => e.getAttribute('d')!);
    expect(edges).toHaveLength(6);
    expect(edges[0]).toMatch(/^M [\d.]+ 10 L [\d.]+ 30$/);
    expect(edges[1]).toMatch(/^M [\d.]+ 10 C [\d.]+ 20 [\d.]+ 20 [\d.]+ 30$/);
  });

  it('follows measured row centres (expanded messages make rows taller)', () => {
    const svg = draw(rows, [10, 30, 90, 110]);
    const edge = svg.querySelectorAll('[data-testid="graph-edge"]')[2]!.getAttribute('d')!;
    expect(edge).toMatch(/ 30 L [\d.]+ 90$/);
  });

  it('draws a closing node as a square, obsolete as an X, unstable in red, obsolete edges dashed', () => {
    const special: GraphRow[] = [
      [[0, 1], [[0, 0, 1, 1]], 0, 1, 0, 0, 0, 0],
      [[0, 1], [[0, 0, 1, 0]], 0, 0, 0, 0, 0, 1],
      [[0, 1], [], 1, 0, 0, 0, 0, 0],
    ];
    const svg = draw(special);
    const kinds = [...svg.querySelectorAll('[data-testid="graph-node"]')].map((n) => n.getAttribute('data-kind'));
    expect(kinds).toEqual(['obsolete', 'unstable', 'closed']);
    expect(svg.querySelector('rect')).not.toBeNull();
    expect(svg.querySelector('circle')!.getAttribute('fill')).toBe('rgb(255, 0, 0)');
    expect(svg.querySelectorAll('[data-testid="graph-edge"]')[0]!.getAttribute('stroke-dasharray')).toBe('3 2');
  });

  it('fades edges that end in a column the next row does not continue, and the last row’s edges', () => {
    const offPage: GraphRow[] = [[[0, 1], [[0, 0, 1, 0], [0, 1, 2, 0]], 0, 0, 0, 0, 0, 0], [[0, 1], [], 0, 0, 0, 0, 0, 0]];
    const svg = draw(offPage);
    const edges = [...svg.querySelectorAll('[data-testid="graph-edge"]')];
    expect(edges[0]!.getAttribute('data-fades')).toBeNull();
    expect(edges[1]!.getAttribute('data-fades')).toBe('true');
    expect(edges[1]!.getAttribute('stroke')).toMatch(/^url\(#g-0-1\)$/);
    expect(svg.querySelector('linearGradient#g-0-1')).not.toBeNull();
  });

  it('cycles the palette modulo 8', () => {
    expect(graphColor(9, 1)).toBe(graphColor(1, 1));
    expect(graphColor(1, 0.65)).not.toBe(graphColor(2, 0.65));
  });
});
