/**
 * Where a dependency diagram's arcs go: one arc per word with a head, raised one level above every
 * arc it spans, so in a projective tree (most of them) no two arcs or their labels cross; a
 * non-projective arc just crosses the ones it must.
 */

export interface Arc {
  /** the dependent's index in the words */
  dep: number;
  /** its head's index */
  head: number;
  /** 1 for an arc between neighbours with nothing under it, one more for each arc nested below */
  level: number;
}

/** @example arcLevels([1, -1, 1]) // [{ dep: 0, head: 1, level: 1 }, { dep: 2, head: 1, level: 1 }] */
export function arcLevels(heads: readonly number[]): Arc[] {
  const arcs = heads.flatMap((head, dep) => (head >= 0 ? [{ dep, head, lo: Math.min(dep, head), hi: Math.max(dep, head), level: 0 }] : []));
  // shorter arcs first, so every arc under another has its level when the outer one is placed
  const byLength = [...arcs].sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
  for (const [i, a] of byLength.entries()) {
    let under = 0;
    for (const b of byLength.slice(0, i)) if (b.lo >= a.lo && b.hi <= a.hi) under = Math.max(under, b.level);
    a.level = under + 1;
  }
  return arcs.map(({ dep, head, level }) => ({ dep, head, level }));
}

/** Centres of columns of the given widths, `gap` apart, starting at `left`. @example centres([40, 20], 10, 0) // [20, 60] */
export function centres(widths: readonly number[], gap: number, left: number): number[] {
  let x = left;
  return widths.map((w) => {
    const c = x + w / 2;
    x += w + gap;
    return c;
  });
}
