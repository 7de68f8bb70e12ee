import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { userAgent } from '../../src/fetch/index.js';
import { watchRound, type RoundOptions } from '../../src/watch/index.js';
import { mostInWindow, serve, startSite, type Seen } from '../fetch/_server.js';
import { rss } from '../feeds/_documents.js';
import { articlePage, story } from './_news.js';
import { ROBOTS, startNewsSites } from './_sites.js';

const UA = userAgent('watch-test@news-reader.example');

function tempStore(): { store: Store; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'entente-watch-'));
  const store = openSqliteStore(join(dir, 'w.db'));
  return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Quick settings for tests: a high rate, a short time limit, short back-off. */
function options(store: Store, over: Partial<RoundOptions['fetch']> = {}): RoundOptions {
  return { store, threads: 0, fetch: { userAgent: UA, agentToken: 'entente', perSecond: 100, concurrency: 4, timeoutMs: 250, retries: 1, backoffMs: 20, maxBytes: 64 * 1024, ...over } };
}

const feedsOf = (urls: string[]) => urls.map((url) => ({ url }));
const pageRequests = (seen: Seen[], pages: Set<string>) => seen.filter((s) => pages.has(s.path));

test('watch --once: feeds of every kind store exactly the new allowed articles, each once, every failure recorded by feed and reason; a second round fetches nothing unchanged', async () => {
  const sites = await startNewsSites({ slowMs: 800, hugeBytes: 64 * 1024 });
  const { store, dispose } = tempStore();
  try {
    const one = await watchRound(feedsOf(sites.feeds), options(store));
    const origins = (await store.listArticles({ limit: 100 })).flatMap((a) => a.origins).sort();
    assert.deepEqual(origins, [...sites.storable, sites.duplicate, sites.french].sort(), 'the allowed articles (the French one too), and the copy under its own address as another origin of the same article');
    assert.equal((await store.stats()).articles, sites.storable.length + 1, 'the copy from another outlet is not a second article');
    assert.deepEqual(
      { stored: one.stored, unchanged: one.unchanged, skipped: one.skipped, failed: one.failed, failedFeeds: one.failedFeeds, notModified: one.notModified },
      { stored: 10, unchanged: 1, skipped: 0, failed: 3, failedFeeds: 7, notModified: 0 },
    );
    // a page in another language is stored with its body and metadata, marked by its language, not coded (issue 18)
    assert.deepEqual(await store.listSkipped(), []);
    const frId = (await store.listArticles({ limit: 100 })).find((a) => a.origins.includes(sites.french))!.id;
    const fr = (await store.getArticle(frId))!;
    assert.match(fr.text, /Le gouvernement de Valdoria a rouvert mardi le poste-frontière/);
    assert.deepEqual([fr.meta.language?.value, fr.meta.title?.value, fr.meta.fetchedFrom?.value], ['other', 'La frontière rouvre', sites.french]);
    assert.match(fr.meta.language!.evidence!, /french/i);
    assert.deepEqual([fr.events.length, fr.quotes.length, fr.spans.mentions.length], [0, 0, 0], 'not coded');
    const failures = (await store.listFetchFailures()).map((f) => [f.feed, f.url, f.reason] as [string, string, string]);
    assert.deepEqual(failures.sort(), [...sites.failures].sort(), 'each failure once, by feed and reason');
    assert.deepEqual(one.failuresByReason, { robots: 2, 'not-found': 2, empty: 1, malformed: 1, 'too-large': 1, timeout: 1, 'server-error': 1, 'content-type': 1 });

    // the article keeps where it came from
    const a1 = (await store.listArticles({ limit: 100 })).find((a) => a.origins.includes(sites.storable[0]))!;
    const full = (await store.getArticle(a1.id))!;
    assert.equal(full.meta.fetchedFrom?.value, sites.storable[0]);
    assert.equal(full.meta.url?.value, sites.storable[0]);
    assert.ok(Date.parse(full.meta.fetchedAt!.value) > Date.now() - 60_000);
    assert.equal(full.meta.title?.value, story(1, '').title, "the feed's title");
    assert.equal(full.meta.summary?.value, story(1, '').summary);
    const moved = (await store.getArticle((await store.listArticles({ limit: 100 })).find((a) => a.origins.includes(sites.storable[7]))!.id))!;
    assert.equal(moved.meta.fetchedFrom?.value, sites.storable[7]);

    // every page was asked for once; nothing disallowed was; the feeds' feed entries shared by two feeds once
    const pages = [...pageRequests(sites.a.seen, sites.pagePaths), ...pageRequests(sites.b.seen, sites.pagePaths)];
    const perPath = new Map<string, number>();
    for (const p of pages) perPath.set(p.host + p.path, (perPath.get(p.host + p.path) ?? 0) + 1);
    assert.ok([...perPath.values()].every((n) => n === 1), JSON.stringify([...perPath]));
    assert.ok(![...sites.a.seen, ...sites.b.seen].some((s) => s.path.startsWith('/private/')), 'no disallowed path was ever requested');

    // round 2: the feeds with validators answer 304; no page is fetched again
    const before = { a: sites.a.seen.length, b: sites.b.seen.length };
    const two = await watchRound(feedsOf(sites.feeds), options(store));
    const again = [...sites.a.seen.slice(before.a), ...sites.b.seen.slice(before.b)];
    assert.deepEqual(pageRequests(again, sites.pagePaths), [], 'no page fetched twice');
    const validated = again.filter((s) => s.ifNoneMatch || s.ifModifiedSince);
    assert.deepEqual(validated.map((s) => [s.path, s.status]).sort(), [
      ['/atom.xml', 304], ['/empty.xml', 304], ['/feed.json', 304], ['/moved/feed.xml', 304], ['/old-feed.xml', 301], ['/rdf.xml', 304], ['/rss.xml', 304], ['/rss.xml', 304], ['/sitemap-news.xml', 304],
    ]);
    assert.deepEqual([two.stored, two.unchanged, two.skipped, two.failed, two.notModified, two.fresh], [0, 0, 0, 0, 8, 0]);
    assert.equal((await store.stats()).articles, sites.storable.length + 1);

    // round 3: a story published on A's RSS feed is the only page fetched
    const added = sites.publish(11);
    const mark = sites.a.seen.length;
    const three = await watchRound(feedsOf(sites.feeds), options(store));
    assert.deepEqual(pageRequests(sites.a.seen.slice(mark), sites.pagePaths).map((s) => s.path), ['/news/11.html']);
    assert.deepEqual([three.stored, three.fresh], [1, 1]);
    assert.ok((await store.listArticles({ limit: 100 })).some((a) => a.origins.includes(added)));

    const feeds = await store.listFeeds();
    const rssFeed = feeds.find((f) => f.url === sites.feeds[0])!;
    assert.deepEqual([rssFeed.etag, rssFeed.articles, rssFeed.polls, rssFeed.failures], ['"rss-2"', 3, 3, 2]);
    const broken = feeds.find((f) => f.url.endsWith('/broken.xml'))!;
    assert.deepEqual([broken.lastError?.reason, broken.lastSuccessAt, broken.failures], ['server-error', undefined, 3]);
    assert.ok([...sites.a.seen, ...sites.b.seen].every((s) => s.userAgent === UA), 'the User-Agent on every request');
  } finally {
    await dispose();
    await sites.close();
  }
});

