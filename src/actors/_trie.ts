/**
 * A token trie over normalised token keys, longest match first. Each phrase remembers which of
 * its words are capitalised, so proper names match only at capitals ("Moscow", not "moscow";
 * "US", not "us") while common-noun phrases ("the bloc", "foreign minister") match in any case.
 */
import { tokenize } from '../nlp/tokens.js';

/** The kind of dictionary entry a phrase belongs to. @example const t: HitType = 'metonym'; */
export type HitType = 'country' | 'adjective' | 'demonym' | 'metonym' | 'org' | 'description' | 'org-metonym' | 'person' | 'role';

/** What a dictionary phrase stands for, with the id of the entry and of the rule. */
export interface Hit {
  type: HitType;
  id: string;
  rule: string;
  roles?: readonly string[];
  surname?: boolean;
  plural?: boolean;
}

/** Case a text token must have, per phrase word: 0 any, 1 an initial capital, 2 all capitals. */
export interface PhraseHit { hit: Hit; caps: Uint8Array }

interface Node { next?: Map<string, Node>; hits?: PhraseHit[] }

/** Token case flag: an initial capital. @example caseFlags('Moscow', 0, 6) & CAP_INITIAL // 1 */
export const CAP_INITIAL = 1;
/** Token case flag: all capitals, two letters or more. @example caseFlags('NATO', 0, 4) & CAP_ALL // 2 */
export const CAP_ALL = 2;

/**
 * The normalised token keys and case pattern of a phrase, tokenised as text would be.
 * @example phraseKeys('Russia’s Foreign Ministry') // ['russia', "'s", 'foreign', 'ministry']
 */
export function phraseKeys(phrase: string): string[] {
  return phraseTokens(phrase).keys;
}

function phraseTokens(phrase: string): { keys: string[]; caps: Uint8Array } {
  const text = phrase + ' x'; // keeps a final "U.S." from being read as a sentence stop
  const toks = tokenize(text, [{ start: 0, end: text.length }]).slice(0, -1);
  const caps = new Uint8Array(toks.length);
  toks.forEach((t, i) => {
    const f = caseFlags(text, t.start, t.end);
    // a capitalised word must be capitalised in the text; an acronym ("EU", "US") must be in capitals
    caps[i] = f & CAP_ALL && t.end - t.start > 1 ? 2 : f & CAP_INITIAL ? 1 : 0;
  });
  return { keys: toks.map((t) => tokenKey(text, t.start, t.end)), caps };
}

/** Case flags of `text[start, end)`. @example caseFlags('EU', 0, 2) // 3 */
export function caseFlags(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (c < 65 || (c > 90 && c < 128)) return 0; // ASCII lower case, digits, marks: the common case, kept fast
  if (c >= 128) return caseFlagsSlow(text, start, end);
  let letters = 1;
  for (let i = start + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d >= 97 && d <= 122) return CAP_INITIAL;
    if (d >= 65 && d <= 90) letters++;
    else if (d >= 128) return caseFlagsSlow(text, start, end);
  }
  return letters > 1 ? CAP_INITIAL | CAP_ALL : CAP_INITIAL;
}

function caseFlagsSlow(text: string, start: number, end: number): number {
  const first = text[start];
  if (first.toLowerCase() === first) return 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch !== ch.toUpperCase()) return CAP_INITIAL;
    }
  }
  return letters > 1 ? CAP_INITIAL | CAP_ALL : CAP_INITIAL;
}

/** The key of one token of `text`. @example tokenKey('U.S.', 0, 4) // 'u.s' */
export function tokenKey(text: string, start: number, end: number): string {
  let s = text.slice(start, end).toLowerCase();
  if (s.length > 1 && s.endsWith('.')) s = s.slice(0, -1);
  return s.includes('’') ? s.replace(/’/g, "'") : s;
}

/** A longest-match token trie. @example const t = new Trie(); t.add('the bloc', hit); t.freeze() */
export class Trie {
  private root: Node = {};
  private frozen = false;
  /**
   * First words of the phrases that may start in lower case ("the bloc", "foreign minister").
   * Every other phrase starts with a capital, so a lower-case token outside this small set starts
   * nothing: checking it here saves a probe of the root map, which holds tens of thousands of
   * first words and cost most of the stage's time on Reuters-21578.
   */
  private readonly lowerStarts = new Set<string>();
  size = 0;

  /** Adds a phrase; the same phrase may stand for several entries (resolved by the caller). */
  add(phrase: string, hit: Hit): void {
    if (this.frozen) throw new TypeError('frozen');
    const { keys, caps } = phraseTokens(phrase);
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      node.next ??= new Map();
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = {}));
      node = n;
    }
    if (caps[0] === 0) this.lowerStarts.add(keys[0]);
    node.hits ??= [];
    if (!node.hits.some((h) => h.hit.id === hit.id && h.hit.type === hit.type)) {
      node.hits.push({ hit: Object.freeze(hit), caps });
      this.size++;
    }
  }

  freeze(): this {
    this.frozen = true;
    return this;
  }

  /**
   * The longest phrase starting at token `i` (not past `end`) whose case fits the text and that
   * `accept` takes: its end (exclusive token index) and hits, or undefined.
   */
  longest(keys: readonly string[], flags: Uint8Array, i: number, end: number, accept?: (h: Hit) => boolean): { end: number; hits: Hit[] } | undefined {
    if ((flags[i] & CAP_INITIAL) === 0 && !this.lowerStarts.has(keys[i])) return undefined;
    let node: Node | undefined = this.root;
    let best: { end: number; hits: Hit[] } | undefined;
    for (let j = i; j < end && node?.next; j++) {
      node = node.next.get(keys[j]);
      if (!node) break;
      if (node.hits) {
        const ok: Hit[] = [];
        for (const ph of node.hits) if ((!accept || accept(ph.hit)) && fits(ph.caps, flags, i)) ok.push(ph.hit);
        if (ok.length) best = { end: j + 1, hits: ok };
      }
    }
    return best;
  }
}

function fits(caps: Uint8Array, flags: Uint8Array, i: number): boolean {
  for (let k = 0; k < caps.length; k++) {
    const need = caps[k];
    if (need === 0) continue;
    const f = flags[i + k];
    if (need === 1 ? (f & CAP_INITIAL) === 0 : (f & CAP_ALL) === 0) return false;
  }
  return true;
}
