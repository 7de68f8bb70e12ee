/**
 * Dates through every entrance (JSON lines, HTML metadata, POST /api/ingest, `entente code`). Every
 * reader (commands, routes, exports) over a store whose date columns were written by hand is in
 * test/stress/spoiled-dates.stress.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readDate, storedDate, FUTURE_GRACE_DAYS } from '../../src/model/date.js';
import { analyze } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { entente } from '../cli/_run.js';
import { makeArticle } from '../_fixtures.js';
import { ROUTES } from './_dates.js';

const NOW = Date.UTC(2024, 5, 15, 12); // 2024-06-15T12:00Z: the clock the unit rows read against

/** Dates people and pages write that are dates, and what entente makes of them. */
const GOOD: [string, string][] = [
  ['2021-03-23', '2021-03-23'],
  ['  2021-03-23 ', '2021-03-23'],
  ['2021-03-23T09:30:00Z', '2021-03-23T09:30:00Z'],
  ['2021-03-23T09:30:00.250+01:00', '2021-03-23T09:30:00.250+01:00'],
  ['2019-11-20T08:03:00-0500', '2019-11-20T08:03:00-05:00'],
  ['2021-03-23 09:30', '2021-03-23T09:30:00'],
  ['20190301', '2019-03-01'],
  ['2019/03/01', '2019-03-01'],
  ['March 23, 2021', '2021-03-23'],
  ['Mar. 23 2021', '2021-03-23'],
  ['Sept 3, 2020', '2020-09-03'],
  ['23 March 2021', '2021-03-23'],
  ['Tuesday, 23rd of March, 2021', '2021-03-23'],
  ['Tue, 23 Mar 2021', '2021-03-23'],
  ['Tue, 23 Mar 2021 10:15:00 GMT', '2021-03-23T10:15:00.000Z'],
  ['Tue, 23 Mar 2021 10:15:00 +0200', '2021-03-23T08:15:00.000Z'],
  ['2024-02-29', '2024-02-29'],
  ['2024-06-17', '2024-06-17'], // two days ahead of NOW: a time zone or a fast clock
];

/** Values that are not dates to keep, and a word of the reason each must give. */
const BAD: [unknown, RegExp][] = [
  ['2019-13-01', /no month 13/],
  ['0000-00-00', /no month 00/],
  ['2019-00-10', /no month 00/],
  ['2019-04-00', /no day 00/],
  ['2021-02-30', /no day 30 in month 02/],
  ['2023-02-29', /no day 29 in month 02/],
  ['2019-04-31', /no day 31/],
  ['0000-01-01', /year 0000 is before/],
  ['1066-10-14', /before 1800/],
  ['9999-12-31', /more than 2 days after today/],
  ['2024-06-18', /more than 2 days after today/],
  ['20191301', /no month 13/],
  ['2021-03-23T25:00', /no time of day/],
  ['last Tuesday lol', /not a date/],
  ['soon', /not a date/],
  ['yesterday', /not a date/],
  ['03/04/2021', /ambiguous/],
  ['Smarch 23, 2021', /not a date/],
  ['soon 12:30 2021', /not a date/],
  ['', /empty/],
  ['   ', /empty/],
  ['2021-03-23'.repeat(10), /too long/],
  [20210323, /must be a string/],
  [null, /must be a string/],
];

test('dates: readDate accepts the common forms and normalises them to ISO', () => {
  for (const [input, want] of GOOD) assert.deepEqual(readDate(input, NOW), { ok: true, value: want }, input);
});

test(`dates: readDate rejects impossible, ancient, far-future (over ${FUTURE_GRACE_DAYS} days) and non-dates, saying why`, () => {
  for (const [input, why] of BAD) {
    const r = readDate(input, NOW);
    assert.equal(r.ok, false, `${JSON.stringify(input)} must be rejected`);
    if (!r.ok) assert.match(r.reason, why, JSON.stringify(input));
  }
});