test('watch: politeness measured by the sites: at most perSecond requests a second and concurrency at once per site, never a disallowed path, the User-Agent on every request', async () => {
  const make = async (first: number) => {
    const site = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain') });
    const stories = Array.from({ length: 6 }, (_, i) => story(first + i, i === 2 ? `/private/${i}.html` : `/news/${i}.html`));
    for (const [i, s] of stories.entries()) site.routes.set(s.path, serve(articlePage(first + i, 'Harbour Wire', s), 'text/html', { delayMs: 100 }));
    site.routes.set('/rss.xml', serve(rss('Harbour Wire', site.origin, stories), 'application/rss+xml'));
    return site;
  };
  const [one, two] = [await make(20), await make(30)];
  const { store, dispose } = tempStore();
  try {
    const sum = await watchRound(feedsOf([`${one.origin}/rss.xml`, `${two.origin}/rss.xml`]), options(store, { perSecond: 3, concurrency: 1 }));
    assert.deepEqual([sum.stored, sum.failed], [10, 2]);
    for (const site of [one, two]) {
      assert.equal(site.seen.length, 7, 'robots.txt, the feed and 5 allowed pages');
      assert.ok(mostInWindow(site.seen, 1000) <= 3, `at most 3 requests in any second at ${site.origin}, saw ${mostInWindow(site.seen, 1000)}`);
      assert.equal(Math.max(...site.seen.map((s) => s.inFlight)), 1, 'one at a time');
      assert.ok(!site.seen.some((s) => s.path.startsWith('/private/')));
      assert.ok(site.seen.every((s) => s.userAgent === UA));
    }
    // the two sites were served side by side, not one after the other
    const end = (s: Seen[]) => Math.max(...s.map((x) => x.at));
    const start = (s: Seen[]) => Math.min(...s.map((x) => x.at));
    assert.ok(start(two.seen) < end(one.seen) && start(one.seen) < end(two.seen));
  } finally {
    await dispose();
    await one.close();
    await two.close();
  }
});
