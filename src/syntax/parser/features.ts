/**
 * The configuration of the arc-hybrid transition parser (Kuhlmann, Gómez-Rodríguez and Satta 2011)
 * and its transition features, hashed straight into weight-table rows as the tagger's are
 * (`../tagger/features.ts`); the label features are in `labels.ts`. Word 0 is the artificial root, at
 * the bottom of the stack from the start. Transitions: SHIFT (buffer front onto the stack), LEFT
 * (s0 ← b0, pop s0) and RIGHT (s1 → s0, pop s0), each arc then labelled; RIGHT onto the root only
 * when the buffer is empty, so every parse has one root. Training (`train.ts`) and parsing
 * (`model.ts`) share this file.
 */
import { fnv, normalise, NTAGS } from '../tagger/features.js';

/** Pseudo-tags: the root word, and an empty position. */
export const ROOT_TAG = NTAGS, NONE_TAG = NTAGS + 1;
/** The transitions, in the order of the transition table's columns (a fourth column pads rows to 16 bytes). */
export const SHIFT = 0, LEFT = 1, RIGHT = 2, TSTRIDE = 4;
/** The label id of "no label": the root word and empty positions. */
export const NO_LABEL = 0x3ff;

/**
 * A feature's row hash from its template number `t` and one to three values: each value multiplied
 * in, then murmur3's finaliser once (the tagger's hashes finalise after every value; a parser step
 * hashes about a hundred features, so the parser takes the cheaper mix). The finaliser is written
 * out in each, and the hash returned as int32 bits (a Uint32Array stores the same bits): a step's
 * hundred calls exhaust the compiler's inlining budget, and a call not inlined that returns an
 * unsigned 32-bit number boxes it on the heap more often than an int32.
 */
export const hash1 = (t: number, a: number): number => {
  let h = Math.imul(t + 1, 0x9e3779b1) ^ a;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};
export const hash2 = (t: number, a: number, b: number): number => {
  let h = Math.imul(Math.imul(t + 1, 0x9e3779b1) ^ a, 0x27d4eb2f) ^ b;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};
export const hash3 = (t: number, a: number, b: number, c: number): number => {
  let h = Math.imul(Math.imul(Math.imul(t + 1, 0x9e3779b1) ^ a, 0x27d4eb2f) ^ b, 0x165667b1) ^ c;
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};
/** Transition templates are numbered from 100 (label templates from 200). */
const f1 = (t: number, a: number): number => hash1(t + 100, a);
const f2 = (t: number, a: number, b: number): number => hash2(t + 100, a, b);
const f3 = (t: number, a: number, b: number, c: number): number => hash3(t + 100, a, b, c);

/**
 * A parser configuration over one sentence, with the word and tag hashes its features read. Word
 * n + 1 (`none`) is an empty position: every array holds padding there and every missing child
 * points there, so features read it without a branch.
 */
export class Config {
  n = 0;
  none = 1;
  /** Per word 0..n+1: hashes of the normalised form and of its last three letters, and tag ids (ROOT_TAG for word 0). */
  word = new Uint32Array(0); tag = new Uint32Array(0); suf = new Uint32Array(0);
  /** Per word, the tagger's ambiguity class of its normalised form (the tags it took in training; 0 unknown, 1 none). */
  cls = new Uint32Array(0);
  /** The arcs built: head (-1 none) and label id (NO_LABEL none) of each word. */
  head = new Int32Array(0); label = new Int32Array(0);
  /** Leftmost two and rightmost two children (`none` if none), and counts. */
  lc1 = new Int32Array(0); lc2 = new Int32Array(0); rc1 = new Int32Array(0); rc2 = new Int32Array(0);
  nl = new Int32Array(0); nr = new Int32Array(0);
  /** The set of labels of each word's left and right children so far, as bit masks of label ids mod 32. */
  lset = new Uint32Array(0); rset = new Uint32Array(0);
  stack = new Int32Array(0); sp = 0;
  /** The buffer's front word; `none` (n + 1) when the buffer is empty. */
  b = 1;

