import assert from 'node:assert/strict';
import type { ActorPartner, ActorRange, Store } from '../../src/store/index.js';
import type { QuoteFilter, StoredEvent, StoredQuote } from '../../src/store/types.js';
import type { OpenedStore } from './conformance.js';
import { article, withEvents } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

const CODES = ['042', '1121', '141', '190', '223'] as const;
const PARTNERS = ['DEU', 'ESP', 'POL'] as const;

/**
 * 20 articles from three outlets, 2018–2022: FRA sends to and receives from three partners, with
 * a negated, an undated and a self-aimed event, one code without a score, and events said inside
 * the article's first quote (what makes a quote "about" an actor).
 */
async function fill(store: Store): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const day = `${2018 + (i % 5)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    const p = PARTNERS[i % 3];
    const a = article(400 + i, { date: day, source: ['Wire One', 'Wire Two', 'Wire Three'][i % 3] });
    await store.putArticle(withEvents(a, [
      { source: 'FRA', target: p, code: CODES[i % 5], date: day },
      { source: `${p}GOV`, target: 'FRA', code: CODES[(i + 2) % 5], date: day, quote: i % 2 ? 0 : undefined },
      { source: 'FRA', target: p, code: '190', date: day, negated: true },
      { source: 'FRA', target: 'DEU', code: '042' },
      { source: 'FRA', target: 'FRA', code: '042', date: day },
      { source: 'ESP', target: 'POL', code: '141', date: day, quote: i % 4 === 0 ? 0 : undefined },
    ]));
  }
}

const id = (e: StoredEvent | StoredQuote) => `${e.articleId}#${e.index}`;
const inActorRange = (e: StoredEvent, f: ActorRange) => (e.sourceCountry === f.actor || e.targetCountry === f.actor)
  && e.date !== undefined && !e.negated && (f.from === undefined || e.date >= f.from) && (f.to === undefined || e.date <= f.to);

/** The partners as the store should count them, from its own list of events. */
function partnersOf(events: StoredEvent[], f: ActorRange): ActorPartner[] {
  const by = new Map<string, { sent: StoredEvent[]; received: StoredEvent[] }>();
  for (const e of events.filter((x) => inActorRange(x, f))) {
    const sent = e.sourceCountry === f.actor;
    const partner = sent ? e.targetCountry : e.sourceCountry;
    if (partner === undefined) continue;
    const p = by.get(partner) ?? by.set(partner, { sent: [], received: [] }).get(partner)!;
    (sent ? p.sent : p.received).push(e);
  }
  const side = (list: StoredEvent[]) => {
    const scored = list.filter((e) => e.goldstein !== null);
    const quad: [number, number, number, number] = [0, 0, 0, 0];
    for (const e of list) if (e.quad) quad[e.quad - 1]++;
    return { events: list.length, quad, goldsteinMean: scored.length ? Math.round((scored.reduce((s, e) => s + e.goldstein!, 0) / scored.length) * 1e4) / 1e4 : null };
  };
  return [...by].map(([partner, p]) => ({ partner, events: p.sent.length + p.received.length, sent: side(p.sent), received: side(p.received) }))
    .sort((x, y) => y.events - x.events || (x.partner < y.partner ? -1 : 1));
}

