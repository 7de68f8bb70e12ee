import { analyze } from '../../src/pipeline/index.js';
import { findQuotes } from '../../src/quotes/index.js';
import type { Article } from '../../src/model/article.js';
import type { Quote } from '../../src/model/quote.js';

/** An invented body under a test headline (the cleaner takes a short first line as the title), analysed. */
function quotesIn(body: string): { a: Article; quotes: Quote[] } {
  const a = analyze({ text: `Test headline for the quote stage\n\n${body}`, format: 'text', origin: 'test' });
  if ('skipped' in a) throw new Error(`skipped: ${a.reason}`);
  return { a, quotes: findQuotes(a) };
}

/** The quotes of an invented body, as [content as written, speaker] pairs. */
export function quotesOf(body: string): [string, string | undefined][] {
  const { a, quotes } = quotesIn(body);
  return quotes.map((q) => [a.text.slice(q.start, q.end), q.speaker]);
}

/** The quotes of an invented body with the speaker as written in the text (its span) and the rule. */
export function statementsOf(body: string): { text: string; speaker?: string; rule: string }[] {
  const { a, quotes } = quotesIn(body);
  return quotes.map((q) => ({ text: a.text.slice(q.start, q.end), speaker: q.speakerSpan ? a.text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined, rule: q.rule }));
}

/** [content, speaker as written] pairs of an invented body. */
export const spanPairs = (body: string): (string | undefined)[][] => statementsOf(body).map((x) => [x.text, x.speaker]);
