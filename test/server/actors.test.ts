/**
 * The actor page's routes and the quote facets (issue 19) on a store of the examples, the seeds
 * and 200 stories of France and Poland over seven years: partners against the dyad explorer's
 * counts, the events' keyset pages against the plain event list, people and facets against the
 * quote list they narrow, articles by actor against their events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dyadYearsApp } from './_dyad-corpus.js';

interface Ev { articleId: string; index: number; date: string; cursor: string; sourceCountry: string; targetCountry?: string; negated: boolean }
interface EventPage { items: Ev[]; limit: number; total: number; older: string | null; newer: string | null }
interface Side { events: number; quad: number[]; goldsteinMean: number | null }
interface Partner { partner: string; events: number; sent: Side; received: Side }
interface Facet { value: string; count: number }
interface Facets { total: number; speakers: Facet[]; countries: Facet[]; outlets: Facet[]; kinds: Facet[] }

const key = (e: { articleId: string; index: number }) => `${e.articleId}#${e.index}`;

test('server/actors: partners, people, quotes by and about, keyset events, quote facets, articles by actor', { timeout: 180_000 }, async (t) => {
  const { store, app, get } = await dyadYearsApp(t, 200);
  const FROM = '2016-01-01';
  const TO = '2019-12-31';

  await t.test('partners: sent and received equal the dyad explorer\'s counts of each direction', async () => {
    const body = await get<{ actor: string; events: number; items: Partner[] }>(`/api/actors/fra/partners?from=${FROM}&to=${TO}`);
    assert.equal(body.actor, 'FRA');
    const pol = body.items.find((p) => p.partner === 'POL')!;
    assert.ok(pol && pol.sent.events > 20 && pol.received.events > 20, JSON.stringify(pol));
    assert.equal(body.items[0].partner, 'POL', 'the busiest partner first');
    for (const p of body.items.filter((x) => x.partner !== 'FRA')) {
      const sent = await get<EventPage>(`/api/dyad/events?a=FRA&b=${p.partner}&from=${FROM}&to=${TO}&limit=1`);
      const received = await get<EventPage>(`/api/dyad/events?a=${p.partner}&b=FRA&from=${FROM}&to=${TO}&limit=1`);
      assert.deepEqual([p.sent.events, p.received.events], [sent.total, received.total], p.partner);
      assert.equal(p.sent.quad.reduce((a, b) => a + b, 0) <= p.sent.events, true);
    }
    const q4 = await get<EventPage>(`/api/dyad/events?a=FRA&b=POL&from=${FROM}&to=${TO}&quad=4&limit=1`);
    assert.equal(pol.sent.quad[3], q4.total, 'material conflict sent to POL');
    t.diagnostic(`FRA ${FROM}..${TO}: ${body.events} events, ${body.items.length} partners; POL sent ${pol.sent.events} (mean ${pol.sent.goldsteinMean}), received ${pol.received.events}`);
  });

  await t.test('events: keyset pages newest first, to the oldest and back, none twice, none missing', async () => {
    const want = (await store.listEvents({ actor: 'FRA', from: FROM, to: TO }))
      .filter((e) => e.date && (e.sourceCountry === 'FRA' || e.targetCountry === 'FRA')).map(key).sort();
    const pages: Ev[][] = [];
    let page = await get<EventPage>(`/api/actors/FRA/events?from=${FROM}&to=${TO}&limit=25`);
    assert.equal(page.newer, null);
    assert.equal(page.total, want.length);
    pages.push(page.items);
    while (page.older) {
      page = await get<EventPage>(`/api/actors/FRA/events?from=${FROM}&to=${TO}&limit=25&before=${page.older}`);
      pages.push(page.items);
    }
    const flat = pages.flat();
    assert.deepEqual(flat.map(key).sort(), want, 'none twice, none missing');
    for (let i = 1; i < flat.length; i++) assert.ok(flat[i - 1].date >= flat[i].date, 'newest first');
    let back = page;
    const seen = [page.items];
    while (back.newer) {
      back = await get<EventPage>(`/api/actors/FRA/events?from=${FROM}&to=${TO}&limit=25&after=${back.newer}`);
      seen.unshift(back.items);
    }
    assert.deepEqual(seen.map((p) => p.map(key)), pages.map((p) => p.map(key)), 'the same pages back newer');
    t.diagnostic(`FRA events: ${flat.length} in ${pages.length} pages of 25`);
  });

  await t.test('people and quotes by and about: counts the quote list confirms', async () => {
    const by = await get<{ total: number; items: { speakerCode?: string }[] }>(`/api/actors/FRA/quotes?limit=5`);
    assert.ok(by.total > 50, `${by.total} quotes by FRA`);
    assert.equal(by.total, (await get<{ total: number }>('/api/quotes?actor=FRA&limit=1')).total);
    const people = await get<{ items: { speaker: string; speakerCode?: string; quotes: number }[] }>('/api/actors/FRA/people?limit=500');
    assert.ok(people.items.length > 0);
    for (const p of people.items.slice(0, 5)) {
      const n = await get<{ total: number }>(`/api/quotes?actor=FRA&speakerName=${encodeURIComponent(p.speaker)}&limit=1`);
      assert.ok(n.total >= p.quotes, `${p.speaker}: ${p.quotes} of ${n.total}`);
    }
    assert.ok(people.items.reduce((n, p) => n + p.quotes, 0) <= by.total);
    const about = await get<{ total: number; role: string }>('/api/actors/FRA/quotes?role=about&limit=5');
    assert.equal(about.role, 'about');
    assert.equal(about.total, (await get<{ total: number }>('/api/quotes?about=FRA&limit=1')).total);
    t.diagnostic(`FRA: ${by.total} quotes by, ${about.total} about, ${people.items.length} speakers, the first ${people.items[0].speaker} (${people.items[0].quotes})`);
    const bad = await app.request('/api/actors/R%20U/people');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /^code must be an actor code/);
  });

  await t.test('quote facets: each value narrows the list to its count', async () => {
    for (const q of ['q=talks', `q=talks&from=${FROM}&to=${TO}`, 'kind=indirect', 'actor=POL']) {
      const f = await get<Facets>(`/api/quotes/facets?${q}&facetLimit=5`);
      assert.equal(f.total, (await get<{ total: number }>(`/api/quotes?${q}&limit=1`)).total);
      assert.ok(f.total > 0 && f.speakers.length > 0 && f.kinds.length > 0, q);
      const checks: [string, Facet[]][] = [['speakerName', f.speakers], ['country', f.countries], ['outlet', f.outlets], ['kind', f.kinds]];
      for (const [param, values] of checks) {
        for (const v of values.slice(0, q.startsWith(`${param}=`) ? 0 : 3)) {
          const n = await get<{ total: number }>(`/api/quotes?${q}&${param}=${encodeURIComponent(v.value)}&limit=1`);
          assert.equal(n.total, v.count, `${q} ${param}=${v.value}`);
        }
        for (let i = 1; i < values.length; i++) assert.ok(values[i - 1].count >= values[i].count, 'most first');
      }
      assert.equal(f.kinds.reduce((n, k) => n + k.count, 0), f.total, 'every quote has a kind');
    }
  });

  await t.test('articles: by actor, outlet and date', async () => {
    const list = await get<{ total: number; items: { id: string; source?: string; date?: string }[] }>(`/api/articles?actor=KEN&source=Baltic%20Wire&from=${FROM}&to=${TO}&limit=500`);
    assert.ok(list.total > 3, `${list.total} articles`);
    for (const a of list.items) {
      assert.equal(a.source, 'Baltic Wire');
      assert.ok(a.date! >= FROM && a.date!.slice(0, 10) <= TO);
      const events = await store.listEvents({ actor: 'KEN' });
      assert.ok(events.some((e) => e.articleId === a.id && (e.sourceCountry === 'KEN' || e.targetCountry === 'KEN')), a.id);
    }
    const words = await get<{ items: { snippet?: string; snippetMatches?: unknown[] }[] }>('/api/articles?q=quarrel&actor=POL&limit=3');
    assert.ok(words.items.length > 0 && words.items.every((h) => h.snippet && h.snippetMatches?.length), 'snippets with their matches');
  });
});
