import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, articleId } from '../../src/pipeline/index.js';
import { packArticle } from '../../src/store/codec.js';
import { eventGroup } from '../../src/store/codec.js';
import { topDyads } from '../../src/relations/index.js';
import type { Store } from '../../src/store/types.js';
import type { Article } from '../../src/model/article.js';
import type { CodedEvent, EventParty } from '../../src/model/event.js';
import { makeArticle } from '../_fixtures.js';
import { batchConformance } from './conformance-batch.js';
import { scoreConformance } from './conformance-scores.js';
import { watchConformance } from './conformance-watch.js';
import { alertConformance } from './conformance-alerts.js';
import { dyadConformance } from './conformance-dyad.js';
import { correctionConformance } from './conformance-corrections.js';
import { actorConformance } from './conformance-actor.js';

/** One store opened fresh for a test, with what the migration tests need to look under it. */
export interface OpenedStore {
  store: Store;
  /** opens the same database again (the first handle may be closed or still open) */
  reopen(): Promise<Store>;
  /** the schema as the database itself describes it, version included */
  schema(): Promise<string>;
  /** records the schema as one version newer than this entente knows */
  bumpVersion(): Promise<void>;
  /** closes what is open and removes the database */
  dispose(): Promise<void>;
}

export interface StoreHarness {
  /** a new, empty store for one test */
  fresh(): Promise<OpenedStore>;
  /** why this store cannot be tested here (e.g. no server); the tests then skip with it */
  skip?: string;
}

/**
 * The behaviours every `Store` must have, registered as node:test tests under `name`: run by each
 * implementation's own test file, so SQLite and PostgreSQL answer the same questions the same way.
 *
 * @example storeConformance('sqlite', { fresh: async () => openTempSqlite() });
 */
