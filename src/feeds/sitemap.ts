import { Parser } from 'htmlparser2';
import type { FeedEntry } from './parse.js';
import { absoluteLink, isoDate } from './text.js';

/** What a sitemap holds: article entries (a news sitemap's or a plain one's), or other sitemaps. */
export interface ParsedSitemap {
  kind: 'news-sitemap' | 'sitemap' | 'sitemap-index';
  entries: FeedEntry[];
}

/** True when the document is a sitemap (`<urlset>` or `<sitemapindex>` at its root). */
export function looksLikeSitemap(head: string): boolean {
  return /<(urlset|sitemapindex)[\s>]/.test(head.slice(0, 4096));
}

/**
 * Reads a sitemap: each `<url>` gives its `<loc>`, and in a Google News sitemap its
 * `<news:title>` and `<news:publication_date>` (else `<lastmod>`). The feed parsers know no
 * sitemaps; htmlparser2 in XML mode reads them, as forgiving of bad markup as a browser.
 *
 * @example parseSitemap('<urlset><url><loc>http://x.test/a</loc></url></urlset>', 'http://x.test/s.xml').entries[0].link // 'http://x.test/a'
 */
export function parseSitemap(xml: string, base: string): ParsedSitemap {
  const entries: FeedEntry[] = [];
  let kind: ParsedSitemap['kind'] = 'sitemap';
  let current: Record<string, string> | undefined;
  let field: string | undefined;
  const parser = new Parser(
    {
      onopentagname: (raw) => {
        const name = raw.toLowerCase();
        if (name === 'sitemapindex') kind = 'sitemap-index';
        if (name.startsWith('news:')) kind = kind === 'sitemap-index' ? kind : 'news-sitemap';
        if (name === 'url' || name === 'sitemap') current = {};
        else if (current) field = name;
      },
      ontext: (text) => {
        if (current && field) current[field] = (current[field] ?? '') + text;
      },
      onclosetag: (raw) => {
        const name = raw.toLowerCase();
        if ((name === 'url' || name === 'sitemap') && current) {
          const link = absoluteLink(current.loc, base);
          if (link) {
            const title = current['news:title']?.trim();
            const date = isoDate(current['news:publication_date']) ?? isoDate(current.lastmod);
            entries.push({ link, ...(title ? { title } : {}), ...(date ? { date } : {}) });
          }
          current = undefined;
        }
        field = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { kind, entries };
}
