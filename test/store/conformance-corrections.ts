import assert from 'node:assert/strict';
import { correctionKey, eventTarget, quoteTarget } from '../../src/store/index.js';
import type { Store, StoredEvent } from '../../src/store/types.js';
import { topDyads } from '../../src/relations/index.js';
import type { OpenedStore } from './conformance.js';
import { article, withEvents } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

/** Two articles: FRA→DEU twice and DEU→FRA once in the first, FRA→DEU once in the second. */
async function fill(store: Store) {
  const a = withEvents(article(301, { date: '2024-02-01', source: 'Wire One' }), [
    { source: 'FRA', target: 'DEU', code: '042', date: '2024-02-01' },
    { source: 'FRA', target: 'DEU', code: '190', date: '2024-02-02' },
    { source: 'DEU', target: 'FRA', code: '1121', date: '2024-02-03' },
  ]);
  const b = withEvents(article(302, { date: '2024-03-01', source: 'Wire Two' }), [{ source: 'FRA', target: 'DEU', code: '042', date: '2024-03-01' }]);
  await store.putArticle(a);
  await store.putArticle(b);
  return { a, b };
}

const wrong = (e: StoredEvent, reason = 'the source is the reporter, not France') => ({ ...eventTarget(e), verdict: 'wrong' as const, reason, at: '2024-05-01T10:00:00.000Z' });
const ids = (es: StoredEvent[]) => es.map((e) => `${e.code}@${e.date}`);

/**
 * Analysts' corrections (issue 19): stored under a key a re-ingest gives again, one verdict per
 * item, listed and filtered; events marked wrong leave every read that feeds relations and
 * exports but stay on the explorer's pages, marked. Registered by `storeConformance`.
 */
