import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/pipeline/ingest.js';
import type { Article } from '../../src/model/article.js';
import type { Store } from '../../src/store/types.js';
import { corpusTotals, writeCorpus, type Corpus } from '../_corpus.js';
import type { OpenedStore, StoreHarness } from './conformance.js';
import { article, withEvents } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

/** What a store holds, counted through its own interface. */
export async function holdings(store: Store) {
  const ids = (await store.listArticles({ limit: 1_000_000 })).map((a) => a.id).sort();
  return { articles: (await store.stats()).articles, events: await store.countEvents({ negated: true }), quotes: await store.countQuotes(), ids };
}

/** The same store with `putArticles` replaced, or taken away with `undefined` (a single-article writer). */
export function withPutArticles(store: Store, putArticles: Store['putArticles']): Store {
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'putArticles') return putArticles;
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * The batch write (`putArticles`) and `ingest` through it: registered by `storeConformance`, so
 * both stores answer them. Counts are checked against the same corpus ingested one article at a
 * time into a second fresh store, and against the articles as analysed here.
 */
export function batchConformance(it: It, harness: StoreHarness): void {
  it('putArticles says for each article what putArticle would, the same story twice in one batch included', async ({ store }) => {
    assert.ok(store.putArticles, 'the store writes a batch in one transaction');
    const [a, b, c] = [article(80), withEvents(article(81), [{ source: 'FRA', target: 'DEU', code: '042' }]), article(82)];
    assert.deepEqual(await store.putArticles([a, b, { ...a, origin: 'copy-of-a80.txt' }]), ['stored', 'stored', 'unchanged']);
    assert.deepEqual(await store.putArticles([c, b]), ['stored', 'unchanged']);
    assert.deepEqual(await store.putArticles([]), []);
    for (const x of [a, b, c]) assert.deepEqual(await store.getArticle(x.id), x);
    assert.deepEqual((await store.listArticles()).find((s) => s.id === a.id)?.origins, ['a80.txt', 'copy-of-a80.txt']);
    assert.deepEqual(await holdings(store), {
      articles: 3,
      events: a.events.length + b.events.length + c.events.length,
      quotes: a.quotes.length + b.quotes.length + c.quotes.length,
      ids: [a.id, b.id, c.id].sort(),
    });
  });

  it('putArticles is all or none: one bad article leaves no trace of the batch', async ({ store }) => {
    const good = [article(83), withEvents(article(84), [{ source: 'FRA', target: 'DEU', code: '042' }])];
    const bad: Article = { ...good[1], events: [{ ...good[1].events[0], code: null as unknown as string }] };
    await assert.rejects(store.putArticles!([good[0], bad, good[1]]));
    assert.deepEqual(await holdings(store), { articles: 0, events: 0, quotes: 0, ids: [] });
    assert.deepEqual(await store.putArticles!(good), ['stored', 'stored'], 'the failed batch left nothing in the way');
  });

  it('ingest through the batch write stores what a single-article ingest stores, articles analysed in a thread or inline', async ({ store }) => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-batch-'));
    const single = await harness.fresh();
    try {
      // 130 stories, cut every 50 by a broken line, then repeats: groups of many articles and of one
      const corpus: Corpus = writeCorpus(dir, 130, { badEvery: 50 });
      // packed by an analysis thread into the batch write; inline, one article at a time, into the other store
      const batched = await ingest([corpus.file], { store, threads: 1, maxBytes: 1 << 20 });
      const one = await ingest([corpus.file], { store: withPutArticles(single.store, undefined), threads: 0, maxBytes: 1 << 20 });
      const want = corpusTotals(corpus);
      for (const s of [batched, one]) assert.deepEqual([s.stored, s.unchanged, s.skipped], [want.articles, corpus.duplicates, corpus.bad]);
      const got = await holdings(store);
      assert.deepEqual(got, await holdings(single.store));
      assert.deepEqual(got, { ...want, ids: [...corpus.articles.keys()].sort() });
      assert.ok(want.events > 0 && want.quotes > 0, 'the corpus has events and quotes to lose');
    } finally {
      await single.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
