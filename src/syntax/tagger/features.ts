/**
 * The features of the averaged-perceptron tagger, hashed straight into weight-table rows: no feature
 * string is ever built. Each word's string hashes (lowercase form, cased form, prefixes, suffixes,
 * shape) are computed once per sentence; a feature is a template number mixed with one to three of
 * them. Training (`train.ts`) and tagging (`model.ts`) share this file, so they cannot drift apart.
 */

/** The 17 Universal POS tags, in the fixed order of the model's weight columns. */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export const NTAGS = UPOS.length;
/** Pseudo-tags before the first word. */
const START1 = NTAGS, START2 = NTAGS + 1;

/**
 * Murmur3's 32-bit finaliser: spreads every input bit over the high bits used as the row. It returns
 * int32 bits, which a Uint32Array stores as the unsigned hash: a call the compiler does not inline
 * (a sentence's features exhaust its budget) boxes an unsigned 32-bit result on the heap more often.
 */
function fmix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
export function f1(t: number, a: number): number { return fmix(Math.imul(t + 1, 0x9e3779b1) ^ a); }
export function f2(t: number, a: number, b: number): number { return fmix(fmix(Math.imul(t + 1, 0x9e3779b1) ^ a) ^ Math.imul(b, 0x27d4eb2f)); }
export function f3(t: number, a: number, b: number, c: number): number { return fmix(fmix(fmix(Math.imul(t + 1, 0x9e3779b1) ^ a) ^ Math.imul(b, 0x27d4eb2f)) ^ Math.imul(c, 0x165667b1)); }

/** FNV-1a over `s[from, to)`. */
export function fnv(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const NUMBER = /^[0-9][0-9.,\-/:]*$/;

/** The lowercase form with numbers folded: "1987" → "!YEAR", "3.5" → "!DIGITS". @example normalise('Talks') // 'talks' */
export function normalise(form: string): string {
  const c = form.charCodeAt(0);
  if (c >= 48 && c <= 57 && NUMBER.test(form)) return form.length === 4 && /^\d{4}$/.test(form) ? '!YEAR' : '!DIGITS';
  return form.toLowerCase();
}

/** Hash of the word's shape: X upper, x lower, d digit, other characters as such; runs collapsed, at most 6. */
function shapeHash(s: string): number {
  let h = 0x811c9dc5, prev = -1, n = 0;
  for (let i = 0; i < s.length && n < 6; i++) {
    const c = s.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c > 127 && s[i].toLowerCase() !== s[i] ? 88 : c > 127 && s[i].toUpperCase() !== s[i] ? 120 : c;
    if (k === prev) continue;
    prev = k; n++;
    h = Math.imul(h ^ k, 0x01000193);
  }
  return h >>> 0;
}

/** Per-sentence hashes of each word, with two padding slots at both ends. */
export class SentenceHashes {
  lower = new Uint32Array(0); form = new Uint32Array(0); shape = new Uint32Array(0);
  suf1 = new Uint32Array(0); suf2 = new Uint32Array(0); suf3 = new Uint32Array(0); suf4 = new Uint32Array(0);
  pre1 = new Uint32Array(0); pre2 = new Uint32Array(0); pre3 = new Uint32Array(0);
  /** Ambiguity class of each word (bit mask of the tags it took in training), 0 when unknown. */
  cls = new Uint32Array(0);
  flags = new Uint32Array(0);

  /**
   * Fill the tables for `words`; `classes` maps a normalised form to its ambiguity class. A word of
   * `known` (the tagger's dictionary, whose words are never scored) gets only the hashes its
   * neighbours' features read: lowercase, shape, last three letters and class.
   */
  fill(words: readonly string[], classes: ReadonlyMap<string, number>, known?: ReadonlyMap<string, number>): void {
    const n = words.length + 4;
    if (this.lower.length < n) {
      for (const k of ['lower', 'form', 'shape', 'suf1', 'suf2', 'suf3', 'suf4', 'pre1', 'pre2', 'pre3', 'cls', 'flags'] as const) {
        this[k] = new Uint32Array(Math.max(n, 64));
      }
    }
    for (const p of [0, 1, words.length + 2, words.length + 3]) {
      const pad = p < 2 ? 0x51a27 + p : 0xe4d + p - words.length;
      this.lower[p] = this.form[p] = this.shape[p] = this.suf3[p] = pad;
      this.cls[p] = 0x40000000 + p - (p < 2 ? 0 : words.length);
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i], p = i + 2;
      const lw = normalise(w), L = lw.length;
      this.lower[p] = fnv(lw, 0, L);
      this.shape[p] = shapeHash(w);
      this.suf3[p] = fnv(lw, Math.max(0, L - 3), L);
      this.cls[p] = classes.get(lw) ?? 0;
      if (known?.has(w)) continue;
      this.form[p] = fnv(w, 0, w.length);
      this.suf1[p] = fnv(lw, Math.max(0, L - 1), L);
      this.suf2[p] = fnv(lw, Math.max(0, L - 2), L);
      this.suf4[p] = fnv(lw, Math.max(0, L - 4), L);
      this.pre1[p] = fnv(lw, 0, Math.min(1, L));
      this.pre2[p] = fnv(lw, 0, Math.min(2, L));
      this.pre3[p] = fnv(lw, 0, Math.min(3, L));
      const c0 = w.charCodeAt(0);
      this.flags[p] = (w.includes('-') ? 1 : 0) | (/\d/.test(w) ? 2 : 0) | (c0 >= 65 && c0 <= 90 ? 4 : 0) | (i === 0 ? 8 : 0) | (w.length > 1 && w === w.toUpperCase() && w !== lw ? 16 : 0);
    }
  }
}

