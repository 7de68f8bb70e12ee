import assert from 'node:assert/strict';
import type { OpenedStore } from './conformance.js';
import { article } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

/**
 * The watcher's state (issue 18): feeds and their polls, failures by feed and reason, the URLs
 * that need no fetch, and each site's robots.txt and last request. Registered by
 * `storeConformance`, so SQLite and PostgreSQL answer alike.
 */
export function watchConformance(it: It): void {
  it('watch: feeds are added once, listed in order with their polls, and removed with their failures', async ({ store }) => {
    assert.deepEqual(await store.listFeeds(), []);
    assert.equal(await store.putFeed({ url: 'http://a.test/rss', title: 'Harbour Wire' }), 'added');
    assert.equal(await store.putFeed({ url: 'http://b.test/atom' }), 'added');
    assert.equal(await store.putFeed({ url: 'http://a.test/rss' }), 'unchanged', 'again: no second row, the title kept');
    assert.equal(await store.putFeed({ url: 'http://b.test/atom', title: 'Border Post' }), 'unchanged');
    let feeds = await store.listFeeds();
    assert.deepEqual(feeds.map((f) => [f.url, f.title, f.polls, f.failures, f.articles]), [
      ['http://a.test/rss', 'Harbour Wire', 0, 0, 0],
      ['http://b.test/atom', 'Border Post', 0, 0, 0],
    ]);
    assert.ok(!Number.isNaN(Date.parse(feeds[0].addedAt)));

    await store.recordPoll('http://a.test/rss', { at: '2024-04-02T10:00:00.000Z', outcome: 'ok', etag: '"v1"', lastModified: 'Tue, 02 Apr 2024 09:00:00 GMT', stored: 3 });
    await store.recordPoll('http://b.test/atom', { at: '2024-04-02T10:00:01.000Z', outcome: 'failed', reason: 'server-error', detail: 'HTTP 503' });
    await store.recordFetchFailure({ feed: 'http://b.test/atom', url: 'http://b.test/atom', reason: 'server-error', detail: 'HTTP 503', transient: true, at: '2024-04-02T10:00:01.000Z' });
    feeds = await store.listFeeds();
    assert.deepEqual(feeds[0], {
      url: 'http://a.test/rss', title: 'Harbour Wire', addedAt: feeds[0].addedAt, etag: '"v1"', lastModified: 'Tue, 02 Apr 2024 09:00:00 GMT',
      lastPollAt: '2024-04-02T10:00:00.000Z', lastSuccessAt: '2024-04-02T10:00:00.000Z', polls: 1, failures: 0, articles: 3,
    });
    assert.deepEqual(feeds[1].lastError, { reason: 'server-error', detail: 'HTTP 503', at: '2024-04-02T10:00:01.000Z' });
    assert.equal(feeds[1].failures, 1);
    assert.equal(feeds[1].lastSuccessAt, undefined);

    // a 304 keeps the validators; a later success clears the error
    await store.recordPoll('http://a.test/rss', { at: '2024-04-02T10:15:00.000Z', outcome: 'not-modified' });
    await store.recordPoll('http://b.test/atom', { at: '2024-04-02T10:15:00.000Z', outcome: 'ok', stored: 1 });
    feeds = await store.listFeeds();
    assert.deepEqual([feeds[0].etag, feeds[0].lastSuccessAt, feeds[0].polls, feeds[0].articles], ['"v1"', '2024-04-02T10:15:00.000Z', 2, 3]);
    assert.deepEqual([feeds[1].lastError, feeds[1].etag, feeds[1].polls, feeds[1].articles, feeds[1].failures], [undefined, undefined, 2, 1, 1]);

    await assert.rejects(store.recordPoll('http://nowhere.test/rss', { at: '2024-04-02T10:00:00.000Z', outcome: 'not-modified' }), /no feed http:\/\/nowhere\.test\/rss/);
    assert.equal(await store.removeFeed('http://b.test/atom'), true);
    assert.equal(await store.removeFeed('http://b.test/atom'), false);
    assert.deepEqual((await store.listFeeds()).map((f) => f.url), ['http://a.test/rss']);
    assert.deepEqual(await store.listFetchFailures({ feed: 'http://b.test/atom' }), [], 'its failures went with it');
  });

  it('watch: failures are listed newest first, by feed; seenUrls knows stored, skipped and failed URLs', async ({ store }) => {
    const a = article(60, { url: 'http://a.test/final/60' }, 'http://a.test/news/60');
    assert.equal(await store.putArticle(a), 'stored');
    await store.recordSkip({ skipped: true, reason: 'not-english', origin: 'http://a.test/news/fr', detail: 'French' });
    const fail = (url: string, reason: string, transient: boolean, at: string) => store.recordFetchFailure({ feed: 'http://a.test/rss', url, reason, detail: `${reason} at ${url}`, transient, at });
    await fail('http://a.test/private/1', 'robots', false, '2024-04-02T10:00:00.000Z');
    await fail('http://a.test/slow/1', 'timeout', true, '2024-04-02T10:00:01.000Z');
    await fail('http://a.test/slow/2', 'timeout', true, '2024-04-02T10:00:02.000Z');
    await fail('http://a.test/slow/2', 'server-error', true, '2024-04-02T10:15:02.000Z');
    await store.recordFetchFailure({ feed: 'http://c.test/feed', url: 'http://c.test/feed', reason: 'not-found', detail: 'HTTP 404', transient: false, at: '2024-04-02T10:16:00.000Z' });

    const all = await store.listFetchFailures();
    assert.deepEqual(all.map((f) => [f.url, f.reason, f.transient]), [
      ['http://c.test/feed', 'not-found', false],
      ['http://a.test/slow/2', 'server-error', true],
      ['http://a.test/slow/2', 'timeout', true],
      ['http://a.test/slow/1', 'timeout', true],
      ['http://a.test/private/1', 'robots', false],
    ]);
    assert.deepEqual(all[4], { feed: 'http://a.test/rss', url: 'http://a.test/private/1', reason: 'robots', detail: 'robots at http://a.test/private/1', transient: false, at: '2024-04-02T10:00:00.000Z' });
    assert.deepEqual((await store.listFetchFailures({ feed: 'http://a.test/rss', limit: 2 })).map((f) => f.reason), ['server-error', 'timeout']);

    const asked = ['http://a.test/news/60', 'http://a.test/final/60', 'http://a.test/news/fr', 'http://a.test/private/1', 'http://a.test/slow/1', 'http://a.test/slow/2', 'http://a.test/new/1'];
    assert.deepEqual([...(await store.seenUrls(asked))].sort(), ['http://a.test/final/60', 'http://a.test/news/60', 'http://a.test/news/fr', 'http://a.test/private/1']);
    assert.deepEqual([...(await store.seenUrls(asked, { maxTransient: 2 }))].sort(), ['http://a.test/final/60', 'http://a.test/news/60', 'http://a.test/news/fr', 'http://a.test/private/1', 'http://a.test/slow/2']);
    assert.deepEqual([...(await store.seenUrls([]))], []);
    const many = Array.from({ length: 1200 }, (_, i) => `http://a.test/many/${i}`).concat('http://a.test/news/60');
    assert.deepEqual([...(await store.seenUrls(many))], ['http://a.test/news/60'], 'a long list is asked in parts');
  });

  it('watch: a site keeps its robots.txt answer and its latest request time', async ({ store }) => {
    assert.equal(await store.getSite('http://a.test'), undefined);
    await store.noteSiteRequest('http://a.test', '2024-04-02T10:00:00.500Z');
    assert.deepEqual(await store.getSite('http://a.test'), { origin: 'http://a.test', lastRequestAt: '2024-04-02T10:00:00.500Z' });
    await store.putSiteRobots('http://a.test', { txt: 'User-agent: *\nDisallow: /private/\n', status: 200, at: '2024-04-02T10:00:01.000Z' });
    await store.noteSiteRequest('http://a.test', '2024-04-02T10:00:02.000Z');
    await store.noteSiteRequest('http://a.test', '2024-04-02T10:00:01.000Z'); // an older note from a slower watcher
    assert.deepEqual(await store.getSite('http://a.test'), {
      origin: 'http://a.test', robotsTxt: 'User-agent: *\nDisallow: /private/\n', robotsStatus: 200, robotsFetchedAt: '2024-04-02T10:00:01.000Z', lastRequestAt: '2024-04-02T10:00:02.000Z',
    });
    await store.putSiteRobots('http://a.test', { status: 503, at: '2024-04-02T11:00:00.000Z' });
    const s = await store.getSite('http://a.test');
    assert.deepEqual([s?.robotsTxt, s?.robotsStatus, s?.lastRequestAt], [undefined, 503, '2024-04-02T10:00:02.000Z']);
  });
}
