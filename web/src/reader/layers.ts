/**
 * Turns an article's text and its annotation layers into a tree of pieces to render. Layers nest
 * in a fixed order (quotes outside, then events, then mentions), so a mention inside a quote is an
 * element inside the quote's element. An annotation that crosses a piece of an outer layer (or a
 * paragraph end) is cut into pieces; the first piece carries the annotation's focus.
 */

export interface Ann {
  layer: number;
  /** index of the record within its layer */
  index: number;
  /** its pieces in the text (a quote interrupted by "he said" has two) */
  spans: { start: number; end: number }[];
}

export type Piece =
  | { text: { start: number; end: number } }
  | { ann: Ann; first: boolean; start: number; end: number; children: Piece[] };

/**
 * @example
 * layout(0, 11, [[{ layer: 0, index: 0, spans: [{ start: 0, end: 5 }] }]])
 * // [{ ann, first: true, start: 0, end: 5, children: [{ text: {0,5} }] }, { text: {5,11} }]
 */
export function layout(start: number, end: number, layers: Ann[][], depth = 0, seen = new Set<Ann>()): Piece[] {
  if (depth >= layers.length) return start < end ? [{ text: { start, end } }] : [];
  const cuts: { ann: Ann; start: number; end: number }[] = [];
  for (const ann of layers[depth]) {
    for (const s of ann.spans) {
      const a = Math.max(s.start, start);
      const b = Math.min(s.end, end);
      if (a < b) cuts.push({ ann, start: a, end: b });
    }
  }
  cuts.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Piece[] = [];
  let at = start;
  for (const c of cuts) {
    // within one layer, an overlap keeps the earlier annotation whole and trims the later one
    const a = Math.max(c.start, at);
    if (a >= c.end) continue;
    if (a > at) out.push(...layout(at, a, layers, depth + 1, seen));
    const first = !seen.has(c.ann);
    seen.add(c.ann);
    out.push({ ann: c.ann, first, start: a, end: c.end, children: layout(a, c.end, layers, depth + 1, seen) });
    at = c.end;
  }
  if (at < end) out.push(...layout(at, end, layers, depth + 1, seen));
  return out;
}
