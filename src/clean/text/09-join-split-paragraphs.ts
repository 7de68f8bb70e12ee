/**
 * Step 9: a paragraph split in two by a stray blank line (or by a caption or teaser dropped in
 * the middle) is joined back. A body paragraph that ends without terminal punctuation continues
 * into the next body paragraph when
 * 1. the next one starts in lower case ("…that want to be" + "guided by their national
 *    interests…"), or
 * 2. it leaves a quotation open and the next one does not open a new one ("“We will not
 *    accept" + "European ultimatums,” he said.").
 * Headings and list items are never joined.
 */
import type { Doc, Para, Step } from './_doc.js';
import { endsSentence, openQuotes, paraText, quoteCount, startsLower, type Line, type QuoteCount } from './_doc.js';

const OPENS_QUOTE = /^["“‘'«„]/u;

/**
 * True when paragraph `b` continues paragraph `a` (`quotes`: the quotation marks of all of `a`).
 * @example continues('…that want to be', 'guided by their interests.') // true
 */
export function continues(a: string, b: string, quotes: QuoteCount = quoteCount(a)): boolean {
  if (endsSentence(a)) return false;
  if (startsLower(b)) return true;
  return openQuotes(quotes) > 0 && !OPENS_QUOTE.test(b) && /^\p{L}/u.test(b);
}

/** Joins split paragraphs. */
export function joinSplitParagraphs(doc: Doc): Doc {
  const paras: Para[] = [];
  // the paragraph being grown, with the quotation marks counted so far
  let open: { lines: Line[]; quotes: QuoteCount } | undefined;
  for (const p of doc.paras) {
    const text = paraText(p);
    const prev = paras[paras.length - 1];
    if (open && prev && prev.kind === 'body' && p.kind === 'body' && continues(paraText({ kind: 'body', lines: open.lines.slice(-1) }), text, open.quotes)) {
      const q = quoteCount(text);
      for (const l of p.lines) open.lines.push(l);
      open.quotes = { curly: open.quotes.curly + q.curly, straight: open.quotes.straight + q.straight };
      continue;
    }
    const lines = [...p.lines];
    paras.push({ kind: p.kind, lines });
    open = { lines, quotes: quoteCount(text) };
  }
  return { ...doc, paras };
}

export const joinParagraphs: Step = { name: 'join-split-paragraphs', run: joinSplitParagraphs };