/** How many features `extract` writes per word. */
export const NFEATURES = 36;

/**
 * Write the feature hashes of word `i` into `out` (length ≥ NFEATURES), given the tags already
 * chosen for words i-1 and i-2 (`p1`, `p2`; -1 before the sentence).
 */
export function extract(h: SentenceHashes, i: number, p1: number, p2: number, out: Uint32Array): void {
  const p = i + 2;
  const t1 = p1 < 0 ? START1 : p1, t2 = p2 < 0 ? START2 : p2;
  const w = h.lower[p];
  let k = 0;
  out[k++] = f1(0, 0);
  out[k++] = f1(1, w);
  out[k++] = f1(2, h.form[p]);
  out[k++] = f1(3, h.suf1[p]);
  out[k++] = f1(4, h.suf2[p]);
  out[k++] = f1(5, h.suf3[p]);
  out[k++] = f1(6, h.suf4[p]);
  out[k++] = f1(7, h.pre1[p]);
  out[k++] = f1(8, h.pre2[p]);
  out[k++] = f1(9, h.pre3[p]);
  out[k++] = f1(10, h.shape[p]);
  out[k++] = f1(11, h.lower[p - 1]);
  out[k++] = f1(12, h.lower[p - 2]);
  out[k++] = f1(13, h.lower[p + 1]);
  out[k++] = f1(14, h.lower[p + 2]);
  out[k++] = f1(15, h.suf3[p - 1]);
  out[k++] = f1(16, h.suf3[p + 1]);
  out[k++] = f1(17, t1);
  out[k++] = f1(18, t2);
  out[k++] = f2(19, t1, t2);
  out[k++] = f2(20, t1, w);
  out[k++] = f2(21, h.lower[p - 1], w);
  out[k++] = f2(22, w, h.lower[p + 1]);
  out[k++] = f1(23, h.cls[p]);
  out[k++] = f1(24, h.cls[p + 1]);
  out[k++] = f1(25, h.cls[p + 2]);
  out[k++] = f2(26, h.cls[p], t1);
  out[k++] = f2(27, h.cls[p], h.cls[p + 1]);
  out[k++] = f3(28, t1, h.cls[p], h.cls[p + 1]);
  out[k++] = f1(29, h.shape[p - 1]);
  out[k++] = f1(30, h.shape[p + 1]);
  out[k++] = f1(31, h.flags[p]);
  out[k++] = f2(32, h.flags[p], h.suf3[p]);
  out[k++] = f2(33, t1, h.suf3[p]);
  out[k++] = f2(34, h.cls[p + 1], w);
  out[k++] = f2(35, h.lower[p - 1], h.suf3[p]);
}
