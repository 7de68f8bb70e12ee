import { parseFeed as parseAnyFeed } from 'feedsmith';
import { looksLikeSitemap, parseSitemap } from './sitemap.js';
import { SUMMARY_MAX, absoluteLink, isoDate, plainText, textOf } from './text.js';

/** One article a feed points at: what goes with it into the pipeline. */
export interface FeedEntry {
  /** absolute http(s) URL, without a fragment */
  link: string;
  title?: string;
  /** ISO timestamp */
  date?: string;
  /** plain text, at most `SUMMARY_MAX` characters */
  summary?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'news-sitemap' | 'sitemap';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** each link once, in the feed's order */
  entries: FeedEntry[];
  /** entries left out: no usable http(s) link */
  dropped: number;
}

/** Why a document is not a feed entente can read. */
export interface FeedProblem {
  problem: 'empty' | 'malformed' | 'not-a-feed';
  detail: string;
}

type Rec = Record<string, unknown>;

/**
 * Reads a feed document of any kind entente follows: RSS 0.9x/2.0, Atom, RDF (RSS 1.0) and JSON
 * Feed through feedsmith, Google News and plain sitemaps through `parseSitemap`. Links are made
 * absolute against `url` (where the feed was fetched from), titles and summaries are plain text.
 *
 * @example
 * parseFeed('<rss version="2.0"><channel><item><title>A</title><link>/a</link></item></channel></rss>', 'http://x.test/f')
 * // { format: 'rss', entries: [{ link: 'http://x.test/a', title: 'A' }], dropped: 0 }
 */
export function parseFeed(text: string, url: string): ParsedFeed | FeedProblem {
  const body = text.replace(/^\uFEFF/, '');
  if (!/\S/.test(body)) return { problem: 'empty', detail: 'the document is empty' };
  if (looksLikeSitemap(body)) {
    const map = parseSitemap(body, url);
    if (map.kind === 'sitemap-index') return { problem: 'not-a-feed', detail: `a sitemap index of ${map.entries.length} sitemaps: add the sitemaps themselves as feeds` };
    return { format: map.kind, entries: unique(map.entries), dropped: 0 };
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseAnyFeed(body) as { format: string; feed: unknown };
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'DetectError') {
      const what = /^\s*<(!doctype html|html)\b/i.test(body) ? 'a web page, not a feed' : 'neither RSS, Atom, RDF, JSON Feed nor a sitemap';
      return { problem: 'not-a-feed', detail: what };
    }
    return { problem: 'malformed', detail: `the feed cannot be read: ${(e as Error)?.message ?? String(e)}` };
  }
  const feed = (parsed.feed ?? {}) as Rec;
  const format = parsed.format as FeedFormat;
  const raw = ((format === 'atom' ? feed.entries : feed.items) ?? []) as Rec[];
  const entries: FeedEntry[] = [];
  let dropped = 0;
  for (const item of raw) {
    const e = entryOf(format, item, url);
    if (e) entries.push(e);
    else dropped++;
  }
  const title = titleText(textOf(feed.title));
  return { format, ...(title ? { title } : {}), entries: unique(entries), dropped };
}

/** True when `parseFeed`'s answer is a problem, not a feed. */
export function isFeedProblem(x: ParsedFeed | FeedProblem): x is FeedProblem {
  return 'problem' in x;
}

function entryOf(format: FeedFormat, item: Rec, base: string): FeedEntry | undefined {
  const dc = (item.dc ?? {}) as Rec;
  let link: unknown;
  let date: unknown;
  let summary: unknown;
  if (format === 'atom') {
    const links = (item.links ?? []) as Rec[];
    const alt = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
    link = alt?.href;
    date = item.published ?? item.updated;
    summary = item.summary ?? item.content;
  } else if (format === 'json') {
    link = item.url ?? item.external_url;
    date = item.date_published ?? item.date_modified;
    summary = item.summary ?? item.content_text ?? item.content_html;
  } else {
    // RSS and RDF; a permalink guid stands in for a missing link (RSS 2.0 says it is one)
    const guid = item.guid as Rec | string | undefined;
    const guidLink = typeof guid === 'string' ? guid : guid && guid.isPermaLink !== false ? guid.value : undefined;
    link = item.link ?? (typeof guidLink === 'string' && /^https?:/i.test(guidLink) ? guidLink : undefined);
    date = item.pubDate ?? dc.date ?? dc.dates;
    summary = item.description ?? (item.content as Rec | undefined)?.encoded;
  }
  const abs = absoluteLink(textOf(link), base);
  if (!abs) return undefined;
  const title = titleText(textOf(item.title));
  const iso = isoDate(date);
  const sum = plainOrUndefined(textOf(summary));
  return { link: abs, ...(title ? { title } : {}), ...(iso ? { date: iso } : {}), ...(sum ? { summary: sum.slice(0, SUMMARY_MAX) } : {}) };
}

/** Markup a title may carry (Atom's type="html", feeds that put emphasis in titles). */
const TITLE_TAG = /<\/?(a|b|i|em|strong|span|br|p|sup|sub|small|mark|code|q|abbr|cite)\b[^>]*>/i;

/**
 * A title as plain text: its markup dropped where it has some, else only its entities decoded,
 * so that "Talks <resume> in Valdoria" keeps its words.
 */
function titleText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return plainOrUndefined(TITLE_TAG.test(s) ? s : s.replace(/</g, '&lt;'));
}

function plainOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : plainText(s) || undefined;
}

/** The first entry of each link: feeds repeat an item when it is updated. */
function unique(entries: FeedEntry[]): FeedEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.link) && (seen.add(e.link), true));
}
