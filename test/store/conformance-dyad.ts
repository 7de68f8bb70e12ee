import assert from 'node:assert/strict';
import { inDyadView } from '../../src/store/index.js';
import type { DyadViewFilter, KeyedEvent, Store, StoredEvent } from '../../src/store/types.js';
import type { OpenedStore } from './conformance.js';
import { article, withEvents } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

const CODES = ['042', '1121', '141', '190'] as const;

/**
 * 24 articles from two outlets, 2019–2023, each with events FRA→DEU and DEU→FRA (one negated, one
 * undated, one between others) of four codes: what the explorer's pages are checked against.
 */
async function fill(store: Store): Promise<void> {
  for (let i = 0; i < 24; i++) {
    const day = `${2019 + (i % 5)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    const a = article(200 + i, { date: day, source: i % 3 ? 'Wire One' : 'Wire Two' });
    await store.putArticle(withEvents(a, [
      { source: 'FRA', target: 'DEU', code: CODES[i % 4], date: day },
      { source: 'DEUGOV', target: 'FRA', code: CODES[(i + 1) % 4], date: day },
      { source: 'FRA', target: 'DEU', code: '190', date: day, negated: true },
      { source: 'FRA', target: 'DEU', code: '042' },
      { source: 'ESP', target: 'DEU', code: '042', date: day },
      // several a day: the row id orders events of one day
      { source: 'DEU', target: 'FRA', code: CODES[i % 4], date: day },
    ]));
  }
}

/** Walks every page older, then back newer from the last; returns the rows in page order. */
async function walk(store: Store, f: DyadViewFilter, limit: number): Promise<{ older: KeyedEvent[][]; newer: KeyedEvent[][] }> {
  const older: KeyedEvent[][] = [];
  let page = await store.dyadEvents(f, { limit });
  older.push(page.items);
  if (page.items.length === 0) return { older, newer: older };
  while (page.more) {
    page = await store.dyadEvents(f, { limit, before: page.items[page.items.length - 1].key });
    older.push(page.items);
  }
  const newer: KeyedEvent[][] = [older[older.length - 1]];
  for (;;) {
    const next = await store.dyadEvents(f, { limit, after: newer[newer.length - 1][0].key });
    if (next.items.length === 0) break;
    newer.push(next.items);
    if (!next.more) break;
  }
  return { older, newer: newer.reverse() };
}

const id = (e: StoredEvent) => `${e.articleId}#${e.index}`;

/**
 * The dyad explorer's keyset paging (issue 19): a dyad's dated, not negated events newest first,
 * paged by (date, row id) in both directions, filtered as `inDyadView` filters; registered by
 * `storeConformance`.
 */
export function dyadConformance(it: It): void {
  it('dyad explorer: keyset pages walk every event of the view once, newest first, older and back newer', async ({ store }) => {
    await fill(store);
    const everything = await store.listEvents({ negated: true });
    const views: DyadViewFilter[] = [
      { dyad: ['FRA', 'DEU'] },
      { dyad: ['FRA', 'DEU'], undirected: true },
      { dyad: ['DEU', 'FRA'], undirected: true, from: '2020-03-01', to: '2022-10-31' },
      { dyad: ['FRA', 'DEU'], undirected: true, quad: 4 },
      { dyad: ['FRA', 'DEU'], undirected: true, code: '14' },
      { dyad: ['FRA', 'DEU'], undirected: true, outlet: 'Wire Two', minConfidence: 0.6 },
      { dyad: ['FRA', 'FRA'], undirected: true },
    ];
    for (const f of views) {
      const want = everything.filter((e) => inDyadView(e, f)).map(id).sort();
      assert.equal(await store.countDyadEvents(f), want.length, `count of ${JSON.stringify(f)}`);
      const { older, newer } = await walk(store, f, 7);
      const flat = older.flat();
      assert.deepEqual(flat.map(id).sort(), want, `pages of ${JSON.stringify(f)}: none twice, none missing`);
      for (let i = 1; i < flat.length; i++) {
        const [p, q] = [flat[i - 1].key, flat[i].key];
        assert.ok(p.date > q.date || (p.date === q.date && BigInt(p.id) > BigInt(q.id)), `newest first: ${JSON.stringify(p)} before ${JSON.stringify(q)}`);
        assert.equal(flat[i].date, q.date);
      }
      assert.deepEqual(newer.map((p) => p.map(id)), older.map((p) => p.map(id)), `reading newer gives the same pages back: ${JSON.stringify(f)}`);
    }
    const both = await walk(store, { dyad: ['FRA', 'DEU'], undirected: true }, 10);
    assert.ok(both.older.length >= 5, `${both.older.length} pages`);
    assert.ok(both.older.flat().some((e) => e.sourceCountry === 'DEU') && both.older.flat().every((e) => !e.negated && e.date));
  });

  it('dyad explorer: events stored after a page was read do not shift the next pages', async ({ store }) => {
    await fill(store);
    const f: DyadViewFilter = { dyad: ['FRA', 'DEU'], undirected: true };
    const first = await store.dyadEvents(f, { limit: 5 });
    // a newer and an older article arrive between two page reads
    await store.putArticle(withEvents(article(300, { date: '2030-01-01' }), [{ source: 'FRA', target: 'DEU', code: '042', date: '2030-01-01' }]));
    await store.putArticle(withEvents(article(301, { date: '2001-01-01' }), [{ source: 'DEU', target: 'FRA', code: '042', date: '2001-01-01' }]));
    const seen = [...first.items];
    let page = first;
    while (page.more) {
      page = await store.dyadEvents(f, { limit: 5, before: page.items[page.items.length - 1].key });
      seen.push(...page.items);
    }
    const ids = seen.map(id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    assert.equal(ids.length, (await store.countDyadEvents(f)) - 1, 'every event but the newer one, which lies before the first page');
    assert.equal(seen[seen.length - 1].date, '2001-01-01');
    const back = await store.dyadEvents(f, { limit: 5, after: first.items[0].key });
    assert.deepEqual(back.items.map((e) => e.date), ['2030-01-01'], 'reading newer from the first page finds it');
    assert.equal(back.more, false);
  });
}
