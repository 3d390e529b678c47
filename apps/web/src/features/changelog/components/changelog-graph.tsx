import type { GraphRow } from '@grove/shared';
import type { ReactElement } from 'react';

/** Kallithea's 8-colour palette (RGB 0..1), indexed by colour mod 8. */
const PALETTE: [number, number, number][] = [
  [1.0, 0.0, 0.0],
  [1.0, 1.0, 0.0],
  [0.0, 1.0, 0.0],
  [0.0, 1.0, 1.0],
  [0.0, 0.0, 1.0],
  [1.0, 0.0, 1.0],
  [0.5, 0.5, 0.0],
  [0.0, 0.5, 0.5],
];

/** The palette colour at an intensity (lines 65 %, dots 25 %/75 % of full brightness mixed with the background). */
export function graphColor(colour: number, intensity: number, background = 0.0): string {
  const rgb = PALETTE[((colour % 8) + 8) % 8]!;
  const channel = (c: number) => Math.round((c * intensity + background * (1 - intensity)) * 255);
  return `rgb(${channel(rgb[0])}, ${channel(rgb[1])}, ${channel(rgb[2])})`;
}

const PAD = 4;
const RADIUS = 3.5;

/**
 * The changelog DAG (web-ui.md §3.8) as SVG: one node per row at `rowCenters[i]`, edges to the
 * next row's centre (straight in one column, else a cubic Bézier with both controls at mid-height),
 * edges ending in a column the next row does not continue fade out, obsolete edges dashed,
 * branch-closing nodes as small squares, obsolete nodes as an X, unstable nodes red.
 */
export function ChangelogGraph({ rows, rowCenters, height, width: fixedWidth }: { rows: readonly GraphRow[]; rowCenters: readonly number[]; height: number; width?: number }) {
  const maxColumn = rows.reduce((max, [node, edges]) => Math.max(max, node[0], ...edges.flatMap(([a, b]) => [a, b])), 0);
  const box = 18;
  const width = fixedWidth ?? PAD * 2 + box * (maxColumn + 1);
  const usable = Math.min(box, (width - PAD * 2) / (maxColumn + 1));
  const x = (column: number) => width - PAD - usable * column - usable / 2;
  const gradients: { id: string; from: string; to: string; x1: number; x2: number; y1: number; y2: number }[] = [];
  const paths: ReactElement[] = [];
  const nodes: ReactElement[] = [];

  rows.forEach((row, r) => {
    const [[column, colour], edges, closesBranch, obsolete, , , , unstable] = row;
    const y = rowCenters[r] ?? 0;
    const nextY = rowCenters[r + 1] ?? height;
    const next = rows[r + 1];
    const continued = new Set<number>(next ? [next[0][0], ...next[1].map((e) => e[0])] : []);
    edges.forEach(([from, to, edgeColour, edgeObsolete], e) => {
      const x1 = x(from);
      const x2 = x(to);
      const mid = (y + nextY) / 2;
      const d = from === to ? `M ${x1} ${y} L ${x2} ${nextY}` : `M ${x1} ${y} C ${x1} ${mid} ${x2} ${mid} ${x2} ${nextY}`;
      const fades = !continued.has(to);
      const leavesNodeInOtherColour = from === column && edgeColour !== colour;
      let stroke = graphColor(edgeColour, 0.65);
      if (fades || leavesNodeInOtherColour) {
        const id = `g-${r}-${e}`;
        gradients.push({
          id,
          from: leavesNodeInOtherColour ? graphColor(colour, 0.65) : stroke,
          to: fades ? 'rgba(255,255,255,0)' : stroke,
          x1,
          x2,
          y1: y,
          y2: nextY,
        });
        stroke = `url(#${id})`;
      }
      paths.push(
        <path
          key={`e-${r}-${e}`}
          d={d}
          fill="none"
          stroke={stroke}
          strokeWidth={1.5}
          strokeDasharray={edgeObsolete ? '3 2' : undefined}
          data-testid="graph-edge"
          data-fades={fades ? 'true' : undefined}
        />,
      );
    });
    const cx = x(column);
    const fill = unstable ? 'rgb(255, 0, 0)' : graphColor(colour, 0.75);
    const stroke = graphColor(colour, 0.25);
    if (closesBranch) {
      nodes.push(<rect key={`n-${r}`} x={cx - RADIUS} y={y - RADIUS} width={RADIUS * 2} height={RADIUS * 2} fill={fill} stroke={stroke} data-testid="graph-node" data-kind="closed" />);
    } else if (obsolete) {
      nodes.push(
        <g key={`n-${r}`} data-testid="graph-node" data-kind="obsolete">
          <path d={`M ${cx - RADIUS} ${y - RADIUS} L ${cx + RADIUS} ${y + RADIUS} M ${cx + RADIUS} ${y - RADIUS} L ${cx - RADIUS} ${y + RADIUS}`} stroke={fill} strokeWidth={2} />
        </g>,
      );
    } else {
      nodes.push(<circle key={`n-${r}`} cx={cx} cy={y} r={RADIUS} fill={fill} stroke={stroke} data-testid="graph-node" data-kind={unstable ? 'unstable' : 'normal'} />);
    }
  });

  return (
    <svg className="changelog-graph" width={width} height={height} role="img" aria-hidden="true">
      <defs>
        {gradients.map((g) => (
          <linearGradient key={g.id} id={g.id} gradientUnits="userSpaceOnUse" x1={g.x1} x2={g.x2} y1={g.y1} y2={g.y2}>
            <stop offset="0" stopColor={g.from} />
            <stop offset="1" stopColor={g.to} />
          </linearGradient>
        ))}
      </defs>
      {paths}
      {nodes}
    </svg>
  );
}
