/**
 * The HTML cleaner: from a news page's HTML to its body text, captions, metadata and a record of
 * what was removed, with a source map from every output character back into the HTML.
 */
import type { Document } from 'domhandler';
import type { Cleaned, Removal } from '../../model/article.js';
import { EntenteError } from '../../model/errors.js';
import type { Span } from '../../model/span.js';
import { TextBuilder } from '../../model/source-map.js';
import { selectContainer } from './candidate.js';
import { MAX_PARSE_DEPTH, parsePage } from './dom.js';
import { agreement, usableDeclaredBody } from './json-ld-check.js';
import { readJsonLd } from './json-ld.js';
import { readHead, readMetadata } from './metadata.js';
import { collectParagraphs, type Collected, type Paragraph } from './paragraphs.js';
import { pruneParagraphs, type Pruned } from './prune.js';
import { loadRules, type ExtractionRules } from './rules.js';
import { measure, type ElementInfo, type PageStats } from './stats.js';

/**
 * Why an input could not be cleaned; a value, never an exception.
 *
 * @example { ok: false, reason: 'no-body', detail: 'no element holds running text' }
 */
export interface HtmlFailure {
  ok: false;
  reason: 'malformed-html' | 'no-body';
  detail: string;
}

/**
 * Options of `cleanHtml`.
 *
 * @example cleanHtml(html, { url: 'https://example.com/2024/05/01/story.html' })
 */
export interface CleanHtmlOptions {
  /** the page's URL when known: resolves relative links, gives a date in the path and the domain */
  url?: string;
}

/**
 * Cleans one HTML page.
 * Steps: 1. parse (htmlparser2, with input offsets); 2. measure every element; 3. read the
 * metadata; 4. choose the article's container(s); 5. read them into paragraphs, cutting
 * boilerplate subtrees and setting captions apart, and when the page's JSON-LD `articleBody`
 * disagrees with the result, try the runner-up containers; 6. prune paragraphs that are not the story;
 * 7. write the text and its source map.
 *
 * @example
 * const r = cleanHtml('<html><body><article><h1>Title</h1><p>Ministers met in Geneva on Monday, officials said, and agreed to talk again.</p></article></body></html>');
 * if (!('ok' in r)) r.text // 'Ministers met in Geneva on Monday, officials said, and agreed to talk again.'
 */
export function cleanHtml(html: string, opts: CleanHtmlOptions = {}): Cleaned | HtmlFailure {
  const rules = loadRules(); // a bad rules file throws DataFileError: configuration, not input
  try {
    return clean(html, opts, rules);
  } catch (e) {
    if (e instanceof EntenteError) throw e;
    // the walks are iterative and bounded; this net is for inputs nobody foresaw
    return { ok: false, reason: 'malformed-html', detail: `the cleaner could not read this input (${(e as Error)?.message ?? String(e)})` };
  }
}

function clean(html: string, opts: CleanHtmlOptions, rules: ReturnType<typeof loadRules>): Cleaned | HtmlFailure {
  if (typeof html !== 'string' || html.indexOf('<') === -1) {
    return { ok: false, reason: 'malformed-html', detail: 'the input has no HTML tags' };
  }
  // 1. parse
  let doc: Document;
  let cutAt: number | undefined;
  try {
    ({ doc, cutAt } = parsePage(html));
  } catch (e) {
    return { ok: false, reason: 'malformed-html', detail: `htmlparser2 failed: ${(e as Error).message}` };
  }
  // 2. measure
  const stats = measure(doc, rules);
  if (stats.order.length === 0) return { ok: false, reason: 'malformed-html', detail: 'the input has no HTML elements with content' };
  // 3. metadata
  const head = readHead(doc);
  const ld = head.jsonLd.length > 0 ? readJsonLd(head.jsonLd) : undefined;
  const meta = readMetadata(head, rules, opts.url, ld);
  // 4. container
  const sel = selectContainer(stats, rules);
  if (sel === null) return { ok: false, reason: 'no-body', detail: 'no element holds running text' };
  // 5. paragraphs, 6. pruning
  let { collected, pruned } = read(html, sel.roots, stats, rules);
  // 5b. the page's declared body disagrees: a runner-up container may be the story
  const declared = ld?.articleBody;
  if (usableDeclaredBody(declared, rules.thresholds.ldMinBodyChars)) {
    let best = agreement(joined(pruned.kept), declared);
    if (best < rules.thresholds.ldMinAgreement) {
      for (const alt of sel.ranked) {
        if (sel.roots.length === 1 && sel.roots[0] === alt) continue;
        const r = read(html, [alt], stats, rules);
        const a = agreement(joined(r.pruned.kept), declared);
        if (a > best + rules.thresholds.ldMinGain) {
          best = a;
          ({ collected, pruned } = r);
        }
      }
    }
  }
  const chars = pruned.kept.reduce((n, p) => n + p.chars, 0);
  if (chars < rules.thresholds.minBodyChars) {
    return { ok: false, reason: 'no-body', detail: `the best container holds only ${chars} characters of text` };
  }
  // 7. text and source map
  const { text, paragraphs, builder } = writeParagraphs(pruned.kept);
  const removed: Removal[] = [...collected.removed, ...pruned.removed];
  if (cutAt !== undefined) {
    const reason = `elements nested more than ${MAX_PARSE_DEPTH} levels deep: the page is read up to here`;
    removed.push({ rule: 'html/too-deep', reason, text: html.slice(cutAt, cutAt + rules.thresholds.excerptChars), inputStart: cutAt, inputEnd: html.length });
  }
  removed.sort((a, b) => a.inputStart - b.inputStart);
  return { format: 'html', text, paragraphs, sourceMap: builder.sourceMap(), meta, captions: collected.captions, removed };
}

function read(html: string, roots: ElementInfo[], stats: PageStats, rules: ExtractionRules): { collected: Collected; pruned: Pruned } {
  const collected = collectParagraphs(html, roots, stats, rules);
  return { collected, pruned: pruneParagraphs(collected.paragraphs, rules) };
}

const joined = (ps: Paragraph[]): string => ps.map((p) => p.text).join(' ');

/** Writes paragraphs separated by one blank line; each piece keeps its input range. */
function writeParagraphs(kept: Paragraph[]): { text: string; paragraphs: Span[]; builder: TextBuilder } {
  const b = new TextBuilder();
  const spans: Span[] = [];
  for (const p of kept) {
    if (spans.length > 0) b.insert('\n\n');
    const start = b.offset;
    for (const piece of p.pieces) {
      if (piece.space) b.insert(' ');
      b.append(piece.text, piece.inStart, piece.inEnd);
    }
    spans.push({ start, end: b.offset });
  }
  return { text: b.text, paragraphs: spans, builder: b };
}
