import { analyze } from '../../src/pipeline/index.js';
import { findQuotes } from '../../src/quotes/index.js';

/** The quotes of an invented body under a test headline, as [content as written, speaker] pairs. */
export function quotesOf(body: string): [string, string | undefined][] {
  const a = analyze({ text: `Test headline for the quote stage\n\n${body}`, format: 'text', origin: 'test' });
  if ('skipped' in a) throw new Error(`skipped: ${a.reason}`);
  return findQuotes(a).map((q) => [a.text.slice(q.start, q.end), q.speaker]);
}