  /** Start a parse of `words` with tag ids `tags`; `classes` maps a normalised form to its ambiguity class. */
  reset(words: readonly string[], tags: ArrayLike<number>, classes: ReadonlyMap<string, number>): void {
    const n = words.length, m = n + 2, none = n + 1;
    if (this.word.length < m) {
      const size = Math.max(m, 64);
      for (const k of ['word', 'tag', 'suf', 'cls', 'lset', 'rset'] as const) this[k] = new Uint32Array(size);
      for (const k of ['head', 'label', 'lc1', 'lc2', 'rc1', 'rc2', 'nl', 'nr', 'stack'] as const) this[k] = new Int32Array(size);
    }
    this.n = n; this.none = none;
    const { word, suf, tag } = this;
    word[0] = suf[0] = 0x2007; tag[0] = ROOT_TAG;
    word[none] = suf[none] = 0x1; tag[none] = NONE_TAG;
    const { cls } = this;
    cls[0] = 0x2007; cls[none] = 1;
    for (let i = 0; i < n; i++) {
      const lw = normalise(words[i]), L = lw.length;
      word[i + 1] = fnv(lw, 0, L); suf[i + 1] = fnv(lw, L > 3 ? L - 3 : 0, L); tag[i + 1] = tags[i]; cls[i + 1] = classes.get(lw) ?? 0;
    }
    this.head.fill(-1, 0, m); this.label.fill(NO_LABEL, 0, m);
    for (const a of [this.lc1, this.lc2, this.rc1, this.rc2]) a.fill(none, 0, m);
    this.nl.fill(0, 0, m); this.nr.fill(0, 0, m); this.lset.fill(0, 0, m); this.rset.fill(0, 0, m);
    this.nl[none] = this.nr[none] = 99;
    this.stack[0] = 0; this.sp = 1; this.b = 1;
  }

  done(): boolean { return this.b > this.n && this.sp === 1; }

  /**
   * Attach `d` to `h` with label `l`. In arc-hybrid a new left child is always the leftmost so far
   * and a new right child the rightmost, so the outermost two are a shift register.
   */
  arc(h: number, d: number, l: number): void {
    this.head[d] = h; this.label[d] = l;
    if (d < h) { this.nl[h]++; this.lc2[h] = this.lc1[h]; this.lc1[h] = d; this.lset[h] |= 1 << (l & 31); }
    else { this.nr[h]++; this.rc2[h] = this.rc1[h]; this.rc1[h] = d; this.rset[h] |= 1 << (l & 31); }
  }

  shift(): void { this.stack[this.sp++] = this.b++; }
  /** The dependent and the head of transition `t` (LEFT or RIGHT), as `[d, h]` would be; read before `reduce`. */
  dependent(): number { return this.stack[this.sp - 1]; }
  headOf(t: number): number { return t === LEFT ? this.b : this.stack[this.sp - 2]; }
  /** Pop s0 after its arc (LEFT or RIGHT). */
  pop(): void { this.sp--; }

  canShift(): boolean { return this.b <= this.n; }
  canLeft(): boolean { return this.sp >= 2 && this.b <= this.n; }
  /** RIGHT is allowed onto a word, or onto the root once the buffer is empty. */
  canRight(): boolean { return this.sp >= 3 || (this.sp === 2 && this.b > this.n); }
}

/** How many features `extract` writes. */
export const NFEATURES = 75;

