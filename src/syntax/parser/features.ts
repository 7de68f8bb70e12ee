/**
 * The configuration of the arc-hybrid transition parser (Kuhlmann, Gómez-Rodríguez and Satta 2011)
 * and its features, hashed straight into weight-table rows as the tagger's are (`../tagger/features.ts`).
 * Word 0 is the artificial root, at the bottom of the stack from the start. Transitions:
 * SHIFT (buffer front onto the stack), LEFT-l (s0 ← b0 with relation l, pop s0) and RIGHT-l
 * (s1 → s0 with relation l, pop s0); RIGHT onto the root only when the buffer is empty, so every
 * parse has one root. Training (`train.ts`) and parsing (`model.ts`) share this file.
 */
import { f1 as h1, f2 as h2, f3 as h3, fnv, normalise, NTAGS } from '../tagger/features.js';

/** Pseudo-tags: the root word, and an empty position. */
export const ROOT_TAG = NTAGS, NONE_TAG = NTAGS + 1;
const NONE = 0x7fffffff;

/** The tagger's feature hashes, with template numbers past the tagger's. */
const f1 = (t: number, a: number): number => h1(t + 100, a);
const f2 = (t: number, a: number, b: number): number => h2(t + 100, a, b);
const f3 = (t: number, a: number, b: number, c: number): number => h3(t + 100, a, b, c);

/** A parser configuration over one sentence, with the word and tag hashes its features read. */
export class Config {
  n = 0;
  /** Per word 0..n: hashes of the normalised form and of its last three letters, and tag ids (ROOT_TAG for word 0). */
  word = new Uint32Array(0); tag = new Uint32Array(0); suf = new Uint32Array(0);
  /** The arcs built: head (-1 none) and label id (-1 none) of each word. */
  head = new Int32Array(0); label = new Int32Array(0);
  /** Leftmost two and rightmost two children (0 none: the root is never a child), and counts. */
  lc1 = new Int32Array(0); lc2 = new Int32Array(0); rc1 = new Int32Array(0); rc2 = new Int32Array(0);
  nl = new Int32Array(0); nr = new Int32Array(0);
  stack = new Int32Array(0); sp = 0;
  /** The buffer's front word; past n when the buffer is empty. */
  b = 1;

  /** Start a parse of `words` with tag ids `tags`. */
  reset(words: readonly string[], tags: ArrayLike<number>): void {
    const n = words.length, m = n + 1;
    if (this.word.length < m) {
      const size = Math.max(m, 64);
      for (const k of ['word', 'tag', 'suf'] as const) this[k] = new Uint32Array(size);
      for (const k of ['head', 'label', 'lc1', 'lc2', 'rc1', 'rc2', 'nl', 'nr', 'stack'] as const) this[k] = new Int32Array(size);
    }
    this.n = n;
    this.word[0] = this.suf[0] = 0x2007; this.tag[0] = ROOT_TAG;
    for (let i = 0; i < n; i++) { const lw = normalise(words[i]); this.word[i + 1] = fnv(lw, 0, lw.length); this.suf[i + 1] = fnv(lw, Math.max(0, lw.length - 3), lw.length); this.tag[i + 1] = tags[i]; }
    for (let i = 0; i <= n; i++) { this.head[i] = -1; this.label[i] = -1; this.lc1[i] = this.lc2[i] = this.rc1[i] = this.rc2[i] = this.nl[i] = this.nr[i] = 0; }
    this.stack[0] = 0; this.sp = 1; this.b = 1;
  }

  done(): boolean { return this.b > this.n && this.sp === 1; }

  /** Attach `d` to `h` with label `l`. */
  private arc(h: number, d: number, l: number): void {
    this.head[d] = h; this.label[d] = l;
    if (d < h) {
      this.nl[h]++;
      if (this.lc1[h] === 0 || d < this.lc1[h]) { this.lc2[h] = this.lc1[h]; this.lc1[h] = d; } else if (this.lc2[h] === 0 || d < this.lc2[h]) this.lc2[h] = d;
    } else {
      this.nr[h]++;
      if (d > this.rc1[h]) { this.rc2[h] = this.rc1[h]; this.rc1[h] = d; } else if (d > this.rc2[h]) this.rc2[h] = d;
    }
  }

  shift(): void { this.stack[this.sp++] = this.b++; }
  left(l: number): void { this.arc(this.b, this.stack[--this.sp], l); }
  right(l: number): void { const d = this.stack[--this.sp]; this.arc(this.stack[this.sp - 1], d, l); }

  canShift(): boolean { return this.b <= this.n; }
  canLeft(): boolean { return this.sp >= 2 && this.b <= this.n; }
  /** RIGHT is allowed onto a word, or onto the root once the buffer is empty. */
  canRight(): boolean { return this.sp >= 3 || (this.sp === 2 && this.b > this.n); }
  /** Whether RIGHT would attach s0 to the root. */
  rightIsRoot(): boolean { return this.sp === 2; }
}

/** How many features `extract` writes. */
export const NFEATURES = 62;

