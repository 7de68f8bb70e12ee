import { parseOpml } from 'feedsmith';
import { absoluteLink } from './text.js';

/** A feed a user follows: its address, and the name they gave it. */
export interface FeedSource {
  url: string;
  title?: string;
}

/** A line of a feed list that is not a feed, with its line number. */
export interface FeedListProblem {
  line: number;
  detail: string;
}

/**
 * The feeds of a user's list: an OPML file (what feed readers export; every outline with an
 * `xmlUrl`, folders included) or plain text, one URL a line, optionally followed by a name;
 * blank lines and lines starting with `#` are left out. Each URL once.
 *
 * @example readFeedList('# mine\nhttp://x.test/rss Harbour Wire\n').feeds // [{ url: 'http://x.test/rss', title: 'Harbour Wire' }]
 */
export function readFeedList(text: string): { feeds: FeedSource[]; problems: FeedListProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(body)) return readOpml(body);
  const feeds: FeedSource[] = [];
  const problems: FeedListProblem[] = [];
  body.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [first, ...rest] = line.split(/\s+/);
    const url = feedUrl(first);
    if (!url) problems.push({ line: i + 1, detail: `"${first}" is not an http(s) URL` });
    else feeds.push({ url, ...(rest.length ? { title: rest.join(' ') } : {}) });
  });
  return { feeds: uniqueFeeds(feeds), problems };
}

function readOpml(xml: string): { feeds: FeedSource[]; problems: FeedListProblem[] } {
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(xml) as typeof doc;
  } catch (e) {
    return { feeds: [], problems: [{ line: 0, detail: `the OPML file cannot be read: ${(e as Error).message}` }] };
  }
  const feeds: FeedSource[] = [];
  const problems: FeedListProblem[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl !== undefined) {
        const url = feedUrl(o.xmlUrl);
        const title = o.title ?? o.text;
        if (url) feeds.push({ url, ...(title ? { title } : {}) });
        else problems.push({ line: 0, detail: `the outline "${title ?? ''}" has xmlUrl "${o.xmlUrl}", which is not an http(s) URL` });
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return { feeds: uniqueFeeds(feeds), problems };
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/** A feed's URL as given, checked and normalised (no fragment); undefined when not http(s). */
export function feedUrl(s: string): string | undefined {
  return absoluteLink(s, 'invalid:/');
}

function uniqueFeeds(feeds: FeedSource[]): FeedSource[] {
  const seen = new Set<string>();
  return feeds.filter((f) => !seen.has(f.url) && (seen.add(f.url), true));
}
