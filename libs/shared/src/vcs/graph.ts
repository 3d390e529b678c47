/**
 * One edge drawn from a row to the next one: `[fromColumn, toColumn, colour, obsolete]`
 * (web-ui.md §3.8; colour is an index into the palette, modulo 8 when drawing).
 */
export type GraphEdge = [fromColumn: number, toColumn: number, colour: number, obsolete: 0 | 1];

/**
 * The DAG layout of one changelog row, in Kallithea's shape:
 * `[[column, colour], edges, closesBranch, obsolete, bumped, divergent, extinct, unstable]`.
 * Column 0 is drawn rightmost.
 */
export type GraphRow = [
  node: [column: number, colour: number],
  edges: GraphEdge[],
  closesBranch: 0 | 1,
  obsolete: 0 | 1,
  bumped: 0 | 1,
  divergent: 0 | 1,
  extinct: 0 | 1,
  unstable: 0 | 1,
];
