/**
 * Title, date, author, outlet, URL and language of a page, each with how it was found. Sources
 * are tried from the most deliberate (the JSON-LD article record) to the most incidental (a date
 * in the URL, the domain name); the meta keys tried are listed in the rules file.
 */
import type { AnyNode, Document } from 'domhandler';
import type { ArticleMeta, Found, FoundBy } from '../../model/article.js';
import { dateFromUrl } from './dates.js';
import { noteRejectedDates, readDate, type RejectedDate } from '../../model/date.js';
import { isElement, textOf } from './dom.js';
import { readJsonLd, type LdArticle } from './json-ld.js';
import type { ExtractionRules } from './rules.js';

/**
 * What one walk over the page collects for the metadata readers.
 *
 * @example readHead(doc).jsonLd.length // 1
 */
export interface PageHead {
  /** meta name/property (lower-cased) -> first content */
  meta: Map<string, string>;
  jsonLd: string[];
  title?: string;
  h1?: string;
  time?: string;
  canonical?: string;
  lang?: string;
}

const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Collects meta tags, JSON-LD blocks, `<title>`, the first `<h1>` and `<time datetime>`, the
 * canonical link and `<html lang>` in one iterative walk.
 *
 * @example
 * readHead(parseHtml('<title>Hi | Site</title><meta property="og:title" content="Hi">')).meta.get('og:title') // 'Hi'
 */
