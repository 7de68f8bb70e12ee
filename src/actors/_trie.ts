/**
 * A token trie over normalised token keys, longest match first. Each phrase remembers which of
 * its words are capitalised (`_keys.ts`), so proper names match only at capitals while
 * common-noun phrases ("the bloc", "foreign minister") match in any case.
 */
import { phraseTokens, tokenKey, CAP_ALL, CAP_INITIAL, type Hit, type PhraseHit } from './_keys.js';

/** Keys, case flags and hit kinds, where the trie's users have always found them. @example import { tokenKey } from './_trie.js'; */
export { CAP_ALL, CAP_INITIAL, caseFlags, phraseKeys, phraseTokens, tokenizePhrase, tokenKey, type Hit, type HitType, type PhraseHit } from './_keys.js';

/** Integer mix for open addressing (murmur3 finaliser). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of a normalised key, as `Trie.keyId` computes it from text without slicing. */
function hashKey(key: string): number {
  let h = 0;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
  return h;
}

function tableSize(n: number): number {
  let size = 16;
  while (size < n * 2) size *= 2;
  return size;
}

// key-table flags (`Trie.keySlots`) and node flags (`Trie.nodeFlags`)
const LOWER_START = 1;
const LOWER_ANYWHERE = 2;
const HAS_CHILD = 1;
const LOWER_CHILD = 2;

/** `TokenIds.ids` value of a token whose key id is not computed yet. */
export const NOT_YET = -2;

/**
 * An article's tokens for `Trie.longest`: case flags (`caseFlags`) of every token, and where
 * their keys are, filled in on demand (start as `NOT_YET`).
 */
export interface TokenIds {
  text: string;
  toks: readonly { start: number; end: number }[];
  /** per token, where its key sits in the trie's key table (-1: no phrase has the word in the token's case), or `NOT_YET` */
  ids: Int32Array;
  flags: Uint8Array;
}

/**
 * The class of a character for the lower-case start table: a letter of either case (0–25), a
 * digit, an apostrophe (’ is ' in keys), a hyphen, a full stop, other ASCII, and the rest.
 */
function charClass(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 48 && c <= 57) return 26;
  if (c === 39 || c === 0x2019) return 27;
  if (c === 45) return 28;
  if (c === 46) return 29;
  return c >= 128 ? 30 : 31;
}

/** Index in `Trie.lowerShapes` of a key's first, second and last characters (second 0: a one-character key). */
function shapeOf(c0: number, c1: number, cLast: number): number {
  return (charClass(c0) << 10) | (charClass(c1) << 5) | charClass(cLast);
}

/**
 * A longest-match token trie, flat: token keys are interned to ids and found straight from the
 * text by a hash of their normalised characters (no slicing or lower-casing of the token); nodes
 * are numbered (root 0); every edge (node, key id) → child lives in one open-addressing table in
 * an Int32Array instead of a Map per node; hits live in an array indexed by node. Tokens that
 * cannot start a phrase are turned away by cheap tests first (see `longest`).
 *
 * @example const t = new Trie(); t.add('the bloc', hit); t.freeze()
 */
export class Trie {
  private frozen = false;
  size = 0;
  /** interned token keys, by id */
  private readonly keys: string[] = [];
  private keyHashList: number[] | undefined = [];
  /** key → id while building; dropped by `freeze` */
  private keyIndex: Map<string, number> | undefined = new Map();
  /**
   * Key table, four numbers a slot, so that one probe brings all a phrase's first word needs: at
   * 4s the key's hash, 4s + 1 its id + 1 (0: empty slot), 4s + 2 the root's child for it (0: no
   * phrase starts with it), 4s + 3 1 when some phrase may start with it in lower case ("the
   * bloc", "foreign minister"), bit 2 when some phrase has it in lower case anywhere ("minister",
   * "of", "’s"). Every other phrase starts with a capital, so a lower-case token outside the first
   * small set starts nothing, and one outside the second goes on no phrase.
   */
  private keySlots = new Int32Array(0);
  private keyMask = 0;
  /**
   * Lengths (bit `min(length, 31)`) of the keys phrases may start with in lower case, by the
   * classes of their first, second and last characters (`shapeOf`, a 32 × 32 × 32 table): a
   * lower-case token whose length bit is not set for its shape starts nothing, which is found
   * without hashing the token. The last character turns away three in four of the tokens that
   * the first two and the length alone let through (on Reuters, 672,000 of 969,000 tokens a pass
   * were no key; 165,000 still are).
   */
  private lowerShapes = new Uint32Array(0);
  /**
   * The keys some phrase has in lower case (bit 2 above) again, in a table small enough to stay in
   * cache, which lower-case tokens probe instead of the key table: slot s holds the key's hash at
   * 2s and its key-table slot + 1 at 2s + 1.
   */
  private lowerSlots = new Int32Array(0);
  private lowerMask = 0;
  private readonly lowerStartIds = new Set<number>();
  private readonly lowerInnerIds = new Set<number>();
  /**
   * Per node: `HAS_CHILD` when some phrase goes on past it, `LOWER_CHILD` when some phrase goes on
   * with a word it allows in lower case. A walk stops at a node without the one the next token
   * needs, before any lookup of that token (most phrases end at their first word).
   */
  private nodeFlagList: number[] | undefined = [0];
  private nodeFlags = new Uint8Array(0);
  /**
   * Edge table: slot s holds node, key id and child at 4s, 4s + 1, 4s + 2 (child 0 empty: the
   * root is nobody's child), one slot per cache line's quarter.
   */
  private edgeSlots = new Int32Array(16 * 4);
  private edgeMask = 15;
  private edges = 0;
  private nodes = 1;
  /** per node: phrases ending there */
  private hits: (PhraseHit[] | undefined)[] = [undefined];