/** Write the feature hashes of configuration `c` into `out` (length ≥ NFEATURES). */
export function extract(c: Config, out: Uint32Array): void {
  const { word, tag, label, stack, sp, n } = c;
  const s0 = sp >= 1 ? stack[sp - 1] : NONE, s1 = sp >= 2 ? stack[sp - 2] : NONE, s2 = sp >= 3 ? stack[sp - 3] : NONE;
  const b0 = c.b <= n ? c.b : NONE, b1 = c.b + 1 <= n ? c.b + 1 : NONE, b2 = c.b + 2 <= n ? c.b + 2 : NONE;
  const W = (i: number): number => (i === NONE ? 0x1 : word[i]);
  const T = (i: number): number => (i === NONE ? NONE_TAG : tag[i]);
  const L = (i: number): number => (i === NONE || i === 0 ? 0x3ff : label[i]);
  const ch = (a: Int32Array, i: number): number => (i === NONE || a[i] === 0 ? NONE : a[i]);
  const s0l = ch(c.lc1, s0), s0r = ch(c.rc1, s0), s0l2 = ch(c.lc2, s0), s0r2 = ch(c.rc2, s0);
  const s1l = ch(c.lc1, s1), s1r = ch(c.rc1, s1), b0l = ch(c.lc1, b0), b0l2 = ch(c.lc2, b0);
  const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  const dist = s0 === NONE || b0 === NONE || s0 === 0 ? 0 : Math.min(b0 - s0, 8);
  const vs0l = s0 === NONE ? 99 : c.nl[s0], vs0r = s0 === NONE ? 99 : c.nr[s0], vb0l = b0 === NONE ? 99 : c.nl[b0];
  let k = 0;
  out[k++] = f1(0, 0);
  // single words
  out[k++] = f2(1, s0w, s0t); out[k++] = f1(2, s0w); out[k++] = f1(3, s0t);
  out[k++] = f2(4, s1w, s1t); out[k++] = f1(5, s1w); out[k++] = f1(6, s1t);
  out[k++] = f2(7, b0w, b0t); out[k++] = f1(8, b0w); out[k++] = f1(9, b0t);
  out[k++] = f2(10, b1w, b1t); out[k++] = f1(11, b1w); out[k++] = f1(12, b1t);
  out[k++] = f1(13, b2t); out[k++] = f1(14, s2t);
  // pairs
  out[k++] = f3(15, s0w, s0t, f2(0, b0w, b0t));
  out[k++] = f3(16, s0w, s0t, b0w); out[k++] = f3(17, s0w, b0w, b0t);
  out[k++] = f3(18, s0w, s0t, b0t); out[k++] = f3(19, s0t, b0w, b0t);
  out[k++] = f2(20, s0w, b0w); out[k++] = f2(21, s0t, b0t);
  out[k++] = f2(22, b0t, b1t); out[k++] = f2(23, s0t, s1t); out[k++] = f3(24, s0w, s1w, s1t);
  // three tags
  out[k++] = f3(25, b0t, b1t, b2t); out[k++] = f3(26, s0t, b0t, b1t); out[k++] = f3(27, s1t, s0t, b0t);
  out[k++] = f3(28, s2t, s1t, s0t);
  out[k++] = f3(29, s0t, T(s0l), b0t); out[k++] = f3(30, s0t, T(s0r), b0t); out[k++] = f3(31, s0t, b0t, T(b0l));
  out[k++] = f3(32, s1t, s0t, T(s0l)); out[k++] = f3(33, s1t, s0t, T(s0r)); out[k++] = f3(34, s1t, T(s1r), s0t);
  // distance and valency
  out[k++] = f2(35, s0w, dist); out[k++] = f2(36, s0t, dist); out[k++] = f3(37, s0t, b0t, dist); out[k++] = f3(38, s0w, b0w, dist);
  out[k++] = f3(39, s0w, s0t, vs0r); out[k++] = f3(40, s0w, s0t, vs0l); out[k++] = f3(41, b0w, b0t, vb0l);
  // children and their labels
  out[k++] = f3(42, T(s0l), L(s0l), s0t); out[k++] = f3(43, T(s0r), L(s0r), s0t); out[k++] = f3(44, T(b0l), L(b0l), b0t);
  out[k++] = f3(45, s0t, L(s0l), L(s0l2)); out[k++] = f3(46, s0t, L(s0r), L(s0r2)); out[k++] = f3(47, b0t, L(b0l), L(b0l2));
  out[k++] = f2(48, W(s0l), s0t); out[k++] = f2(49, W(s0r), s0t); out[k++] = f2(50, W(b0l), b0t);
  out[k++] = f3(51, s1t, L(s1l), L(s1r));
  // more words, suffixes and children's tags
  const S = (i: number): number => (i === NONE ? 0x1 : c.suf[i]);
  out[k++] = f2(52, S(s0), s0t); out[k++] = f2(53, S(b0), b0t); out[k++] = f2(54, b0w, b1w); out[k++] = f1(55, W(s2));
  out[k++] = f3(56, s0t, b0t, b1w); out[k++] = f3(57, s1t, s0t, s1 === NONE || s0 === NONE ? 0 : Math.min(s0 - s1, 8));
  out[k++] = f3(58, s0t, T(s0l), T(s0l2)); out[k++] = f3(59, s0t, T(s0r), T(s0r2)); out[k++] = f3(60, b0t, T(b0l), T(b0l2));
  out[k++] = f3(61, s1w, s0w, b0t);
}
