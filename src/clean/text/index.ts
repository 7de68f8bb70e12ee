/**
 * The plain-text and Markdown cleaner: raw article text → clean body paragraphs with a source
 * map into the input, captions kept apart, every removal with its rule, and the metadata the
 * text gives away (title, source, address, date).
 *
 * The steps run in the order of `TEXT_STEPS`; each takes the working document and returns it
 * with something more taken out of the body. The metadata finders then read what the steps set
 * aside, and the body is written out with a `TextBuilder`.
 */
import type { ArticleMeta, Caption, Cleaned } from '../../model/article.js';
import type { Span } from '../../model/span.js';
import { TextBuilder } from '../../model/source-map.js';
import { textData } from './_data.js';
import type { Doc, Step } from './_doc.js';
import { paraText, sameKey, sortRemoved } from './_doc.js';
import { lines } from './01-lines.js';
import { markdownInline } from './02-markdown-inline.js';
import { promoLines } from './03-promo-lines.js';
import { titleAndDateline } from './04-title-and-dateline.js';
import { originalUrl } from './05-original-url.js';
import { capsTeasers } from './06-caps-teasers.js';
import { captions } from './07-captions.js';
import { relatedBlocks } from './08-related-blocks.js';
import { joinParagraphs } from './09-join-split-paragraphs.js';
import { findDate } from './meta-date.js';
import { findSource } from './meta-source.js';
import { urlsIn } from './meta-url.js';

export interface CleanTextOptions {
  format: 'markdown' | 'text';
  /** where the input came from: a path, `path#line`, `-`, or the article's address */
  origin?: string;
  /** metadata the input already gives (a JSON line's fields): not searched for again */
  given?: { title?: string; date?: boolean; source?: boolean };
}

/**
 * The steps, in order. Order matters: promo lines go before the title is chosen (a promo line
 * is never a headline), the title before all-caps teasers (a headline in capitals stays the
 * title), captions before related blocks, and the join last, so a paragraph split around a
 * dropped caption or teaser is joined too.
 */
export const TEXT_STEPS: readonly Step[] = Object.freeze([
  lines, // 01 input → lines and paragraphs; Markdown block markup
  markdownInline, // 02 Markdown inline markup → visible text, links and bold remembered
  promoLines, // 03 "CLICK HERE TO GET THE FOX NEWS APP"
  titleAndDateline, // 04 headline → meta.title, "March 23, 2021" → meta.date
  originalUrl, // 05 "Original url:" + address → meta.url
  capsTeasers, // 06 headlines of other stories in capitals
  captions, // 07 captions and credits kept apart
  relatedBlocks, // 08 "Check Also", "Related article:" blocks
  joinParagraphs, // 09 a paragraph split by a stray blank line
]);

/**
 * Cleans plain-text or Markdown article text. Never throws on any input string (a bad data file
 * under `data/clean/` throws `DataFileError` on first use).
 *
 * @example
 * const c = cleanText('Title here\n\nBody sentence.\n\nCLICK HERE TO GET THE FOX NEWS APP', { format: 'text' });
 * c.text // 'Body sentence.'
 * c.meta.title?.value // 'Title here'
 * c.meta.source?.value // 'Fox News'
 */
export function cleanText(input: string, opts: CleanTextOptions): Cleaned {
  const text = typeof input === 'string' ? input : '';
  const format = opts.format === 'markdown' ? 'markdown' : 'text';
  let doc: Doc = { input: text, format, origin: opts.origin, givenTitle: opts.given?.title, data: textData(), paras: [], removed: [], captions: [], meta: {}, promoOutlets: [] };
  for (const step of TEXT_STEPS) doc = step.run(doc);

  // the body, paragraph by paragraph, line breaks folded to a space
  const b = new TextBuilder();
  const paragraphs: Span[] = [];
  for (const p of doc.paras) {
    if (paragraphs.length) b.insert('\n\n');
    const start = b.offset;
    p.lines.forEach((l, k) => {
      if (k > 0) b.insert(' ');
      l.txt.emit(b);
    });
    paragraphs.push({ start, end: b.offset });
  }
  const body = b.text;

  const caps = mergeCaptions(doc);
  const meta: ArticleMeta = { ...doc.meta };
  if (doc.url) meta.url = doc.url;
  else if (opts.origin && /^https?:\/\/\S+$/iu.test(opts.origin)) meta.url = { value: opts.origin, by: 'given', evidence: 'the input\'s origin' };
  // what the input gives is not inferred: on wire copy with given dates the date search was
  // a fifth of the cleaning time (Reuters-21578, measured)
  const source = opts.given?.source ? undefined : findSource(doc, urlsIn(text));
  if (source) meta.source = source;
  const date = opts.given?.date ? undefined : findDate(doc, body, caps.map((c) => c.text));
  if (date) meta.date = date;

  return { format, text: body, paragraphs, sourceMap: b.sourceMap(), meta, captions: caps, removed: sortRemoved(doc.removed) };
}

/** One caption per distinct text (quotes, apostrophes and dashes unified), counting its copies. */
function mergeCaptions(doc: Doc): Caption[] {
  const byKey = new Map<string, Caption>();
  for (const d of doc.captions) {
    const text = paraText(d.para);
    const key = sameKey(text);
    const seen = byKey.get(key);
    if (seen) {
      seen.copies++;
      if (seen.credit === undefined && d.credit !== undefined) seen.credit = d.credit;
      continue;
    }
    const c: Caption = { text, inputStart: d.para.lines[0].start, inputEnd: d.para.lines[d.para.lines.length - 1].end, copies: 1 };
    if (d.credit !== undefined) c.credit = d.credit;
    byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) => a.inputStart - b.inputStart);
}
export { bodyDate } from './meta-date.js';