  /** Adds a phrase; the same phrase may stand for several entries (resolved by the caller). */
  add(phrase: string, hit: Hit): void {
    if (this.frozen) throw new TypeError('frozen');
    const { keys, caps } = phraseTokens(phrase);
    if (keys.length === 0) return;
    if (keys.length > 16) throw new RangeError(`phrase of more than 16 words: ${phrase}`);
    let node = 0;
    for (let w = 0; w < keys.length; w++) {
      const k = keys[w];
      let id = this.keyIndex!.get(k);
      if (id === undefined) {
        id = this.keys.length;
        this.keys.push(k);
        this.keyHashList!.push(hashKey(k));
        this.keyIndex!.set(k, id);
      }
      let n = this.child(node, id);
      if (n === 0) {
        n = this.nodes++;
        this.hits.push(undefined);
        this.nodeFlagList!.push(0);
        this.addEdge(node, id, n);
      }
      this.nodeFlagList![node] |= HAS_CHILD;
      if (w > 0 && caps[w] === 0) {
        this.nodeFlagList![node] |= LOWER_CHILD;
        this.lowerInnerIds.add(id);
      }
      node = n;
    }
    if (caps[0] === 0) this.lowerStartIds.add(this.keyIndex!.get(keys[0])!);
    let packed = 0;
    for (let k = 0; k < caps.length; k++) packed |= caps[k] === 2 ? 1 << (k + 16) : caps[k] === 1 ? 1 << k : 0;
    const hs = (this.hits[node] ??= []);
    const same = hs.find((h) => h.hit.id === hit.id && h.hit.type === hit.type);
    // the same entry written twice with other capitals ("Al-Kadhimi", "al-Kadhimi"): a word needs
    // a capital only if every spelling gives it one
    if (same) same.caps &= packed;
    else {
      hs.push({ hit: Object.freeze(hit), caps: packed });
      this.size++;
    }
  }

  /** Compiles the lookup tables; no phrase may be added after. */
  freeze(): this {
    if (this.frozen) return this;
    this.frozen = true;
    // keys
    const kSize = tableSize(this.keys.length);
    this.keySlots = new Int32Array(kSize * 4);
    this.keyMask = kSize - 1;
    const slotOf = new Int32Array(this.keys.length);
    for (let id = 0; id < this.keys.length; id++) {
      const h = this.keyHashList![id];
      let slot = mix(h) & this.keyMask;
      while (this.keySlots[4 * slot + 1] !== 0) slot = (slot + 1) & this.keyMask;
      this.keySlots[4 * slot] = h;
      this.keySlots[4 * slot + 1] = id + 1;
      slotOf[id] = slot;
    }
    this.keyHashList = undefined;
    for (let at = 0; at < this.edgeSlots.length; at += 4) {
      if (this.edgeSlots[at + 2] !== 0 && this.edgeSlots[at] === 0) this.keySlots[4 * slotOf[this.edgeSlots[at + 1]] + 2] = this.edgeSlots[at + 2];
    }
    this.nodeFlags = Uint8Array.from(this.nodeFlagList!);
    this.nodeFlagList = undefined;
    this.lowerShapes = new Uint32Array(32 * 32 * 32);
    const lowerIds = new Set([...this.lowerStartIds, ...this.lowerInnerIds]);
    const lSize = tableSize(lowerIds.size);
    this.lowerSlots = new Int32Array(lSize * 2);
    this.lowerMask = lSize - 1;
    for (const id of lowerIds) {
      this.keySlots[4 * slotOf[id] + 3] |= LOWER_ANYWHERE;
      const h = this.keySlots[4 * slotOf[id]];
      let ls = mix(h) & this.lowerMask;
      while (this.lowerSlots[2 * ls + 1] !== 0) ls = (ls + 1) & this.lowerMask;
      this.lowerSlots[2 * ls] = h;
      this.lowerSlots[2 * ls + 1] = slotOf[id] + 1;
    }
    for (const id of this.lowerStartIds) {
      this.keySlots[4 * slotOf[id] + 3] |= LOWER_START;
      const k = this.keys[id];
      // a key is as long as its token, but for "İ", which lower-cases to "i" and a combining dot
      const lengths = k.includes('\u0307') ? -1 : 1 << Math.min(k.length, 31);
      this.lowerShapes[shapeOf(k.charCodeAt(0), k.length > 1 ? k.charCodeAt(1) : 0, k.charCodeAt(k.length - 1))] |= lengths;
    }
    this.keyIndex = undefined;
    return this;
  }

