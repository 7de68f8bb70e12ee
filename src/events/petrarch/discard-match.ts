/**
 * PETRARCH's discards applied to an article: a sentence holding a sentence-scope phrase is not
 * coded, and one story-scope phrase (`+` in the file) anywhere stops the whole article from being
 * coded. Words match whole, in order, case-insensitively; the last word of a phrase is a stem
 * ("champion" matches "championship") unless the file ended it with `_`.
 */
import { tokenKey } from '../../actors/_trie.js';
import type { ArticleText } from '../../model/article.js';
import type { DiscardEntry } from './discards.js';

/** Discard phrases compiled for lookup. */
export interface DiscardIndex {
  /** phrases of several words (or whole single words) by their first word */
  byFirst: ReadonlyMap<string, readonly DiscardEntry[]>;
  /** single-word stems by the stem */
  stems: ReadonlyMap<string, readonly DiscardEntry[]>;
  longestStem: number;
}

/** @example indexDiscards(parseDiscardList('YEARS AGO\n').discards).byFirst.has('years') // true */
export function indexDiscards(list: readonly DiscardEntry[]): DiscardIndex {
  const byFirst = new Map<string, DiscardEntry[]>();
  const stems = new Map<string, DiscardEntry[]>();
  let longestStem = 0;
  for (const d of list) {
    const words = d.phrase.split(' ');
    if (words.length === 1 && !d.wholeWord) {
      stems.set(d.phrase, [...(stems.get(d.phrase) ?? []), d]);
      longestStem = Math.max(longestStem, d.phrase.length);
    } else byFirst.set(words[0], [...(byFirst.get(words[0]) ?? []), d]);
  }
  return { byFirst, stems, longestStem };
}

/** What the discards take out of one article. */
export interface Discarded {
  /** set when a story-scope phrase occurs: nothing in the article is coded */
  story?: DiscardEntry;
  /** sentence index → the phrase that discards it */
  sentences: Map<number, DiscardEntry>;
}

/**
 * The sentences (or the whole story) the discard list takes out.
 *
 * @example
 * const ix = indexDiscards(parseDiscardList('+WORLD CUP\nYEARS AGO\n').discards);
 * discarded(analyze({ text: 'Iran beat Iraq 2-1 in the World Cup.' }) as Article, ix).story?.phrase // 'world cup'
 */
export function discarded(article: ArticleText, ix: DiscardIndex): Discarded {
  const out: Discarded = { sentences: new Map() };
  const { text } = article;
  const { sentences, tokens } = article.spans;
  let t = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sp = sentences[s];
    while (t < tokens.length && tokens[t].start < sp.start) t++;
    const words: string[] = [];
    for (let k = t; k < tokens.length && tokens[k].end <= sp.end; k++) words.push(tokenKey(text, tokens[k].start, tokens[k].end));
    const hit = matchAt(words, ix);
    if (!hit) continue;
    if (hit.scope === 'story') {
      out.story = hit;
      return out;
    }
    out.sentences.set(s, hit);
  }
  return out;
}

function matchAt(words: readonly string[], ix: DiscardIndex): DiscardEntry | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    for (const d of ix.byFirst.get(w) ?? []) {
      const p = d.phrase.split(' ');
      let ok = i + p.length <= words.length;
      for (let k = 1; ok && k < p.length; k++) ok = k === p.length - 1 && !d.wholeWord ? words[i + k].startsWith(p[k]) : words[i + k] === p[k];
      if (ok) return d;
    }
    for (let n = 1; n <= Math.min(w.length, ix.longestStem); n++) {
      const d = ix.stems.get(w.slice(0, n));
      if (d) return d[0];
    }
  }
  return undefined;
}