/** Deterministic junk around dates: a fuzz of near-dates no reader may choke on. */
function fuzzDates(n: number): string[] {
  let seed = 7;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % k);
  const parts = ['0000', '1999', '2021', '9999', '-', '/', '13', '00', '31', '02', '29', 'T', ':', 'Z', '+', ' ', 'March', 'Feb', 'lol', ',', '.', '\u0000', '٢٠٢١', '１２'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(Array.from({ length: 1 + rnd(7) }, () => parts[rnd(parts.length)]).join(''));
  return out;
}

test('dates: every date readDate accepts from a fuzz is a real day the stores and the relations read back', () => {
  for (const raw of [...fuzzDates(3000), ...GOOD.map((g) => g[0]), ...BAD.map((b) => b[0])]) {
    const r = readDate(raw, NOW);
    if (!r.ok) continue;
    assert.equal(storedDate(r.value), r.value, `accepted ${JSON.stringify(raw)} as ${r.value}, which a store would not read back`);
    assert.ok(r.value.slice(0, 10) <= '2024-06-17', `${JSON.stringify(raw)} → ${r.value} is in the far future`);
  }
});

const DATELINE_STORY = `Russia and the EU meet\n\nMarch 23, 2021\n\n${makeArticle(3)}`;

test('dates: a JSON line with a bad date keeps the article, records why, and dates it from its own dateline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-dates-jsonl-'));
  try {
    const bad = ['2019-13-01', '0000-00-00', 'last Tuesday lol', '9999-12-31', 'soon', ...fuzzDates(40)];
    const lines = bad.map((date, i) => JSON.stringify({ text: DATELINE_STORY.replace('Russia and', `Story ${i}: Russia and`) + `\n\nLine ${i}.`, date }));
    lines.push(JSON.stringify({ text: makeArticle(4), date: '20190301' }));
    lines.push(JSON.stringify({ text: makeArticle(6), date: 20200415 }), JSON.stringify({ text: DATELINE_STORY + '\n\nAn object.', date: { day: 1 } }));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const db = join(dir, 'x.db');
    const r = entente(['ingest', file, '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    const sql = new Database(db, { readonly: true });
    const rows = sql.prepare('SELECT date, meta FROM articles').all() as { date: string | null; meta: string }[];
    sql.close();
    assert.equal(rows.length, lines.length, 'no article is lost over its date');
    for (const row of rows) {
      assert.ok(row.date === null || storedDate(row.date) === row.date, `stored date ${row.date}`);
      assert.ok(row.date === null || row.date.slice(0, 10) <= new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), row.date ?? '');
    }
    assert.ok(rows.some((x) => x.date === '2019-03-01'), 'YYYYMMDD is read');
    assert.ok(rows.some((x) => x.date === '2020-04-15'), 'a number YYYYMMDD is read');
    const rejected = rows.map((x) => JSON.parse(x.meta)).filter((m) => m.rejectedDate);
    const byValue = new Map(rejected.map((m) => [m.rejectedDate.value, m]));
    for (const v of ['2019-13-01', '0000-00-00', 'last Tuesday lol', '9999-12-31', 'soon', '{"day":1}']) {
      const m = byValue.get(v);
      assert.ok(m, `the rejected ${v} is recorded`);
      assert.match(m.rejectedDate.evidence, /rejected: /);
      assert.equal(m.date?.value, '2021-03-23', `${v}: the date falls back to the dateline`);
      assert.equal(m.date?.by, 'dateline');
      assert.match(m.date.evidence, /used because the input's "date" field/, 'the date used says why the given one was not');
    }
    const rel = entente(['relations', '--db', db]);
    assert.equal(rel.status, 0, rel.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const page = (head: string, body = `<p>${makeArticle(5).split('\n\n').join('</p><p>')}</p>`) =>
  `<html><head>${head}</head><body><article><h1>Talks</h1>${body}</article></body></html>`;

test('dates: HTML metadata dates are read by the same rules; a bad one is recorded and the next clue used', () => {
  const ld = (d: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Talks', datePublished: d })}</script>`;
  const cases: { head: string; body?: string; url?: string; date: string | undefined; by?: string; rejected?: string }[] = [
    { head: ld('2019-13-01') + '<meta property="article:published_time" content="2021-03-23T09:30:00Z">', date: '2021-03-23T09:30:00Z', by: 'meta', rejected: '2019-13-01' },
    { head: ld('9999-12-31'), body: '<time datetime="0000-00-00">then</time><p>March 22, 2021</p>' + `<p>${makeArticle(5)}</p>`, date: '2021-03-22', by: 'dateline', rejected: '9999-12-31' },
    { head: '<meta name="date" content="last Tuesday lol">', url: 'https://example.org/2020/05/06/story', date: '2020-05-06', by: 'url-path', rejected: 'last Tuesday lol' },
    { head: ld('soon'), date: undefined, rejected: 'soon' },
    { head: ld('Tue, 23 Mar 2021 10:15:00 GMT'), date: '2021-03-23T10:15:00.000Z', by: 'json-ld' },
  ];
  for (const c of cases) {
    const a = analyze({ text: page(c.head, c.body), origin: 'page.html', format: 'html', ...(c.url ? { given: { url: c.url } } : {}) });
    assert.ok(!('skipped' in a), JSON.stringify(a));
    assert.equal(a.meta.date?.value, c.date, c.head);
    if (c.by) assert.equal(a.meta.date?.by, c.by, c.head);
    assert.equal(a.meta.rejectedDate?.value, c.rejected, c.head);
    if (c.rejected) assert.match(a.meta.rejectedDate!.evidence!, /rejected: /);
  }
  // a fuzz of page dates: whatever the page says, the article's date is one a store reads back
  for (const d of fuzzDates(100)) {
    const a = analyze({ text: page(ld(d) + `<meta property="article:published_time" content="${d.replace(/"/g, '')}">`), origin: 'p.html', format: 'html' });
    assert.ok(!('skipped' in a));
    if (a.meta.date) assert.equal(storedDate(a.meta.date.value), a.meta.date.value, d);
  }
});

test('dates: POST /api/ingest with bad dates stores every article with a readable date, and the routes answer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-dates-api-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const app = createApp(store, { log: () => {} });
    const dates: unknown[] = ['2019-13-01', '0000-00-00', '20190301', 'last Tuesday lol', '9999-12-31', 'soon', 12, null, ...fuzzDates(30)];
    const body = dates.map((date, i) => ({ text: `${DATELINE_STORY}\n\nItem ${i}.`, date }));
    const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 200);
    const { results } = (await res.json()) as { results: { status: string; id?: string; reason?: string }[] };
    for (const [i, r] of results.entries()) {
      // a date that is not a string is a malformed item, as before; any string date is stored
      if (typeof dates[i] === 'string' || dates[i] === null) assert.equal(r.status, 'stored', `${JSON.stringify(dates[i])}: ${JSON.stringify(r)}`);
      if (r.id) {
        const a = await store.getArticle(r.id);
        if (a?.meta.date) assert.equal(storedDate(a.meta.date.value), a.meta.date.value);
      }
    }
    const a = await store.getArticle(results[4].id!);
    assert.equal(a?.meta.date?.value, '2021-03-23', '9999-12-31 is not taken; the dateline is');
    assert.match(a?.meta.rejectedDate?.evidence ?? '', /more than 2 days after today/);
    for (const path of ROUTES) assert.equal((await app.request(path)).status, 200, path);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dates: entente code reads YYYYMMDD and rejects an impossible date on its line, naming why', () => {
  const input = [
    JSON.stringify({ id: 1, date: '20210323', text: 'Russia accused the European Union of meddling on Tuesday.' }),
    JSON.stringify({ id: 2, date: '2019-13-01', text: 'Russia accused the European Union of meddling on Tuesday.' }),
    JSON.stringify({ id: 3, date: '9999-12-31', text: 'Russia accused the European Union of meddling on Tuesday.' }),
  ].join('\n');
  const r = entente(['code', '-'], { input });
  assert.equal(r.status, 3, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), [1]);
  assert.match(r.stderr, /stdin:2: "date" must be a date .*no month 13/);
  assert.match(r.stderr, /stdin:3: "date" must be a date .*more than 2 days after today/);
});
