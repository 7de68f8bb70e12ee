/**
 * Feed documents of every kind entente reads, written for the tests (the stories are invented),
 * each pointing at the article paths it is given. Shared by the parser tests and the watcher's
 * test server.
 */

export interface Story {
  path: string;
  title: string;
  date: string;
  summary: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RSS 2.0: RFC 822 dates, an HTML summary in CDATA, links as given (relative ones too). */
export function rss(title: string, base: string, stories: Story[]): string {
  const items = stories.map(
    (s) => `<item><title>${esc(s.title)}</title><link>${esc(base + s.path)}</link><guid isPermaLink="false">${esc(s.path)}</guid>
      <pubDate>${new Date(s.date).toUTCString()}</pubDate><description><![CDATA[<p>${esc(s.summary)}</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>${esc(base)}/</link><description>News</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

/** Atom: an alternate link beside an enclosure, HTML titles, RFC 3339 dates. */
export function atom(title: string, base: string, stories: Story[]): string {
  const entries = stories.map(
    (s) => `<entry><title type="html">${esc(esc(s.title))}</title><id>urn:story:${esc(s.path)}</id>
      <link rel="enclosure" href="${esc(base + s.path)}.mp3"/><link rel="alternate" type="text/html" href="${esc(base + s.path)}"/>
      <published>${s.date}</published><updated>${s.date}</updated><summary>${esc(s.summary)}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed</id><updated>2024-04-02T00:00:00Z</updated>\n${entries.join('\n')}\n</feed>\n`;
}

/** RDF (RSS 1.0) with Dublin Core dates. */
export function rdf(title: string, base: string, stories: Story[]): string {
  const items = stories.map(
    (s) => `<item rdf:about="${esc(base + s.path)}"><title>${esc(s.title)}</title><link>${esc(base + s.path)}</link><description>${esc(s.summary)}</description><dc:date>${s.date}</dc:date></item>`,
  );
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${esc(base)}/"><title>${esc(title)}</title><link>${esc(base)}/</link><description>News</description></channel>\n${items.join('\n')}\n</rdf:RDF>\n`;
}

/** JSON Feed 1.1. */
export function jsonFeed(title: string, base: string, stories: Story[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: stories.map((s) => ({ id: s.path, url: base + s.path, title: s.title, summary: s.summary, date_published: s.date })),
  });
}

/** A Google News sitemap. */
export function newsSitemap(outlet: string, base: string, stories: Story[]): string {
  const urls = stories.map(
    (s) => `<url><loc>${esc(base + s.path)}</loc><news:news><news:publication><news:name>${esc(outlet)}</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>${s.date}</news:publication_date><news:title>${esc(s.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** OPML as feed readers export it: feeds inside a folder and at the top. */
export function opml(feeds: { url: string; title: string }[]): string {
  const [first, ...rest] = feeds;
  const line = (f: { url: string; title: string }) => `<outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.url)}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>My feeds</title></head><body>\n<outline text="World">${first ? line(first) : ''}</outline>\n${rest.map(line).join('\n')}\n</body></opml>\n`;
}