export function readHead(doc: Document): PageHead {
  const head: PageHead = { meta: new Map(), jsonLd: [] };
  const stack: AnyNode[] = [doc];
  let steps = 0;
  while (stack.length > 0 && steps++ < 2_000_000) {
    const n = stack.pop()!;
    if (!isElement(n)) {
      if (n.type === 'root') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      continue;
    }
    const a = n.attribs;
    switch (n.name) {
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop)?.toLowerCase();
        const content = a.content?.trim();
        if (key && content && !head.meta.has(key)) head.meta.set(key, content);
        continue;
      }
      case 'script':
        if ((a.type ?? '').toLowerCase().includes('ld+json')) {
          head.jsonLd.push(n.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
        }
        continue;
      case 'style':
      case 'noscript':
      case 'template':
        continue;
      case 'title':
        if (head.title === undefined) head.title = textOf(n, NO_TEXT, 500);
        continue;
      case 'h1':
        if (head.h1 === undefined) head.h1 = textOf(n, NO_TEXT, 500) || undefined;
        break;
      case 'time':
        if (head.time === undefined && a.datetime) head.time = a.datetime;
        break;
      case 'link':
        if (head.canonical === undefined && a.href && (a.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) head.canonical = a.href;
        continue;
      case 'html':
        if (head.lang === undefined && a.lang) head.lang = a.lang;
        break;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return head;
}

const found = <T>(value: T, by: FoundBy, evidence: string, rule?: string): Found<T> => ({
  value,
  by,
  evidence: evidence.length > 120 ? evidence.slice(0, 117) + '...' : evidence,
  ...(rule ? { rule } : {}),
});

function fromMeta(head: PageHead, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = head.meta.get(key);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

/**
 * Strips a trailing " | Outlet" / " - Outlet" from a `<title>` when the tail is short.
 *
 * @example stripTitleSuffix('Talks resume in Geneva | World News', [' | ', ' - ']) // 'Talks resume in Geneva'
 */
export function stripTitleSuffix(title: string, separators: readonly string[]): string {
  let best = title;
  for (const sep of separators) {
    const i = title.lastIndexOf(sep);
    if (i <= 0) continue;
    const tail = title.slice(i + sep.length);
    if (tail.split(/\s+/).length <= 5 && i < best.length) best = title.slice(0, i);
  }
  return best.trim();
}

function absoluteUrl(href: string, base?: string): string | undefined {
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the page's metadata. `givenUrl` is the caller's URL, used for relative links, the URL
 * date and the domain; `ld` is the page's JSON-LD article when the caller has read it already.
 *
 * @example
 * readMetadata(readHead(parseHtml('<meta property="og:site_name" content="The Daily">')), loadRules()).source?.by // 'meta'
 */
export function readMetadata(
  head: PageHead,
  rules: ExtractionRules,
  givenUrl?: string,
  ld: LdArticle | undefined = head.jsonLd.length > 0 ? readJsonLd(head.jsonLd) : undefined,
): ArticleMeta {
  const keys = rules.metaKeys;
  const meta: ArticleMeta = {};

  // title
  const mt = fromMeta(head, keys.title);
  if (ld?.headline) meta.title = found(ld.headline, 'json-ld', 'ld+json headline');
  else if (mt) meta.title = found(mt.value, 'meta', `meta ${mt.key}`);
  else if (head.title) meta.title = found(stripTitleSuffix(head.title, rules.titleSeparators), 'html-title', `<title>${head.title}`);
  else if (head.h1) meta.title = found(head.h1, 'heading', `<h1>${head.h1}`);

  // url first: the date and the domain may come from it
  const canonical = head.canonical ? absoluteUrl(head.canonical, givenUrl) : undefined;
  const mu = fromMeta(head, keys.url);
  const metaUrl = mu ? absoluteUrl(mu.value, givenUrl) : undefined;
  if (canonical) meta.url = found(canonical, 'meta', 'link rel="canonical"');
  else if (metaUrl && mu) meta.url = found(metaUrl, 'meta', `meta ${mu.key}`);
  else if (givenUrl) meta.url = found(givenUrl, 'given', 'opts.url');

  // date: the first of JSON-LD, meta tags and <time> that is a date; those that are not are
  // kept with the reason (the clean stage then looks in the body)
  const rejected: RejectedDate[] = [];
  const candidates: [string | undefined, FoundBy, string][] = [
    [ld?.datePublished, 'json-ld', 'ld+json datePublished'],
    ...keys.date.map((k): [string | undefined, FoundBy, string] => [head.meta.get(k), 'meta', `meta ${k}`]),
    [head.time, 'time-element', '<time datetime>'],
  ];
  for (const [raw, by, where] of candidates) {
    if (raw === undefined || raw.trim() === '') continue; // an empty tag gives nothing to reject
    const r = readDate(raw);
    if (r.ok) {
      meta.date = found(r.value, by, by === 'time-element' ? `<time datetime="${raw}">` : by === 'meta' ? `${where}=${raw}` : `${where} ${raw}`);
      break;
    }
    rejected.push({ value: raw, by, evidence: where, reason: r.reason });
  }
  if (!meta.date) {
    const u = meta.url?.value ?? givenUrl;
    const d = u ? dateFromUrl(u) : undefined;
    if (d) meta.date = found(d.value, 'url-path', d.evidence);
  }
  noteRejectedDates(meta, rejected);

  // author
  const ma = fromMeta(head, keys.author);
  if (ld && ld.authors.length > 0) meta.author = found(ld.authors.join(', '), 'json-ld', 'ld+json author');
  else if (ma && !/^https?:/i.test(ma.value)) meta.author = found(ma.value, 'meta', `meta ${ma.key}`);

  // source
  const ms = fromMeta(head, keys.source);
  if (ms) meta.source = found(ms.value, 'meta', `meta ${ms.key}`);
  else if (ld?.publisher) meta.source = found(ld.publisher, 'json-ld', 'ld+json publisher.name');
  else {
    const u = meta.url?.value ?? givenUrl;
    const host = u ? hostOf(u) : undefined;
    if (host) meta.source = found(host, 'domain', u!);
  }

  // a headline that still ends in " | Outlet" (JSON-LD and og:title often do) loses the outlet
  if (meta.title && meta.source) {
    const stripped = stripOutlet(meta.title.value, meta.source.value, rules.titleSeparators);
    if (stripped !== meta.title.value) meta.title = { ...meta.title, value: stripped };
  }

  if (head.lang && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(head.lang)) meta.language = found(head.lang, 'meta', `<html lang="${head.lang}">`);
  return meta;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Removes a trailing separator + outlet name from a title when the tail names the outlet.
 *
 * @example stripOutlet('Talks resume | TheHill', 'The Hill', [' | ']) // 'Talks resume'
 */
export function stripOutlet(title: string, outlet: string, separators: readonly string[]): string {
  const want = squash(outlet).replace(/(com|org|net|co|uk)$/, '');
  if (want.length < 2) return title;
  for (const sep of separators) {
    const i = title.lastIndexOf(sep);
    if (i <= 0) continue;
    const tail = squash(title.slice(i + sep.length)).replace(/(com|org|net|co|uk)$/, '');
    if (tail === want || (tail.length >= 3 && (want.startsWith(tail) || tail.startsWith(want)))) return title.slice(0, i).trim();
  }
  return title;
}

function hostOf(url: string): string | undefined {
  try {
    const h = new URL(url).hostname.toLowerCase();
    return h.replace(/^(www\d?|m|amp|edition)\./, '') || undefined;
  } catch {
    return undefined;
  }
}