export function storeConformance(name: string, harness: StoreHarness): void {
  const it = (title: string, body: (s: OpenedStore) => Promise<void>) =>
    test(`store/${name}: ${title}`, { skip: harness.skip ?? false }, async () => {
      const opened = await harness.fresh();
      try {
        await body(opened);
      } finally {
        await opened.dispose();
      }
    });

  it('an article with mentions, quotes and events is stored whole and read back deep-equal', async ({ store }) => {
    const a = withEvents(article(1, { date: '2024-01-10', source: 'Example Wire' }), [
      { source: 'FRAGOV', target: 'DEU', code: '042', date: '2024-01-10' },
      { source: 'DEU', target: 'FRAGOV', code: '1121', date: '2024-01-11', quote: 0 },
    ]);
    assert.ok(a.quotes.length > 0 && a.spans.mentions.length > 0 && a.events.length === 2, 'the fixture has every layer');
    assert.equal(await store.putArticle(a), 'stored');
    assert.deepEqual(await store.getArticle(a.id), a);
  });

  it('an article packed by a worker thread reads back as the unpacked one', async ({ store }) => {
    const a = withEvents(article(2), [{ source: 'ESP', target: 'FRA', code: '0421' }]);
    assert.equal(await store.putArticle(packArticle(a)), 'stored');
    assert.deepEqual(await store.getArticle(a.id), a);
  });

  it('a write that fails part-way leaves no trace of the article', async ({ store }) => {
    const good = withEvents(article(3), [{ source: 'FRA', target: 'DEU', code: '042' }]);
    // the event row is written after the article row; a missing code breaks it there
    const bad: Article = { ...good, events: [{ ...good.events[0], code: null as unknown as string }] };
    await assert.rejects(store.putArticle(bad));
    assert.equal(await store.getArticle(good.id), undefined);
    assert.deepEqual(await store.listArticles(), []);
    assert.equal((await store.stats()).articles, 0);
    assert.deepEqual(await store.listEvents(), []);
    assert.equal(await store.putArticle(good), 'stored', 'the failed write left nothing in the way');
    assert.deepEqual(await store.getArticle(good.id), good);
  });

  it('re-ingesting the same story, from the same or another origin, is unchanged and adds no rows', async ({ store }) => {
    const a = withEvents(article(4), [{ source: 'FRA', target: 'DEU', code: '042', date: '2024-01-10' }]);
    assert.equal(await store.putArticle(a), 'stored');
    assert.equal(await store.putArticle(a), 'unchanged');
    assert.equal(await store.putArticle({ ...a, origin: 'copy-of-a4.txt' }), 'unchanged');
    const s = await store.stats();
    assert.equal(s.articles, 1);
    assert.equal(s.sentences, a.spans.sentences.length);
    assert.deepEqual((await store.listArticles())[0].origins, ['a4.txt', 'copy-of-a4.txt']);
    const back = await store.getArticle(a.id);
    assert.equal(back?.quotes.length, a.quotes.length, 'quotes are written once');
    assert.equal((await store.listEvents()).length, 1, 'events are written once');
  });

  it('an article is found by its id or an unambiguous prefix of 6+ characters, taken literally', async ({ store }) => {
    const [x, y] = twoArticlesSharingAPrefix(6);
    assert.equal(x.id.slice(0, 6), y.id.slice(0, 6));
    await store.putArticle(x);
    assert.deepEqual(await store.getArticle(x.id), x);
    assert.deepEqual(await store.getArticle(x.id.slice(0, 6)), x, 'unique while alone');
    assert.equal(await store.getArticle(x.id.slice(0, 5)), undefined, 'under 6 characters');
    assert.equal(await store.getArticle('______'), undefined, 'a wildcard is a character, not a pattern');
    assert.equal(await store.getArticle('%%%%%%'), undefined, 'a wildcard is a character, not a pattern');
    assert.equal(await store.getArticle('ffffffffffffffff'.replace(/./g, (_, i) => (x.id[i] === 'f' ? 'e' : 'f'))), undefined);
    await store.putArticle(y);
    assert.equal(await store.getArticle(x.id.slice(0, 6)), undefined, 'ambiguous');
    let i = 7;
    while (x.id.slice(0, i) === y.id.slice(0, i)) i++;
    assert.deepEqual(await store.getArticle(x.id.slice(0, i)), x);
    assert.deepEqual(await store.getArticle(y.id.slice(0, i)), y);
  });

  it('listArticles: undated first, then by date and id; limit and offset page through it', async ({ store }) => {
    const dates = ['2024-03-01', '2024-01-15', undefined, '2024-02-10', '2024-01-15', undefined];
    const arts = dates.map((date, i) => article(10 + i, { date, title: `title ${i}`, source: `Outlet ${i % 2}`, url: `https://news.example/${i}` }));
    for (const a of arts) await store.putArticle(a);
    const key = (a: { date?: string; id: string }) => `${a.date ?? ''}\u0000${a.id}`;
    const want = [...arts].sort((p, q) => (key({ date: p.meta.date?.value, id: p.id }) < key({ date: q.meta.date?.value, id: q.id }) ? -1 : 1));
    const all = await store.listArticles();
    assert.deepEqual(
      all,
      want.map((a) => {
        const row: Record<string, unknown> = { id: a.id };
        for (const k of ['title', 'date', 'source', 'url'] as const) row[k] = a.meta[k]?.value;
        return { ...row, origins: [a.origin] };
      }),
    );
    const pages = [...(await store.listArticles({ limit: 4 })), ...(await store.listArticles({ limit: 4, offset: 4 }))];
    assert.deepEqual(pages, all);
    assert.deepEqual(await store.listArticles({ limit: 2, offset: 1 }), all.slice(1, 3));
    assert.deepEqual(await store.listArticles({ offset: 6 }), []);
  });

  it('skips are recorded once per origin, listed by origin, and cleared when the origin later stores', async ({ store }) => {
    await store.recordSkip({ skipped: true, reason: 'binary', origin: 'b.bin', detail: 'NUL bytes' });
    await store.recordSkip({ skipped: true, reason: 'empty', origin: 'a20.txt', detail: '0 bytes' });
    await store.recordSkip({ skipped: true, reason: 'empty', origin: 'a20.txt', detail: 'the file has 0 bytes' });
    await store.recordSkip({ skipped: true, reason: 'malformed-json', origin: 'x.jsonl#3', detail: 'not valid JSON' });
    assert.deepEqual(await store.listSkipped(), [
      { skipped: true, reason: 'empty', origin: 'a20.txt', detail: 'the file has 0 bytes' },
      { skipped: true, reason: 'binary', origin: 'b.bin', detail: 'NUL bytes' },
      { skipped: true, reason: 'malformed-json', origin: 'x.jsonl#3', detail: 'not valid JSON' },
    ]);
    assert.equal((await store.listSkipped({ limit: 1 })).length, 1);
    assert.deepEqual(await store.stats(), { articles: 0, sentences: 0, skipped: 3, skippedByReason: { binary: 1, empty: 1, 'malformed-json': 1 } });
    await store.putArticle(article(20));
    assert.deepEqual((await store.listSkipped()).map((s) => s.origin), ['b.bin', 'x.jsonl#3']);
    assert.deepEqual((await store.stats()).skippedByReason, { binary: 1, 'malformed-json': 1 });
    // a later skip of an origin that has an article is still reported, and the article stays
    await store.recordSkip({ skipped: true, reason: 'unreadable', origin: 'a20.txt', detail: 'permission denied' });
    assert.equal((await store.stats()).articles, 1);
    assert.equal((await store.stats()).skippedByReason.unreadable, 1);
  });

  it('stats count articles, their sentences and skips by reason; an empty store counts zero', async ({ store }) => {
    assert.deepEqual(await store.stats(), { articles: 0, sentences: 0, skipped: 0, skippedByReason: {} });
    const arts = [article(30), article(31), article(32)];
    for (const a of arts) await store.putArticle(a);
    await store.putArticle(arts[0]);
    await store.recordSkip({ skipped: true, reason: 'not-english', origin: 'fr.txt', detail: 'French' });
    assert.deepEqual(await store.stats(), {
      articles: 3,
      sentences: arts.reduce((n, a) => n + a.spans.sentences.length, 0),
      skipped: 1,
      skippedByReason: { 'not-english': 1 },
    });
  });

  it('listEvents: date order, and filters by actor, side, dyad both ways, code prefix, PLOVER, quad, dates, negation, paging', async ({ store }) => {
    const a = withEvents(article(40, { date: '2024-01-10', source: 'Example Wire', url: 'https://wire.example/40' }), [
      { source: 'FRAGOV', target: 'DEU', code: '042', date: '2024-01-10' },
      { source: 'DEU', target: 'FRAGOV', code: '1121', date: '2024-01-11' },
      { source: 'FRA', target: 'ESP', code: '190', date: '2024-01-12', negated: true },
    ]);
    const b = withEvents(article(41, { date: '2024-02-01' }), [
      { source: 'ESPMIL', target: 'FRA', code: '0421', date: '2024-02-01' },
      { source: 'FRA', code: '141' },
      { source: 'FRAGOV', target: 'DEU', code: '042', date: '2024-01-10' },
    ]);
    await store.putArticle(a);
    await store.putArticle(b);
    const ids = async (f: Parameters<Store['listEvents']>[0]) => (await store.listEvents(f)).map((e) => `${e.articleId === a.id ? 'a' : 'b'}${e.index}`);
    // undated first, then by date, then article id and index
    const sameDay = a.id < b.id ? ['a0', 'b2'] : ['b2', 'a0'];
    assert.deepEqual(await ids({}), ['b1', ...sameDay, 'a1', 'b0']);
    assert.deepEqual(await ids({ negated: true }), ['b1', ...sameDay, 'a1', 'a2', 'b0']);
    assert.deepEqual(await ids({ actor: 'ESP' }), ['b0']);
    assert.deepEqual(await ids({ actor: 'ESP', negated: true }), ['a2', 'b0']);
    assert.deepEqual(await ids({ actor: 'FRAGOV' }), [...sameDay, 'a1']);
    assert.deepEqual(await ids({ source: 'FRA' }), ['b1', ...sameDay]);
    assert.deepEqual(await ids({ target: 'FRA' }), ['a1', 'b0']);
    assert.deepEqual(await ids({ dyad: ['FRA', 'DEU'] }), sameDay);
    assert.deepEqual(await ids({ dyad: ['DEU', 'FRA'] }), ['a1']);
    assert.deepEqual(await ids({ dyad: ['DEU', 'FRA'], undirected: true }), [...sameDay, 'a1']);
    assert.deepEqual(await ids({ code: '04' }), [...sameDay, 'b0']);
    assert.deepEqual(await ids({ code: '042' }), [...sameDay, 'b0']);
    assert.deepEqual(await ids({ code: '0421' }), ['b0']);
    assert.deepEqual(await ids({ code: '04%' }), [], 'a wildcard in a code prefix is a character');
    assert.deepEqual(await ids({ plover: 'CONSULT' }), [...sameDay, 'b0']);
    assert.deepEqual(await ids({ quad: 3 }), ['a1']);
    assert.deepEqual(await ids({ quad: 4 }), ['b1']);
    assert.deepEqual(await ids({ from: '2024-01-11' }), ['a1', 'b0']);
    assert.deepEqual(await ids({ from: '2024-01-10', to: '2024-01-11' }), [...sameDay, 'a1']);
    assert.deepEqual(await ids({ to: '2024-01-31', negated: true }), [...sameDay, 'a1', 'a2']);
    assert.deepEqual(await ids({ limit: 2, offset: 1 }), sameDay);
    assert.deepEqual(await ids({ offset: 3 }), ['a1', 'b0']);
    assert.equal(await store.countEvents(), 5);
    assert.equal(await store.countEvents({ negated: true, limit: 1, offset: 2 }), 6, 'a count ignores the page');
    assert.equal(await store.countEvents({ dyad: ['DEU', 'FRA'], undirected: true }), 3);
    assert.equal(await store.countEvents({ code: '04%' }), 0);

    const all = await store.listEvents({ negated: true });
    for (const e of all) {
      const art = e.articleId === a.id ? a : b;
      const src = art.events[e.index];
      assert.deepEqual(e.event, src, 'the whole record as coded');
      assert.equal(e.group, eventGroup(src));
      assert.equal(e.sentence, art.text.slice(src.sentenceSpan.start, src.sentenceSpan.end));
      assert.equal(e.code, src.code);
      assert.equal(e.source, src.source.code);
      assert.equal(e.sourceCountry, src.source.country);
      assert.equal(e.target, src.target?.code);
      assert.equal(e.targetCountry, src.target?.country);
      assert.equal(e.date, src.date);
      assert.equal(e.plover, src.plover?.event);
      assert.equal(e.negated, src.negated);
      assert.equal(e.outlet, art.meta.source?.value);
      assert.equal(e.url, art.meta.url?.value);
      assert.equal(e.articleDate, art.meta.date?.value);
      for (const k of ['root', 'goldstein', 'quad', 'modality', 'rule', 'confidence'] as const) assert.equal(e[k], src[k]);
    }
    const groups = new Map(all.map((e) => [`${e.articleId === a.id ? 'a' : 'b'}${e.index}`, e.group]));
    assert.equal(groups.get('a0'), groups.get('b2'), 'the same event in two articles shares its group');
    assert.equal(new Set(groups.values()).size, all.length - 1);
  });

  it('relations rebuilt from the stored events count an event reported by two outlets once, with both as sources', async ({ store }) => {
    const same = { source: 'FRAGOV', target: 'DEU', code: '042', date: '2024-01-10' };
    await store.putArticle(withEvents(article(70, { date: '2024-01-10', source: 'Wire A' }), [same, { source: 'DEU', target: 'FRA', code: '1121', date: '2024-02-11' }]));
    await store.putArticle(withEvents(article(71, { date: '2024-01-10', source: 'Wire B' }), [same]));
    await store.putArticle(withEvents(article(72, { date: '2024-03-01', source: 'Wire C' }), [{ ...same, date: '2024-03-01', negated: true }]));
    const rows = topDyads(await store.listEvents({ negated: true }));
    assert.deepEqual(rows.map((r) => [r.source, r.target, r.events, r.sources, r.first, r.last]), [
      ['FRA', 'DEU', 1, 2, '2024-01-10', '2024-01-10'],
      ['DEU', 'FRA', 1, 1, '2024-02-11', '2024-02-11'],
    ]);
    const both = topDyads(await store.listEvents(), { undirected: true });
    assert.deepEqual(both.map((r) => [r.source, r.target, r.events, r.sources]), [['DEU', 'FRA', 2, 2]]);
  });

  it('searchArticles: title and body words, stems, phrases and prefixes; source and dates; best match or newest first; counts', async ({ store }) => {
    // makeArticle(i): i = 0..7 are about 'fishing rights', 8..15 about 'a rail link'
    const arts = Array.from({ length: 16 }, (_, i) =>
      article(i, { title: `Dispatch ${i}`, date: `2021-03-${String(10 + i).padStart(2, '0')}`, source: i % 2 ? 'Wire B' : 'Wire A' }),
    );
    for (const a of arts) await store.putArticle(a);
    assert.equal(await store.countArticles(), 16);
    assert.equal(await store.countArticles({ q: 'fishing' }), 8);
    assert.equal(await store.countArticles({ q: 'rails' }), 8, 'stems: rails finds rail');
    assert.equal(await store.countArticles({ q: 'fish*' }), 8, 'a prefix');
    assert.equal(await store.countArticles({ q: '"rail link"' }), 8);
    assert.equal(await store.countArticles({ q: '"rail link" fishing' }), 0, 'every word is required');
    assert.equal(await store.countArticles({ q: 'dispatch' }), 16, 'title words');
    assert.equal(await store.countArticles({ q: '-- !! ""' }), 0, 'nothing searchable matches nothing');
    assert.equal(await store.countArticles({ q: 'NEAR(rail' }), 0, 'operators are words');
    const hits = await store.searchArticles({ q: 'fishing' });
    assert.deepEqual(new Set(hits.map((h) => h.id)), new Set(arts.slice(0, 8).map((a) => a.id)));
    for (const h of hits) {
      assert.ok(h.snippet && h.snippetMatches?.length, 'a passage around the match');
      assert.ok(h.snippetMatches.some((m) => /^fish/i.test(h.snippet!.slice(m.start, m.end))), h.snippet);
    }
    assert.deepEqual((await store.searchArticles({ q: 'fishing', limit: 3, offset: 6 })).map((h) => h.id), hits.slice(6).map((h) => h.id));
    assert.equal(await store.countArticles({ q: 'fishing', limit: 1 }), 8, 'a count ignores the page');
    assert.equal(await store.countArticles({ from: '2021-03-12', to: '2021-03-14' }), 3);
    assert.equal(await store.countArticles({ source: 'wire a' }), 8, 'the outlet, in any case');
    assert.equal(await store.countArticles({ source: 'nobody' }), 0);
    const newest = await store.searchArticles({ limit: 2 });
    assert.deepEqual(newest, [15, 14].map((i) => ({ id: arts[i].id, title: `Dispatch ${i}`, date: `2021-03-${10 + i}`, source: i % 2 ? 'Wire B' : 'Wire A' })));
  });

  it('listQuotes: newest first, filtered by speaker, actor, words and dates, with their text and article; counts', async ({ store }) => {
    const arts = Array.from({ length: 6 }, (_, i) => article(60 + i, { date: `2022-05-0${i + 1}`, title: `T${i}`, source: 'Wire' }));
    for (const a of arts) await store.putArticle(a);
    const all = arts.flatMap((a) => a.quotes.map((q, index) => ({ a, q, index, day: (q.date ?? a.meta.date?.value)?.slice(0, 10) })));
    assert.ok(all.length >= 6 && all.some((x) => x.q.speakerActor), 'the fixture has quotes with actors');
    all.sort((x, y) => (x.day! > y.day! ? -1 : x.day! < y.day! ? 1 : x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.index - y.index));
    const key = (x: { articleId: string; index: number }) => `${x.articleId}/${x.index}`;
    const want = (xs: typeof all) => xs.map((x) => `${x.a.id}/${x.index}`);
    const some = (xs: typeof all) => (assert.ok(xs.length > 0 && xs.length < all.length, 'the filter selects some quotes, not all'), want(xs));
    const got = async (f: Parameters<Store['listQuotes']>[0]) => (await store.listQuotes(f)).map(key);

    const listed = await store.listQuotes();
    assert.deepEqual(listed.map(key), want(all));
    for (const [i, s] of listed.entries()) {
      const { a, q } = all[i];
      assert.equal(s.text, a.text.slice(q.start, q.end));
      assert.deepEqual([s.start, s.end, s.kind, s.speaker, s.speakerCode, s.cue, s.medium, s.confidence, s.rule], [q.start, q.end, q.kind, q.speaker, q.speakerActor?.code, q.cue, q.medium, q.confidence, q.rule]);
      assert.deepEqual(s.article, { title: a.meta.title?.value, source: 'Wire', date: a.meta.date?.value });
    }
    assert.equal(await store.countQuotes(), all.length);
    const withActor = all.find((x) => x.q.speakerActor)!;
    const code = withActor.q.speakerActor!.code;
    assert.deepEqual(await got({ actor: code.slice(0, 3) }), some(all.filter((x) => x.q.speakerActor?.code.startsWith(code.slice(0, 3)) || x.q.speakerActor?.country === code.slice(0, 3))));
    const name = withActor.q.speaker!.slice(1, 5).toUpperCase();
    assert.deepEqual(await got({ speaker: name }), some(all.filter((x) => x.q.speaker?.toUpperCase().includes(name))));
    assert.deepEqual(await got({ speaker: '%' }), []);
    const word = 'TALKS';
    assert.deepEqual(await got({ q: word }), some(all.filter((x) => x.a.text.slice(x.q.start, x.q.end).toUpperCase().includes(word))));
    assert.deepEqual(await got({ from: '2022-05-02', to: '2022-05-03' }), some(all.filter((x) => x.day! >= '2022-05-02' && x.day! <= '2022-05-03')));
    assert.deepEqual(await got({ limit: 3, offset: 2 }), want(all.slice(2, 5)));
    assert.equal(await store.countQuotes({ from: '2022-05-02', to: '2022-05-03', limit: 1 }), all.filter((x) => x.day! >= '2022-05-02' && x.day! <= '2022-05-03').length);
  });

  it('migrations: re-opening a store at the current version changes nothing; a newer schema is refused', async (opened) => {
    const a = withEvents(article(50), [{ source: 'FRA', target: 'DEU', code: '042' }]);
    await opened.store.putArticle(a);
    const schema = await opened.schema();
    const stats = await opened.store.stats();
    await opened.store.close();
    for (let i = 0; i < 2; i++) {
      const again = await opened.reopen();
      try {
        assert.equal(await opened.schema(), schema);
        assert.deepEqual(await again.stats(), stats);
        assert.deepEqual(await again.getArticle(a.id), a);
        assert.equal(await again.putArticle(a), 'unchanged');
      } finally {
        await again.close();
      }
    }
    await opened.bumpVersion();
    await assert.rejects(opened.reopen(), /newer than this entente/);
  });

  batchConformance(it, harness);
  scoreConformance(it);
  watchConformance(it);
  alertConformance(it);
  dyadConformance(it);
  correctionConformance(it);
  actorConformance(it);
}

