import { atom, jsonFeed, newsSitemap, rdf, rss, type Story } from '../feeds/_documents.js';
import { serve, startSite, status, type Handler, type TestSite } from '../fetch/_server.js';
import { articlePage, frenchPage, paragraphs, story } from './_news.js';

export const ROBOTS = 'User-agent: *\nDisallow: /private/\n';

/** Two outlets on 127.0.0.1 with feeds of every kind, good and bad, and the articles they link. */
export interface NewsSites {
  a: TestSite;
  b: TestSite;
  /** every feed, in the order a user lists them */
  feeds: string[];
  /** the article URLs that should be stored, each once */
  storable: string[];
  /** B's copy of one of A's stories: fetched, found the same article (unchanged) */
  duplicate: string;
  /** the page in French: fetched, skipped as not English */
  french: string;
  /** failures expected by [feed, url, reason] */
  failures: [string, string, string][];
  /** adds a story to A's RSS feed (which then answers 200 with a new ETag) and returns its URL */
  publish(n: number): string;
  /** every article page path the sites serve */
  pagePaths: Set<string>;
  close(): Promise<void>;
}

export interface SiteTiming {
  /** ms before each article page answers (default 0) */
  pageDelayMs?: number;
  /** ms before the slow feed answers: longer than the fetcher's time limit */
  slowMs: number;
  /** bytes over which the huge feed is too large for the fetcher */
  hugeBytes: number;
}

