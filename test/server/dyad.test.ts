/**
 * The dyad explorer's routes (issue 19) on a store of the examples, the seeds and 200 stories of
 * France and Poland over seven years: keyset pages against the plain event list, the continuous
 * series against the relation route's, and the exports against the pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, CSV_COLUMNS } from '../../src/events/export/index.js';
import { dyadYearsApp, FORMULA_OUTLET } from './_dyad-corpus.js';
import { parseCsv } from './_csv.js';

interface Ev { articleId: string; index: number; date?: string; cursor?: string; sourceCountry: string; targetCountry?: string; quad: number | null; code: string; outlet?: string; confidence: number; negated: boolean }
interface EventPage { items: Ev[]; limit: number; total: number; older: string | null; newer: string | null }
interface Point { period: string; start: string; events: number; quad: number[]; goldsteinMean: number | null; rolling: number | null; rollingEvents: number }
interface View { from: string | null; to: string | null; points: Point[]; mentions: number; outlets: { outlet: string; events: number }[] }

const key = (e: Ev) => `${e.articleId}#${e.index}`;

test('server/dyad: keyset pages, the continuous series and the exports of a dyad view', { timeout: 180_000 }, async (t) => {
  const { app, get } = await dyadYearsApp(t, 200);
  /** the plain event list (offset pages of /api/events), the reference the explorer is held to */
  const plain = async (q: string): Promise<Ev[]> => {
    const out: Ev[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await get<{ items: Ev[]; total: number }>(`/api/events?${q}&limit=500&offset=${offset}`);
      out.push(...page.items);
      if (out.length >= page.total) return out;
    }
  };
  /** every page older from the newest, then back newer from the oldest */
  const walk = async (q: string, limit: number) => {
    const older: Ev[][] = [];
    let page = await get<EventPage>(`/api/dyad/events?${q}&limit=${limit}`);
    assert.equal(page.newer, null, 'nothing is newer than the first page');
    older.push(page.items);
    while (page.older) {
      page = await get<EventPage>(`/api/dyad/events?${q}&limit=${limit}&before=${page.older}`);
      assert.ok(page.newer, 'an older page has newer ones');
      older.push(page.items);
    }
    const newer: Ev[][] = [page.items];
    while (page.newer) {
      page = await get<EventPage>(`/api/dyad/events?${q}&limit=${limit}&after=${page.newer}`);
      newer.unshift(page.items);
    }
    return { older, newer, total: page.total };
  };

  await t.test('a range of three years: every event once, newest first, older to the oldest and back', async () => {
    const range = 'from=2017-01-01&to=2019-12-31';
    const { older, newer, total } = await walk(`a=FRA&b=POL&undirected=true&${range}`, 25);
    const flat = older.flat();
    const want = (await plain(`dyad=FRA,POL&undirected=true&${range}`)).filter((e) => e.date);
    assert.ok(want.length > 80, `${want.length} events in range`);
    assert.equal(total, want.length);
    assert.deepEqual(flat.map(key).sort(), want.map(key).sort(), 'none twice, none missing');
    assert.ok(flat.every((e) => e.date! >= '2017-01-01' && e.date! <= '2019-12-31'), 'only the range');
    for (let i = 1; i < flat.length; i++) assert.ok(flat[i - 1].date! >= flat[i].date!, `newest first at ${i}: ${flat[i - 1].date} then ${flat[i].date}`);
    assert.ok(flat.some((e) => e.sourceCountry === 'POL') && flat.some((e) => e.sourceCountry === 'FRA'), 'both directions');
    assert.deepEqual(newer.map((p) => p.map(key)), older.map((p) => p.map(key)), 'the same pages reading newer');
    t.diagnostic(`FRA↔POL 2017–2019: ${want.length} events, ${older.length} pages of 25 each way`);
  });

  await t.test('directed, and each filter, select what the plain list filtered the same way selects', async () => {
    const base = await plain('dyad=FRA,POL&undirected=true');
    const cases: [string, (e: Ev) => boolean][] = [
      ['', (e) => e.sourceCountry === 'FRA' && e.targetCountry === 'POL'],
      ['&undirected=true&quad=3', (e) => e.quad === 3],
      ['&undirected=true&code=11', (e) => e.code.startsWith('11')],
      ['&undirected=true&outlet=Vistula%20Daily', (e) => e.outlet === 'Vistula Daily'],
      ['&undirected=true&minConfidence=0.7&from=2016-06-01', (e) => e.confidence >= 0.7 && e.date! >= '2016-06-01'],
    ];
    for (const [q, keep] of cases) {
      const want = base.filter((e) => e.date && keep(e)).map(key).sort();
      const { older, total } = await walk(`a=FRA&b=POL${q}`, 40);
      assert.ok(want.length > 0, `the case ${q} selects something`);
      assert.equal(total, want.length, q);
      assert.deepEqual(older.flat().map(key).sort(), want, q);
    }
  });

  await t.test('cursors: both at once, or one malformed, are refused', async () => {
    const both = await app.request('/api/dyad/events?a=FRA&b=POL&before=2018-01-01:5&after=2017-01-01:5');
    assert.equal(both.status, 400);
    assert.match(((await both.json()) as { message: string }).message, /before and after/);
    const bad = await app.request('/api/dyad/events?a=FRA&b=POL&before=2018-01-01');
    assert.equal(bad.status, 400);
  });

  await t.test('series: every month of the range, empty ones with n = 0, as the relation route counts them, with the rolling mean', async () => {
    const v = await get<View>('/api/dyad/series?a=FRA&b=POL&undirected=true&from=2017-01-01&to=2019-12-31&period=month&window=3');
    assert.equal(v.points.length, 36);
    assert.deepEqual(v.points.map((p) => p.start), Array.from({ length: 36 }, (_, i) => `${2017 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}-01`));
    // from two months earlier: the first months' rolling means reach back into them
    const rel = await get<{ series: { period: string; events: number; quad: number[]; goldsteinMean: number; goldsteinSum: number }[] }>('/api/relations/dyad?a=FRA&b=POL&undirected=true&from=2016-11-01&to=2019-12-31&period=month');
    const by = new Map(rel.series.map((r) => [r.period, r]));
    assert.ok(v.points.some((p) => p.events === 0), 'some months have no events and are there');
    for (const p of v.points) {
      const r = by.get(p.period);
      assert.equal(p.events, r?.events ?? 0, p.period);
      assert.deepEqual(p.quad, r?.quad ?? [0, 0, 0, 0], p.period);
      assert.equal(p.goldsteinMean, r ? r.goldsteinMean : null, p.period);
    }
    assert.ok(by.has('2016-11') || by.has('2016-12'), 'the months before the range have events');
    const months = ['2016-11', '2016-12', ...v.points.map((p) => p.period)];
    v.points.forEach((p, i) => {
      const w = months.slice(i, i + 3).map((m) => by.get(m));
      const n = w.reduce((s, r) => s + (r?.events ?? 0), 0);
      const sum = w.reduce((s, r) => s + (r?.goldsteinSum ?? 0), 0);
      assert.equal(p.rollingEvents, n, p.period);
      assert.ok(n === 0 ? p.rolling === null : Math.abs(p.rolling! - sum / n) < 1e-3, `${p.period}: rolling ${p.rolling}, expected ${sum / n}`);
    });
    assert.ok(v.outlets.some((o) => o.outlet === 'Vistula Daily'));
    const weeks = await get<View>('/api/dyad/series?a=FRA&b=POL&from=2018-12-20&to=2019-02-10&period=week&window=1');
    assert.deepEqual(weeks.points.map((p) => p.period).slice(0, 3), ['2018-W51', '2018-W52', '2019-W01']);
    weeks.points.slice(1).forEach((p, i) => assert.equal(Date.parse(p.start) - Date.parse(weeks.points[i].start), 7 * 86_400_000));
    const whole = await get<View>('/api/dyad/series?a=POL&b=FRA&period=month');
    assert.ok(whole.from! <= '2015-01-31' && whole.to! >= '2021-11-01', `the axis spans the events: ${whole.from} to ${whole.to}`);
    const tooMany = await app.request('/api/dyad/series?a=FRA&b=POL&period=day&from=1900-01-01&to=2100-01-01');
    assert.equal(tooMany.status, 400);
  });

  await t.test('exports: CSV rows are the view\'s events (formula-safe), GDELT tables and PLOVER lines parse', async () => {
    const q = 'a=FRA&b=POL&undirected=true&from=2015-01-01&to=2021-12-31';
    const { total } = await get<EventPage>(`/api/dyad/events?${q}&limit=1`);
    const res = await app.request(`/api/dyad/export?${q}&format=csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition')!, /filename="entente-FRA-POL-both-2015-01-01-2021-12-31\.csv"/);
    const rows = parseCsv(await res.text());
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length - 1, total, 'one row per event in the view');
    const outlet = CSV_COLUMNS.indexOf('outlet');
    const formula = rows.filter((r) => r[outlet].includes('HYPERLINK'));
    assert.ok(formula.length > 0, 'the formula outlet is in the view');
    for (const r of formula) assert.equal(r[outlet], `'${FORMULA_OUTLET}`);
    assert.ok(rows.slice(1).every((r) => r.every((cell) => !/^[=+@\t\r]/.test(cell) && !/^-[^\d]/.test(cell))), 'no cell a spreadsheet would run');

    const gdelt = (await (await app.request(`/api/dyad/export?${q}&format=gdelt`)).text()).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    assert.deepEqual(gdelt[0], [...GDELT_EVENT_COLUMNS]);
    assert.ok(gdelt.length > 1 && gdelt.every((r) => r.length === GDELT_EVENT_COLUMNS.length));
    const mentions = (await (await app.request(`/api/dyad/export?${q}&format=gdelt-mentions`)).text()).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    assert.deepEqual(mentions[0], [...GDELT_MENTION_COLUMNS]);
    assert.equal(mentions.length - 1, total, 'one mention row per event');
    const plover = (await (await app.request(`/api/dyad/export?${q}&format=plover`)).text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { date: string; actor: unknown[] });
    assert.ok(plover.length > 0 && plover.length <= total);
    assert.ok(plover.every((r) => r.date >= '2015-01-01' && r.date <= '2021-12-31' && r.actor.length > 0));
    const filtered = parseCsv(await (await app.request(`/api/dyad/export?${q}&quad=3&outlet=Baltic%20Wire&format=csv`)).text());
    const narrow = await get<EventPage>(`/api/dyad/events?${q}&quad=3&outlet=Baltic%20Wire&limit=1`);
    assert.equal(filtered.length - 1, narrow.total, 'the filters apply to the export');
    t.diagnostic(`export of ${total} events: ${rows.length - 1} CSV rows, ${gdelt.length - 1} GDELT events, ${plover.length} PLOVER records`);
  });
});
