/**
 * The features of an arc's label, read once the transition has chosen the arc: head and dependent
 * words, tags and suffixes, the direction and distance between them, the dependent's outermost
 * children (its case marker, its conjunction) and the head's children so far (a passive auxiliary
 * already attached makes the next subject nsubj:pass). Scored only for the arcs built, about one
 * transition in two, over a table of its own with one column per label.
 */
import { hash1, hash2, hash3, type Config } from './features.js';

const f1 = (t: number, a: number): number => hash1(t + 200, a);
const f2 = (t: number, a: number, b: number): number => hash2(t + 200, a, b);
const f3 = (t: number, a: number, b: number, c: number): number => hash3(t + 200, a, b, c);

/** How many features `extractLabel` writes. */
export const NLABEL_FEATURES = 26;

/** Write the label-feature hashes of the arc `h` → `d` in configuration `c` into `out` (length ≥ NLABEL_FEATURES). */
export function extractLabel(c: Config, h: number, d: number, out: Uint32Array): void {
  const { word: W, tag: T, label: L, suf: S, none, n } = c;
  const dir = d < h ? 0 : 1;
  const dw = W[d], dt = T[d], hw = W[h], ht = T[h];
  const dl = c.lc1[d], dr = c.rc1[d];
  // the head's nearest child on the dependent's side (the last attached there) and its outermost on the other
  const hn = dir === 0 ? c.lc1[h] : c.rc1[h], hn2 = dir === 0 ? c.lc2[h] : c.rc2[h], ho = dir === 0 ? c.rc1[h] : c.lc1[h];
  const dist = (h === 0 ? 15 : Math.min(Math.abs(h - d), 7)) * 2 + dir;
  const prev = d > 1 ? d - 1 : none, next = d < n ? d + 1 : none;
  let k = 0;
  out[k++] = f1(0, dir);
  out[k++] = f3(1, dt, ht, dir); out[k++] = f3(2, dw, ht, dir); out[k++] = f3(3, dt, hw, dir); out[k++] = f3(4, dw, hw, dir);
  out[k++] = f2(5, dw, dt); out[k++] = f2(6, dw, dir); out[k++] = f2(7, dt, dir); out[k++] = f3(8, hw, ht, dir);
  out[k++] = f3(9, dt, ht, dist);
  out[k++] = f3(10, dt, L[dl], L[dr]); out[k++] = f3(11, dt, T[dl], W[dl]); out[k++] = f3(12, W[dl], ht, dir);
  out[k++] = f3(13, dt, L[hn], dir); out[k++] = f3(14, dt, L[ho], dir);
  out[k++] = f3(15, S[d], dt, dir); out[k++] = f3(16, dw, S[h], dir);
  out[k++] = f3(17, dt, T[prev], T[next]); out[k++] = f3(18, W[dr], dt, dir);
  out[k++] = f3(19, dt, c.nl[d], c.nr[d]); out[k++] = f3(20, dt, L[hn], L[hn2]);
  out[k++] = f3(21, W[prev], dt, ht); out[k++] = f3(22, dt, ht, T[c.b]); out[k++] = f3(23, dt, ht, W[c.b]);
  out[k++] = f3(24, c.cls[d], dt, dir); out[k++] = f3(25, c.cls[d], ht, c.cls[h]);
}