export async function startNewsSites(t: SiteTiming): Promise<NewsSites> {
  const a = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain') });
  const b = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain') });
  const pagePaths = new Set<string>();
  const page = (site: TestSite, path: string, html: string, type = 'text/html; charset=utf-8') => {
    pagePaths.add(path);
    site.routes.set(path, serve(html, type, { delayMs: t.pageDelayMs }));
  };
  const storyAt = (site: TestSite, n: number, path: string, outlet: string) => {
    const s = story(n, path);
    page(site, path, articlePage(n, outlet, s));
    return s;
  };
  const A = (path: string) => a.origin + path;
  const B = (path: string) => b.origin + path;

  // A: one story per kind of feed, and the bad feeds
  const rssStories: Story[] = [storyAt(a, 1, '/news/1.html', 'Harbour Wire'), storyAt(a, 2, '/news/2.html', 'Harbour Wire'), story(90, '/private/90.html'), story(91, '/news/gone.html')];
  pagePaths.add('/private/90.html');
  a.routes.set('/private/90.html', serve(articlePage(90, 'Harbour Wire', story(90, '/private/90.html')), 'text/html'));
  let rssVersion = 1;
  const rssBody = () => rss('Harbour Wire', a.origin, rssStories);
  const rssHandler: Handler = (req, res, seen) => serve(rssBody(), 'application/rss+xml', { etag: `"rss-${rssVersion}"` })(req, res, seen);
  a.routes.set('/rss.xml', rssHandler);
  // the Atom feed also links story 1, which the RSS feed has: fetched once
  a.routes.set('/atom.xml', serve(atom('Harbour Wire', a.origin, [storyAt(a, 3, '/news/3.html', 'Harbour Wire'), storyAt(a, 4, '/news/4.html', 'Harbour Wire'), story(1, '/news/1.html')]), 'application/atom+xml', { lastModified: 'Tue, 02 Apr 2024 09:00:00 GMT' }));
  a.routes.set('/rdf.xml', serve(rdf('Harbour Wire', a.origin, [storyAt(a, 5, '/news/5.html', 'Harbour Wire')]), 'application/rdf+xml', { etag: '"rdf-1"' }));
  a.routes.set('/feed.json', serve(jsonFeed('Harbour Wire', a.origin, [storyAt(a, 6, '/news/6.html', 'Harbour Wire')]), 'application/feed+json', { etag: '"json-1"' }));
  a.routes.set('/sitemap-news.xml', serve(newsSitemap('Harbour Wire', a.origin, [storyAt(a, 7, '/news/7.html', 'Harbour Wire')]), 'application/xml', { etag: '"map-1"' }));
  a.routes.set('/old-feed.xml', status(301, '/moved/feed.xml'));
  a.routes.set('/moved/feed.xml', serve(rss('Harbour Wire', a.origin, [storyAt(a, 8, '/news/8.html', 'Harbour Wire')]), 'application/rss+xml', { etag: '"moved-1"' }));
  a.routes.set('/empty.xml', serve(rss('Harbour Wire', a.origin, []), 'application/rss+xml', { etag: '"empty-1"' }));
  a.routes.set('/blank.xml', serve('', 'application/rss+xml'));
  a.routes.set('/malformed.xml', serve(rss('Harbour Wire', a.origin, [story(92, '/news/92.html')]).slice(0, -60), 'application/rss+xml'));
  a.routes.set('/huge.xml', serve(rss('Harbour Wire', a.origin, Array.from({ length: Math.ceil(t.hugeBytes / 300) + 10 }, (_, i) => story(100 + i, `/news/h${i}.html`))), 'application/rss+xml'));
  a.routes.set('/slow.xml', serve(rss('Harbour Wire', a.origin, [story(93, '/news/93.html')]), 'application/rss+xml', { delayMs: t.slowMs }));
  a.routes.set('/broken.xml', status(500));
  a.routes.set('/private/feed.xml', serve(rss('Harbour Wire', a.origin, [story(94, '/news/94.html')]), 'application/rss+xml'));

  // B: its own story, a copy of A's story 2 under its own address, a French page, and an image where a page should be
  const b1 = storyAt(b, 9, '/world/9.html', 'Border Post');
  const dupStory = story(2, '/world/copy-of-2.html');
  page(b, dupStory.path, articlePage(2, 'Border Post', dupStory, paragraphs(2)));
  const fr: Story = { path: '/monde/frontiere.html', title: 'La frontière rouvre', date: '2024-04-02T08:00:00.000Z', summary: 'Le poste rouvre.' };
  page(b, fr.path, frenchPage());
  const img: Story = { path: '/world/photo.html', title: 'Photo', date: '2024-04-02T08:00:00.000Z', summary: 'A photo.' };
  b.routes.set(img.path, serve(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
  pagePaths.add(img.path);
  b.routes.set('/rss.xml', serve(rss('Border Post', b.origin, [b1, dupStory, fr, img]), 'application/rss+xml', { etag: '"b-1"' }));

  const feeds = [
    A('/rss.xml'), A('/atom.xml'), A('/rdf.xml'), A('/feed.json'), A('/sitemap-news.xml'), A('/old-feed.xml'), A('/empty.xml'),
    A('/blank.xml'), A('/malformed.xml'), A('/huge.xml'), A('/slow.xml'), A('/missing.xml'), A('/broken.xml'), A('/private/feed.xml'),
    B('/rss.xml'),
  ];
  return {
    a, b, feeds, pagePaths,
    storable: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => A(`/news/${n}.html`)).concat(B('/world/9.html')),
    duplicate: B(dupStory.path),
    french: B(fr.path),
    failures: [
      [A('/rss.xml'), A('/private/90.html'), 'robots'],
      [A('/rss.xml'), A('/news/gone.html'), 'not-found'],
      [A('/blank.xml'), A('/blank.xml'), 'empty'],
      [A('/malformed.xml'), A('/malformed.xml'), 'malformed'],
      [A('/huge.xml'), A('/huge.xml'), 'too-large'],
      [A('/slow.xml'), A('/slow.xml'), 'timeout'],
      [A('/missing.xml'), A('/missing.xml'), 'not-found'],
      [A('/broken.xml'), A('/broken.xml'), 'server-error'],
      [A('/private/feed.xml'), A('/private/feed.xml'), 'robots'],
      [B('/rss.xml'), B(img.path), 'content-type'],
    ],
    publish(n: number) {
      const s = storyAt(a, n, `/news/${n}.html`, 'Harbour Wire');
      rssStories.unshift(s);
      rssVersion++;
      return A(s.path);
    },
    close: async () => {
      await a.close();
      await b.close();
    },
  };
}
