/**
 * The outlet that published the article, from the strongest evidence first:
 * 1. a promo line naming it ("CLICK HERE TO GET THE FOX NEWS APP" → "Fox News");
 * 2. the article's own address (an "Original url:" line, or an origin that is an address),
 *    named through entente's outlet list (`data/clean/outlets.json`) or, failing that, by a
 *    readable name made from the domain;
 * 3. the domain of a known outlet that the text's addresses point to most.
 */
import type { Found } from '../../model/article.js';
import type { Doc } from './_doc.js';
import { hostOf, type UrlMention } from './meta-url.js';

/**
 * The outlet a host belongs to in the list (subdomains included).
 * @example outletForHost('edition.cnn.com', outlets) // 'CNN'
 */
export function outletForHost(host: string, outlets: ReadonlyMap<string, string>): string | undefined {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = outlets.get(h);
    if (name) return name;
  }
  return undefined;
}

/** words a name keeps in lower case inside it ("Horn and Nile Observer") */
const SMALL_WORDS = new Set(['and', 'of', 'the', 'in', 'on', 'for', 'at', 'to']);

/** second-level labels under which a country code registers names ("bbc.co.uk", "smh.com.au") */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'or', 'ne', 'go', 'edu']);

/**
 * A readable name for an unknown outlet: its domain's words when hyphenated, else the domain.
 * @example nameFromHost('www.kyiv-daily-news.com.ua') // 'Kyiv Daily News'
 * @example nameFromHost('example.org') // 'example.org'
 */
export function nameFromHost(host: string): string {
  const parts = host.toLowerCase().replace(/^www\d?\./u, '').split('.');
  const k = parts.length >= 3 && SECOND_LEVEL.has(parts[parts.length - 2]) ? parts.length - 3 : parts.length - 2;
  const label = parts[Math.max(0, k)] ?? host;
  if (!label.includes('-')) return parts.slice(Math.max(0, k)).join('.');
  return label
    .split('-')
    .filter(Boolean)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * An outlet's name as the list writes it, else in title case ("FOX NEWS" → "Fox News").
 * @example outletName('FOX NEWS', outlets) // 'Fox News'
 */
export function outletName(raw: string, outlets: ReadonlyMap<string, string>): string {
  const want = raw.trim().toLowerCase();
  for (const name of outlets.values()) if (name.toLowerCase() === want || name.toLowerCase() === `the ${want}`) return name;
  return want.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The article's source with its evidence, or undefined. */
export function findSource(doc: Doc, urls: readonly UrlMention[]): Found<string> | undefined {
  const { outlets } = doc.data;
  // 1. a promo line
  const promo = doc.promoOutlets[0];
  if (promo) return { value: outletName(promo.name, outlets), by: 'promo-line', evidence: promo.evidence, rule: promo.rule };
  // 2. the article's own address
  const own: { url: string; by: 'original-url-line' | 'domain'; evidence: string }[] = [];
  if (doc.url) own.push({ url: doc.url.value, by: 'original-url-line', evidence: doc.url.value });
  if (doc.origin && /^https?:\/\//iu.test(doc.origin)) own.push({ url: doc.origin, by: 'domain', evidence: doc.origin });
  for (const o of own) {
    const host = hostOf(o.url);
    if (!host) continue;
    const known = outletForHost(host, outlets);
    if (known) return { value: known, by: o.by, evidence: `${o.evidence} (${host} in entente's outlet list)`, rule: 'outlet-domain' };
    return { value: nameFromHost(host), by: 'domain', evidence: o.evidence, rule: 'domain-name' };
  }
  // 3. the known outlet the text links to most
  const counts = new Map<string, { n: number; url: string }>();
  for (const u of urls) {
    const host = hostOf(u.url);
    const name = host ? outletForHost(host, outlets) : undefined;
    if (!name) continue;
    const c = counts.get(name);
    if (c) c.n++;
    else counts.set(name, { n: 1, url: u.url });
  }
  let best: [string, { n: number; url: string }] | undefined;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  return best ? { value: best[0], by: 'domain', evidence: `${best[1].url} (linked ${best[1].n}×)`, rule: 'outlet-domain' } : undefined;
}
