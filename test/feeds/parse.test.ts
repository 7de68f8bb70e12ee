import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFeedProblem, parseFeed, readFeedList, type ParsedFeed } from '../../src/feeds/index.js';
import { atom, jsonFeed, newsSitemap, opml, rdf, rss, type Story } from './_documents.js';

const BASE = 'http://news.test';
const STORIES: Story[] = [
  { path: '/world/talks-resume', title: 'Talks <resume> in Valdoria & Ostrava', date: '2024-04-02T10:15:00.000Z', summary: 'Envoys of the two states met again.' },
  { path: '/world/border-reopens', title: 'Border reopens', date: '2024-04-03T08:00:00.000Z', summary: 'The crossing opened at dawn.' },
];
const WANT = STORIES.map((s) => ({ link: BASE + s.path, title: s.title, date: s.date, summary: s.summary }));

function feed(x: ReturnType<typeof parseFeed>): ParsedFeed {
  assert.ok(!isFeedProblem(x), JSON.stringify(x));
  return x;
}

test('feeds: RSS 2.0, Atom, RDF and JSON Feed give each entry its link, plain title, ISO date and summary', () => {
  for (const [format, text] of [
    ['rss', rss('Harbour Wire', BASE, STORIES)],
    ['atom', atom('Harbour Wire', BASE, STORIES)],
    ['rdf', rdf('Harbour Wire', BASE, STORIES)],
    ['json', jsonFeed('Harbour Wire', BASE, STORIES)],
  ] as const) {
    const f = feed(parseFeed(text, `${BASE}/feed`));
    assert.equal(f.format, format);
    assert.equal(f.title, 'Harbour Wire', format);
    assert.deepEqual(f.entries, WANT, format);
    assert.equal(f.dropped, 0);
  }
});

test('feeds: a Google News sitemap gives its locations, news titles and publication dates', () => {
  const f = feed(parseFeed(newsSitemap('Harbour Wire', BASE, STORIES), `${BASE}/sitemap-news.xml`));
  assert.equal(f.format, 'news-sitemap');
  assert.deepEqual(f.entries, WANT.map(({ summary: _s, ...e }) => e));
  const plain = feed(parseFeed('<urlset><url><loc>/a</loc><lastmod>2024-04-01</lastmod></url><url><loc>mailto:x@y.z</loc></url></urlset>', `${BASE}/s.xml`));
  assert.deepEqual([plain.format, plain.entries], ['sitemap', [{ link: `${BASE}/a`, date: '2024-04-01T00:00:00.000Z' }]]);
  const index = parseFeed('<sitemapindex><sitemap><loc>http://news.test/s1.xml</loc></sitemap></sitemapindex>', `${BASE}/index.xml`);
  assert.ok(isFeedProblem(index) && index.problem === 'not-a-feed' && /sitemap index/.test(index.detail));
});

test('feeds: relative links are made absolute, a permalink guid stands in for a link, repeats and linkless entries are left out', () => {
  const text = `<rss version="2.0"><channel><title>T</title>
    <item><title>A</title><link>/a?x=1#top</link><pubDate>not a date</pubDate></item>
    <item><title>B</title><guid>http://news.test/b</guid></item>
    <item><title>C</title><guid isPermaLink="false">urn:c</guid></item>
    <item><title>A again</title><link>http://news.test/a?x=1</link></item>
    <item><title>D</title><link>javascript:alert(1)</link></item></channel></rss>`;
  const f = feed(parseFeed(text, 'http://news.test/feeds/main.xml'));
  assert.deepEqual(f.entries, [{ link: 'http://news.test/a?x=1', title: 'A' }, { link: 'http://news.test/b', title: 'B' }]);
  assert.equal(f.dropped, 2);
});

test('feeds: an empty document, a web page, garbage and broken XML are problems that say which', () => {
  const problem = (text: string) => {
    const x = parseFeed(text, `${BASE}/f`);
    return isFeedProblem(x) ? x.problem : `feed of ${x.entries.length}`;
  };
  assert.equal(problem(''), 'empty');
  assert.equal(problem('  \n '), 'empty');
  assert.equal(problem('<!doctype html><html><body><p>Hello</p></body></html>'), 'not-a-feed');
  assert.equal(problem('%PDF-1.4 binary'), 'not-a-feed');
  assert.equal(problem('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss><junk'), 'malformed');
  // a valid feed with no entries is a feed, not a failure
  assert.equal(problem('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'), 'feed of 0');
  assert.equal(problem(rss('T', BASE, STORIES).slice(0, -40)), 'malformed', 'cut off inside an item');
});

test('feeds: a feed list is OPML (folders too) or one URL a line with an optional name; bad lines are named', () => {
  const feeds = [{ url: 'http://a.test/rss', title: 'Harbour Wire' }, { url: 'http://b.test/atom.xml', title: 'Border & Post' }];
  assert.deepEqual(readFeedList(opml(feeds)), { feeds, problems: [] });
  const text = '# my feeds\n\nhttp://a.test/rss Harbour Wire\n  https://b.test/atom.xml\nftp://c.test/x\nhttp://a.test/rss#again\n';
  assert.deepEqual(readFeedList(text), {
    feeds: [{ url: 'http://a.test/rss', title: 'Harbour Wire' }, { url: 'https://b.test/atom.xml' }],
    problems: [{ line: 5, detail: '"ftp://c.test/x" is not an http(s) URL' }],
  });
});
