/**
 * "The North fired at the South": after an article has named North and South Korea (or Sudan),
 * "the North" and "the South" stand for them. Candidates for coreference, which gives each the
 * country named last whose name begins with its word (coref.ts).
 */
import type { ArticleText } from '../model/article.js';
import type { Candidate } from './mentions.js';
import { contextWords, type ContextWords } from './context-words.js';

/**
 * `cands` with a candidate added for each "the North", "the South" none of them covers, in text
 * order: capitalised, after "the", not the adjective of a noun ("the North side") nor part of a name.
 */
export function withHalves(article: ArticleText, cands: Candidate[], w: ContextWords = contextWords()): Candidate[] {
  const { text } = article;
  const toks = article.spans.tokens;
  const sentences = article.spans.sentences;
  const added: Candidate[] = [];
  let si = 0;
  let ci = 0;
  for (let i = 1; i < toks.length; i++) {
    const word = text.slice(toks[i].start, toks[i].end);
    if (!w.halves.has(word) || text.slice(toks[i - 1].start, toks[i - 1].end).toLowerCase() !== 'the') continue;
    const next = i + 1 < toks.length ? text.slice(toks[i + 1].start, toks[i + 1].end) : '';
    // "the North Korean side", "the South China Sea": a name goes on; "the North side": an adjective
    if (/^\p{Lu}/u.test(next) || w.halfNouns.has(next.toLowerCase())) continue;
    const start = toks[i - 1].start;
    const end = toks[i].end;
    while (ci < cands.length && cands[ci].end <= start) ci++;
    if (ci < cands.length && cands[ci].start < end) continue;
    while (si + 1 < sentences.length && sentences[si].end <= start) si++;
    added.push({ start, end, kind: 'description', rule: `context-half+${word.toLowerCase()}`, ref: { type: 'context-half', half: word }, sentence: si });
  }
  if (added.length === 0) return cands;
  return [...cands, ...added].sort((a, b) => a.start - b.start);
}
