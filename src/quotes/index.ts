import type { Mention } from '../model/actor.js';
import { type ActorDictionary, loadActorDictionary } from '../actors/index.js';
import type { ArticleText as Article } from '../model/article.js';
import type { Quote } from '../model/quote.js';
import type { Span } from '../model/span.js';
import { pairMarks } from './01-marks.js';
import { directQuotes } from './02-direct.js';
import { indirectQuotes } from './03-indirect.js';
import { attach } from './04-attach.js';
import { type QuoteDictionary, loadQuoteDictionary } from './dictionary.js';

export { loadQuoteDictionary } from './dictionary.js';
export type { QuoteDictionary } from './dictionary.js';

const byPosition = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

/**
 * The quote stage: who said what in an article's clean text (captions are not scanned, so a
 * caption repeating a body quote never makes a second one).
 *
 * 1. pair quotation marks into regions (01-marks);
 * 2. read each region's cue and speaker: direct, interrupted, mixed, partial (02-direct);
 * 3. find reported speech without marks in the sentences left (03-indirect);
 * 4. attach speaker actors from `mentions`, the cue text, medium and date (04-attach).
 *
 * @example
 * const a = analyze({ text: 'Talks resume\n\n“We are ready,” he told Reuters.' });
 * if (!('skipped' in a)) findQuotes(a)[0]; // { kind: 'direct', speaker: 'he', medium: 'Reuters', … }
 */
export function findQuotes(article: Article, mentions: readonly Mention[] = [], dict: QuoteDictionary = loadQuoteDictionary(), actors: ActorDictionary = loadActorDictionary()): Quote[] {
  const q = { text: article.text, paragraphs: article.spans.paragraphs, sentences: article.spans.sentences, tokens: article.spans.tokens };
  const regions = pairMarks(q.text, q.paragraphs);
  const titles: Span[] = [];
  const direct = directQuotes(q, regions, dict, titles);
  const indirect = indirectQuotes(q, direct, dict, titles);
  const all = direct.length === 0 ? indirect : [...direct, ...indirect].sort(byPosition);
  return attach(article, all, mentions, dict, actors);
}