  /**
   * Whether token `text[start, end)`, not capitalised, may start a phrase by its first two and
   * last characters and its length; false only when it certainly cannot (a cheap test before
   * `keyId`).
   */
  mayStartLower(text: string, start: number, end: number): boolean {
    const c0 = text.charCodeAt(start);
    let len = end - start;
    if (len > 1 && text.charCodeAt(end - 1) === 46) len--;
    const c1 = len > 1 ? text.charCodeAt(start + 1) : 0;
    const cLast = text.charCodeAt(start + len - 1);
    // outside ASCII, lower-casing may change a character, even into ASCII ("K", the kelvin
    // sign), or its length: no verdict without the key
    if ((c0 >= 128 && c0 !== 0x2019) || (c1 >= 128 && c1 !== 0x2019) || (cLast >= 128 && cLast !== 0x2019)) return true;
    return (this.lowerShapes[shapeOf(c0, c1, cLast)] & (1 << Math.min(len, 31))) !== 0;
  }

  /**
   * The id of the key of token `text[start, end)` (as `tokenKey` makes it), or -1 when no phrase
   * has that word. ASCII tokens are hashed from the text as they are, without a string.
   */
  keyId(text: string, start: number, end: number): number {
    const slot = this.keySlot(text, start, end);
    return slot < 0 ? -1 : this.keySlots[4 * slot + 1] - 1;
  }

  /** The slot of token `text[start, end)`'s key in the key table, or -1 (see `keyId`); with `lowerOnly`, among the keys some phrase has in lower case. */
  private keySlot(text: string, start: number, end: number, lowerOnly = false): number {
    let e = end;
    if (e - start > 1 && text.charCodeAt(e - 1) === 46) e--;
    let h = 0;
    for (let k = start; k < e; k++) {
      let d = text.charCodeAt(k);
      if (d >= 65 && d <= 90) d += 32;
      else if (d >= 128) {
        if (d === 0x2019) d = 39;
        else {
          const slot = this.keySlotOf(tokenKey(text, start, end));
          return lowerOnly && slot >= 0 && (this.keySlots[4 * slot + 3] & LOWER_ANYWHERE) === 0 ? -1 : slot;
        }
      }
      h = (Math.imul(h, 31) + d) | 0;
    }
    const len = e - start;
    if (lowerOnly) {
      const ls = this.lowerSlots;
      for (let slot = mix(h) & this.lowerMask; ; slot = (slot + 1) & this.lowerMask) {
        const at = ls[2 * slot + 1] - 1;
        if (at < 0) return -1;
        if (ls[2 * slot] === h && sameKey(this.keys[this.keySlots[4 * at + 1] - 1], text, start, len)) return at;
      }
    }
    const mask = this.keyMask;
    const slots = this.keySlots;
    for (let slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[4 * slot + 1] - 1;
      if (id < 0) return -1;
      if (slots[4 * slot] === h && sameKey(this.keys[id], text, start, len)) return slot;
    }
  }

  private keySlotOf(key: string): number {
    const h = hashKey(key);
    const mask = this.keyMask;
    const slots = this.keySlots;
    for (let slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[4 * slot + 1] - 1;
      if (id < 0) return -1;
      if (slots[4 * slot] === h && this.keys[id] === key) return slot;
    }
  }