/** Counts of `key` over `list`, most first then by value (byte order), as the facets give them. */
function counted<T>(list: T[], key: (x: T) => string | undefined): { value: string; count: number }[] {
  const n = new Map<string, number>();
  for (const x of list) {
    const k = key(x);
    if (k !== undefined) n.set(k, (n.get(k) ?? 0) + 1);
  }
  return [...n].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * The actor page and the quote facets (issue 19): an actor's events in keyset pages, its partners
 * sent and received by quad, its people, quotes about it, facet counts and articles by actor, all
 * checked against the store's plain lists; registered by `storeConformance`.
 */
export function actorConformance(it: It): void {
  it('actor page: events walked in keyset pages, partners sent and received by quad, people', async ({ store }) => {
    await fill(store);
    const everything = await store.listEvents({ negated: true });
    for (const f of [{ actor: 'FRA' }, { actor: 'FRA', from: '2019-03-01', to: '2021-10-31' }, { actor: 'POL' }, { actor: 'NOR' }] as ActorRange[]) {
      const want = everything.filter((e) => inActorRange(e, f)).map(id).sort();
      assert.equal(await store.countActorEvents(f), want.length, `count of ${JSON.stringify(f)}`);
      const pages = [await store.actorEvents(f, { limit: 6 })];
      while (pages[pages.length - 1].more) pages.push(await store.actorEvents(f, { limit: 6, before: pages[pages.length - 1].items.at(-1)!.key }));
      const flat = pages.flatMap((p) => p.items);
      assert.deepEqual(flat.map(id).sort(), want, `pages of ${JSON.stringify(f)}: none twice, none missing`);
      for (let i = 1; i < flat.length; i++) {
        const [p, q] = [flat[i - 1].key, flat[i].key];
        assert.ok(p.date > q.date || (p.date === q.date && BigInt(p.id) > BigInt(q.id)), 'newest first');
      }
      if (flat.length > 6) {
        const back = await store.actorEvents(f, { limit: 6, after: pages[1].items[0].key });
        assert.deepEqual(back.items.map(id), pages[0].items.map(id), 'reading newer gives the first page back');
      }
      assert.deepEqual(await store.actorPartners(f), partnersOf(everything, f), `partners of ${JSON.stringify(f)}`);
    }
    const fra = await store.actorPartners({ actor: 'FRA' });
    assert.deepEqual(fra.map((p) => p.partner).sort(), ['DEU', 'ESP', 'FRA', 'POL']);
    assert.ok(fra.every((p) => p.partner === 'FRA' ? p.received.events === 0 : p.sent.events > 0 && p.received.events > 0));

    const quotes = await store.listQuotes({ actor: 'FRA' });
    const want = counted(quotes.filter((q) => q.speaker), (q) => `${q.speaker}\u0000${q.speakerCode ?? ''}`);
    const people = await store.actorPeople({ actor: 'FRA' }, 100);
    assert.ok(people.length > 0, 'FRA has people');
    assert.deepEqual(people.map((p) => [p.speaker, p.speakerCode ?? '', p.quotes]).sort(), want.map((w) => [...w.value.split('\u0000'), w.count]).sort());
    assert.deepEqual(people.map((p) => p.quotes), [...people.map((p) => p.quotes)].sort((a, b) => b - a), 'most quotes first');
    assert.deepEqual(await store.actorPeople({ actor: 'FRA' }, 1), people.slice(0, 1));
    assert.deepEqual(await store.actorPeople({ actor: 'CHN' }, 10), []);
  });

  it('quotes: facets count the query, narrow it, quotes about an actor, articles by actor', async ({ store }) => {
    await fill(store);
    const all = await store.listQuotes();
    assert.ok(all.length >= 20, `${all.length} quotes`);
    const filters: QuoteFilter[] = [{}, { from: '2019-01-01', to: '2021-12-31' }, { q: 'talks' }, { kind: 'direct' }, { outlet: 'Wire Two' }];
    for (const f of filters) {
      const list = await store.listQuotes(f);
      const facets = await store.quoteFacets(f, 50);
      assert.deepEqual(facets.speakers, counted(list, (q) => q.speaker), `speakers of ${JSON.stringify(f)}`);
      assert.deepEqual(facets.outlets, counted(list, (q) => q.article.source), `outlets of ${JSON.stringify(f)}`);
      assert.deepEqual(facets.kinds, counted(list, (q) => q.kind), `kinds of ${JSON.stringify(f)}`);
      assert.equal(facets.countries.reduce((n, c) => n + c.count, 0) <= list.length, true);
      for (const c of facets.countries) assert.equal(await store.countQuotes({ ...f, country: c.value }), c.count, `country ${c.value}`);
      for (const s of facets.speakers.slice(0, 3)) {
        const narrowed = await store.listQuotes({ ...f, speakerName: s.value });
        assert.equal(narrowed.length, s.count, `speaker ${s.value}`);
        assert.ok(narrowed.every((q) => q.speaker === s.value));
      }
    }
    assert.deepEqual((await store.quoteFacets({}, 2)).speakers, (await store.quoteFacets({}, 50)).speakers.slice(0, 2), 'the limit keeps the most');

    // about: an event said inside the quote names the actor, and the speaker is not the actor's
    for (const actor of ['FRA', 'POL', 'ESP', 'DEU']) {
      const wantAbout: string[] = [];
      for (const s of await store.listArticles({ limit: 100 })) {
        const a = (await store.getArticle(s.id))!;
        a.quotes.forEach((q, n) => {
          const named = a.events.some((e) => e.quote === n && (e.source.country === actor || e.target?.country === actor));
          const own = (q.speakerActor?.code ?? '').toUpperCase().startsWith(actor) || q.speakerActor?.country === actor;
          if (named && !own) wantAbout.push(`${a.id}#${n}`);
        });
      }
      const about = await store.listQuotes({ about: actor });
      assert.deepEqual(about.map(id).sort(), wantAbout.sort(), `quotes about ${actor}`);
      assert.equal(await store.countQuotes({ about: actor }), wantAbout.length);
    }
    assert.ok((await store.countQuotes({ about: 'FRA' })) > 0 && (await store.countQuotes({ about: 'POL' })) > 0, 'the fixture has quotes about FRA and POL');

    const withActor = new Set((await store.listEvents({ negated: true })).filter((e) => e.sourceCountry === 'ESP' || e.targetCountry === 'ESP').map((e) => e.articleId));
    const hits = await store.searchArticles({ actor: 'ESP' });
    assert.deepEqual(hits.map((h) => h.id).sort(), [...withActor].sort());
    assert.equal(await store.countArticles({ actor: 'ESP', source: 'Wire Two' }), (await store.searchArticles({ actor: 'ESP', source: 'Wire Two' })).length);
    assert.ok((await store.countArticles({ actor: 'ESP', source: 'Wire Two' })) < withActor.size);
  });
}