interface Given {
  date?: string;
  source?: string;
  title?: string;
  url?: string;
}

/** One of our fixture stories, analysed, with the given metadata. */
export function article(i: number, given: Given = {}, origin = `a${i}.txt`): Article {
  const a = analyze({ text: makeArticle(i), origin, format: 'text', given });
  assert.ok(!('skipped' in a), JSON.stringify(a));
  return a;
}

/**
 * Two analysed articles whose ids share their first `n` hex characters: found by hashing short
 * stories of our own until two collide (a few thousand for n = 6).
 */
export function twoArticlesSharingAPrefix(n: number): [Article, Article] {
  const story = (i: number) => `Delegates from Oslo and Lima met again on day ${i} of the talks. They agreed to meet on day ${i + 1}.`;
  const seen = new Map<string, number>();
  for (let i = 0; ; i++) {
    const p = articleId(story(i)).slice(0, n);
    const j = seen.get(p);
    if (j !== undefined) {
      const pair = [j, i].map((k) => analyze({ text: story(k), origin: `day${k}.txt`, format: 'text' }));
      if (pair.every((x) => !('skipped' in x) && x.id.slice(0, n) === p)) return pair as [Article, Article];
    }
    seen.set(p, i);
  }
}

interface EventSpec {
  source: string;
  target?: string;
  code: string;
  date?: string;
  negated?: boolean;
  quote?: number;
}