/** Write the transition-feature hashes of configuration `c` into `out` (length ≥ NFEATURES). */
export function extract(c: Config, out: Uint32Array): void {
  const { word: W, tag: T, label: L, suf: S, stack, sp, n, none, lc1, lc2, rc1, rc2 } = c;
  const s0 = stack[sp - 1], s1 = sp >= 2 ? stack[sp - 2] : none, s2 = sp >= 3 ? stack[sp - 3] : none;
  const b0 = c.b, b1 = b0 < n ? b0 + 1 : none, b2 = b0 + 1 < n ? b0 + 2 : none;
  const s0l = lc1[s0], s0r = rc1[s0], s0l2 = lc2[s0], s0r2 = rc2[s0], s1l = lc1[s1], s1r = rc1[s1], b0l = lc1[b0], b0l2 = lc2[b0];
  const s0w = W[s0], s0t = T[s0], s1w = W[s1], s1t = T[s1], b0w = W[b0], b0t = T[b0], b1w = W[b1], b1t = T[b1], b2t = T[b2], s2t = T[s2];
  const dist = b0 === none || s0 === 0 ? 0 : Math.min(b0 - s0, 8);
  const vs0l = c.nl[s0], vs0r = c.nr[s0], vb0l = c.nl[b0];
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
  out[k++] = f3(29, s0t, T[s0l], b0t); out[k++] = f3(30, s0t, T[s0r], b0t); out[k++] = f3(31, s0t, b0t, T[b0l]);
  out[k++] = f3(32, s1t, s0t, T[s0l]); out[k++] = f3(33, s1t, s0t, T[s0r]); out[k++] = f3(34, s1t, T[s1r], s0t);
  // distance and valency
  out[k++] = f2(35, s0w, dist); out[k++] = f2(36, s0t, dist); out[k++] = f3(37, s0t, b0t, dist); out[k++] = f3(38, s0w, b0w, dist);
  out[k++] = f3(39, s0w, s0t, vs0r); out[k++] = f3(40, s0w, s0t, vs0l); out[k++] = f3(41, b0w, b0t, vb0l);
  // children and their labels
  out[k++] = f3(42, T[s0l], L[s0l], s0t); out[k++] = f3(43, T[s0r], L[s0r], s0t); out[k++] = f3(44, T[b0l], L[b0l], b0t);
  out[k++] = f3(45, s0t, L[s0l], L[s0l2]); out[k++] = f3(46, s0t, L[s0r], L[s0r2]); out[k++] = f3(47, b0t, L[b0l], L[b0l2]);
  out[k++] = f2(48, W[s0l], s0t); out[k++] = f2(49, W[s0r], s0t); out[k++] = f2(50, W[b0l], b0t);
  out[k++] = f3(51, s1t, L[s1l], L[s1r]);
  // more words, suffixes and children's tags
  out[k++] = f2(52, S[s0], s0t); out[k++] = f2(53, S[b0], b0t); out[k++] = f2(54, b0w, b1w); out[k++] = f1(55, W[s2]);
  out[k++] = f3(56, s0t, b0t, b1w); out[k++] = f3(57, s1t, s0t, s1 === none ? 0 : Math.min(s0 - s1, 8));
  out[k++] = f3(58, s0t, T[s0l], T[s0l2]); out[k++] = f3(59, s0t, T[s0r], T[s0r2]); out[k++] = f3(60, b0t, T[b0l], T[b0l2]);
  out[k++] = f3(61, s1w, s0w, b0t);
  // label sets (Zhang and Nivre 2011) and the third buffer word
  const { lset, rset } = c;
  out[k++] = f3(62, s0w, rset[s0], lset[s0]); out[k++] = f3(63, s0t, rset[s0], lset[s0]);
  out[k++] = f2(64, b0w, lset[b0]); out[k++] = f2(65, b0t, lset[b0]);
  out[k++] = f3(66, s1t, rset[s1], lset[s1]); out[k++] = f2(67, W[b2], b2t);
  out[k++] = f3(68, b0w, b0t, dist); out[k++] = f3(69, s0t, b0t, rset[s0]);
  // the tagger's ambiguity classes: what else a word's tag could have been
  const { cls } = c;
  out[k++] = f2(70, cls[s0], s0t); out[k++] = f2(71, cls[b0], b0t); out[k++] = f2(72, cls[b1], b1t);
  out[k++] = f3(73, cls[s0], cls[b0], b0t); out[k++] = f3(74, s0t, cls[b0], cls[b1]);
}