export function correctionConformance(it: It): void {
  it('corrections: an event marked wrong leaves listEvents, countEvents and eventsInSnapshot, and comes back when undone', async ({ store }) => {
    await fill(store);
    const all = await store.listEvents();
    assert.equal(all.length, 4);
    const strike = all.find((e) => e.code === '190')!;
    const put = await store.putCorrection(wrong(strike));
    assert.equal(put.key, correctionKey(eventTarget(strike)));
    assert.match(put.key, /^event:[0-9a-f]+:\d+-\d+:FRA>DEU:190$/);
    assert.deepEqual(ids(await store.listEvents()), ['042@2024-02-01', '1121@2024-02-03', '042@2024-03-01']);
    assert.equal(await store.countEvents(), 3);
    assert.equal(await store.countEvents({ negated: true }), 3, 'negated or not, a wrong event is out');
    const snap: StoredEvent[] = [];
    for await (const e of store.eventsInSnapshot({ dyad: ['FRA', 'DEU'] })) snap.push(e);
    assert.deepEqual(ids(snap), ['042@2024-02-01', '042@2024-03-01']);
    assert.deepEqual(topDyads(await store.listEvents()).map((d) => [d.source, d.target, d.events]), [['FRA', 'DEU', 2], ['DEU', 'FRA', 1]]);
    const withWrong = await store.listEvents({ wrong: true });
    assert.equal(withWrong.length, 4, 'asked for, it is there');
    assert.deepEqual(withWrong.find((e) => e.code === '190')!.correction, put);
    assert.equal(await store.removeCorrection(put.key), true);
    assert.equal(await store.removeCorrection(put.key), false, 'gone already');
    assert.equal((await store.listEvents()).length, 4);
  });

  it('corrections: an event confirmed right stays, carrying its correction; a later verdict replaces the earlier', async ({ store }) => {
    await fill(store);
    const e = (await store.listEvents()).find((x) => x.code === '1121')!;
    await store.putCorrection({ ...eventTarget(e), verdict: 'right', reason: '', at: '2024-05-01T10:00:00.000Z', by: 'ana' });
    const back = (await store.listEvents()).find((x) => x.code === '1121')!;
    assert.deepEqual(back.correction, { ...eventTarget(e), key: correctionKey(eventTarget(e)), verdict: 'right', reason: '', at: '2024-05-01T10:00:00.000Z', by: 'ana' });
    await store.putCorrection(wrong(e, 'Germany did not ask'));
    assert.equal(await store.countCorrections(), 1, 'one verdict per item');
    assert.equal((await store.listCorrections())[0].verdict, 'wrong');
    assert.equal((await store.listEvents()).some((x) => x.code === '1121'), false);
  });

  it('corrections: the explorer pages keep an event marked wrong, marked, and count it', async ({ store }) => {
    await fill(store);
    const e = (await store.listEvents()).find((x) => x.code === '190')!;
    await store.putCorrection(wrong(e));
    const page = await store.dyadEvents({ dyad: ['FRA', 'DEU'] }, { limit: 10 });
    assert.deepEqual(page.items.map((x) => [x.code, x.correction?.verdict ?? null]), [['042', null], ['190', 'wrong'], ['042', null]]);
    assert.equal(await store.countDyadEvents({ dyad: ['FRA', 'DEU'] }), 3);
  });

  it('corrections: a quote marked wrong is still listed, with its correction', async ({ store }) => {
    await fill(store);
    const quotes = await store.listQuotes();
    assert.ok(quotes.length > 0, 'the fixture has quotes');
    const q = quotes[0];
    const c = await store.putCorrection({ ...quoteTarget(q), verdict: 'wrong', reason: 'not a quote: a headline', at: '2024-05-02T00:00:00.000Z' });
    assert.equal(c.key, `quote:${q.articleId}:${q.start}-${q.end}`);
    const again = await store.listQuotes();
    assert.equal(again.length, quotes.length);
    assert.deepEqual(again[0].correction, c);
    assert.equal(again.filter((x) => x.correction).length, 1);
  });

  it('corrections: listed newest first, filtered by kind, verdict and article, counted and paged; bad ones refused', async ({ store }) => {
    const { a } = await fill(store);
    const events = await store.listEvents();
    const q = (await store.listQuotes())[0];
    await store.putCorrection({ ...wrong(events[0]), at: '2024-05-01T00:00:00.000Z' });
    await store.putCorrection({ ...eventTarget(events[3]), verdict: 'right', reason: 'checked', at: '2024-05-03T00:00:00.000Z' });
    await store.putCorrection({ ...quoteTarget(q), verdict: 'right', reason: '', at: '2024-05-02T00:00:00.000Z' });
    assert.deepEqual((await store.listCorrections()).map((c) => c.at.slice(0, 10)), ['2024-05-03', '2024-05-02', '2024-05-01']);
    assert.equal(await store.countCorrections({ kind: 'event' }), 2);
    assert.equal(await store.countCorrections({ verdict: 'right' }), 2);
    assert.deepEqual((await store.listCorrections({ articleId: a.id, kind: 'event' })).map((c) => c.verdict), ['wrong']);
    assert.deepEqual((await store.listCorrections({ limit: 1, offset: 1 })).map((c) => c.kind), ['quote']);
    await assert.rejects(store.putCorrection({ ...eventTarget(events[0]), verdict: 'wrong', reason: '  ', at: '2024-05-01T00:00:00.000Z' }), /needs a reason/);
    await assert.rejects(store.putCorrection({ ...eventTarget(events[0]), verdict: 'maybe' as 'wrong', reason: 'x', at: '2024-05-01T00:00:00.000Z' }), /verdict/);
    assert.equal(await store.countCorrections(), 3);
  });

  it('corrections: kept when the same article is ingested again, and applied to a store that ingests it after the correction', async ({ store, reopen }) => {
    const { a } = await fill(store);
    const e = (await store.listEvents()).find((x) => x.code === '190')!;
    await store.putCorrection(wrong(e));
    assert.equal(await store.putArticle({ ...a, origin: 'again.txt' }), 'unchanged');
    const other = await reopen();
    assert.deepEqual(ids(await other.listEvents({ dyad: ['FRA', 'DEU'] })), ['042@2024-02-01', '042@2024-03-01']);
    // an imported correction waits for its article: none of 303's events is there yet
    const c = withEvents(article(303, { date: '2024-04-01' }), [{ source: 'ESP', target: 'FRA', code: '190', date: '2024-04-01' }]);
    const target = { kind: 'event' as const, articleId: c.id, start: c.events[0].start, end: c.events[0].end, source: 'ESP', target: 'FRA', code: '190' };
    await store.putCorrection({ ...target, verdict: 'wrong', reason: 'Spain did not', at: '2024-05-01T00:00:00.000Z' });
    await store.putArticle(c);
    assert.equal(await store.countEvents({ dyad: ['ESP', 'FRA'] }), 0);
    assert.equal(await store.countEvents({ dyad: ['ESP', 'FRA'], wrong: true }), 1);
  });
}