/** CAMEO codes → PLOVER type, quad and Goldstein score, for the few codes the tests use; 223 is outside CAMEO (a user dictionary's). */
const CODES: Record<string, { plover?: string; quad: 1 | 2 | 3 | 4 | null; goldstein: number | null }> = {
  '042': { plover: 'CONSULT', quad: 1, goldstein: 1.9 },
  '0421': { plover: 'CONSULT', quad: 1, goldstein: 1.9 },
  '1121': { plover: 'ACCUSE', quad: 3, goldstein: -2 },
  '141': { plover: 'PROTEST', quad: 4, goldstein: -6.5 },
  '190': { plover: 'ASSAULT', quad: 4, goldstein: -10 },
  '223': { quad: null, goldstein: null },
};

/**
 * The article with hand-built events attached, each on one of its sentences: the event coder is
 * not needed to test that a store keeps them.
 */
export function withEvents(a: Article, specs: EventSpec[]): Article {
  const party = (code: string, k: number): EventParty => {
    const s = a.spans.sentences[k % a.spans.sentences.length];
    return { code, country: code.slice(0, 3), actor: `country/${code.slice(0, 3)}`, name: code, span: { start: s.start, end: Math.min(s.end, s.start + 5) }, via: 'name' };
  };
  const events = specs.map((sp, k): CodedEvent => {
    const n = k % a.spans.sentences.length;
    const s = a.spans.sentences[n];
    const c = CODES[sp.code];
    const e: CodedEvent = {
      start: s.start,
      end: Math.min(s.end, s.start + 12),
      source: party(sp.source, n),
      sources: [sp.source],
      targets: sp.target ? [sp.target] : [],
      code: sp.code,
      root: sp.code.slice(0, 2),
      goldstein: c.goldstein,
      quad: c.quad,
      negated: sp.negated ?? false,
      modality: k === 1 ? 'future' : 'asserted',
      sentence: n,
      sentenceSpan: { start: s.start, end: s.end },
      confidence: 0.5 + k / 10,
      rule: `test:${sp.code}`,
    };
    if (sp.target) e.target = party(sp.target, n);
    if (c.plover) e.plover = { event: c.plover, mode: k % 2 ? 'verbal' : null, context: k % 2 ? ['diplomatic'] : [] };
    if (sp.date) {
      e.date = sp.date;
      e.dateBy = 'article';
    }
    if (sp.quote !== undefined) e.quote = sp.quote;
    return e;
  });
  return { ...a, events };
}