  /**
   * The key slot of token `i` (-1: no phrase has the word, or has it in that case), computed once
   * (`NOT_YET` until then). A token in lower case can only be a word some phrase allows in lower
   * case, and is looked up among those alone.
   */
  private slotAt(tk: TokenIds, i: number): number {
    let slot = tk.ids[i];
    if (slot === NOT_YET) slot = tk.ids[i] = this.keySlot(tk.text, tk.toks[i].start, tk.toks[i].end, (tk.flags[i] & CAP_INITIAL) === 0);
    return slot;
  }

  /** Adds edge node → child by key id, doubling the table when it is half full. */
  private addEdge(node: number, key: number, child: number): void {
    if (++this.edges * 2 > this.edgeMask + 1) {
      const old = this.edgeSlots;
      this.edgeSlots = new Int32Array(old.length * 2);
      this.edgeMask = this.edgeMask * 2 + 1;
      for (let at = 0; at < old.length; at += 4) if (old[at + 2] !== 0) this.putEdge(old[at], old[at + 1], old[at + 2]);
    }
    this.putEdge(node, key, child);
  }

  private putEdge(node: number, key: number, child: number): void {
    let slot = mix(Math.imul(node, 0x9e3779b1) ^ key) & this.edgeMask;
    while (this.edgeSlots[4 * slot + 2] !== 0) slot = (slot + 1) & this.edgeMask;
    this.edgeSlots[4 * slot] = node;
    this.edgeSlots[4 * slot + 1] = key;
    this.edgeSlots[4 * slot + 2] = child;
  }

  private child(node: number, key: number): number {
    const mask = this.edgeMask;
    for (let slot = mix(Math.imul(node, 0x9e3779b1) ^ key) & mask; ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      const c = this.edgeSlots[at + 2];
      if (c === 0) return 0;
      if (this.edgeSlots[at] === node && this.edgeSlots[at + 1] === key) return c;
    }
  }

  /**
   * The longest phrase starting at token `i` (not past `end`) whose case fits the text and that
   * `accept` takes: its end (exclusive token index) and hits, or undefined. `tk.ids` is filled in
   * as tokens are looked up.
   */
  longest(tk: TokenIds, i: number, end: number, accept?: (h: Hit) => boolean): { end: number; hits: Hit[] } | undefined {
    if (i >= end) return undefined;
    const { flags } = tk;
    const lower = (flags[i] & CAP_INITIAL) === 0;
    if (lower && !this.mayStartLower(tk.text, tk.toks[i].start, tk.toks[i].end)) return undefined;
    const first = this.slotAt(tk, i);
    if (first < 0) return undefined;
    const slots = this.keySlots;
    if (lower && (slots[4 * first + 3] & LOWER_START) === 0) return undefined;
    let node = slots[4 * first + 2];
    const nodeFlags = this.nodeFlags;
    let best: { end: number; hits: Hit[] } | undefined;
    for (let j = i; node !== 0; ) {
      const hs = this.hits[node];
      if (hs !== undefined) {
        let ok: Hit[] | undefined;
        for (let h = 0; h < hs.length; h++) {
          const ph = hs[h];
          if ((!accept || accept(ph.hit)) && fits(ph.caps, flags, i)) (ok ??= []).push(ph.hit);
        }
        if (ok) best = { end: j + 1, hits: ok };
      }
      if (++j >= end) break;
      const nf = nodeFlags[node];
      if ((nf & HAS_CHILD) === 0 || ((flags[j] & CAP_INITIAL) === 0 && (nf & LOWER_CHILD) === 0)) break;
      const slot = this.slotAt(tk, j);
      if (slot < 0) break;
      node = this.child(node, slots[4 * slot + 1] - 1);
    }
    return best;
  }
}

function sameKey(key: string, text: string, start: number, len: number): boolean {
  if (key.length !== len) return false;
  for (let k = 0; k < len; k++) {
    let d = text.charCodeAt(start + k);
    if (d >= 65 && d <= 90) d += 32;
    else if (d === 0x2019) d = 39;
    if (d !== key.charCodeAt(k)) return false;
  }
  return true;
}

function fits(caps: number, flags: Uint8Array, i: number): boolean {
  for (let need = caps, k = 0; need !== 0; need >>>= 1, k++) {
    if (k === 16) {
      // all-capitals requirements
      for (let m = need, q = 0; m !== 0; m >>>= 1, q++) if (m & 1 && (flags[i + q] & CAP_ALL) === 0) return false;
      return true;
    }
    if (need & 1 && (flags[i + k] & CAP_INITIAL) === 0) return false;
  }
  return true;
}
