/**
 * Analysts' corrections over HTTP (issue 19): an event marked wrong leaves the relations table,
 * the dyad's series and the dyad's export, stays in the dyad's evidence marked, comes back when
 * the correction is undone, and stays out when its article is ingested again (here or into a
 * new store that imported the correction).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Article } from '../../src/model/article.js';
import type { Correction } from '../../src/store/types.js';
import { dyadStory } from './_dyad-corpus.js';
import { parseCsv } from './_csv.js';

interface Ev { articleId: string; index: number; code: string; date: string; sourceCountry: string; targetCountry: string; correction?: Correction }
interface Row { source: string; target: string; events: number }

function stories(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const s = dyadStory(i);
    const a = analyze({ text: s.text, origin: `years/${i}.txt`, format: 'text', given: { date: s.date, source: s.source, title: s.title } });
    assert.ok(!('skipped' in a));
    return a;
  });
}

test('server/corrections: marking an event wrong takes it out of relations and exports, undo brings it back, re-ingest keeps it out', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-corr-'));
  const store = openSqliteStore(join(dir, 'a.db'));
  t.after(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });
  const articles = stories(12);
  for (const a of articles) await store.putArticle(a);
  const TOKEN = 'corrections-token';
  const app = createApp(store, { log: () => {}, token: TOKEN });
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.request(url);
    assert.equal(res.status, 200, `${url}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  const post = (body: unknown, headers: Record<string, string> = auth) =>
    app.request('/api/corrections', { method: 'POST', body: JSON.stringify(body), headers: { ...headers, 'Content-Type': 'application/json' } });
  const fraPol = async () => (await get<{ items: Row[] }>('/api/relations?limit=50')).items.find((r) => r.source === 'FRA' && r.target === 'POL')?.events ?? 0;
  const exported = async () => {
    const res = await app.request('/api/dyad/export?a=FRA&b=POL&format=csv');
    assert.equal(res.status, 200);
    const [head, ...rows] = parseCsv(await res.text());
    return rows.map((r) => `${r[head.indexOf('article')]}#${r[head.indexOf('index')]}`);
  };
  const seriesEvents = async () => (await get<{ mentions: number }>('/api/dyad/series?a=FRA&b=POL')).mentions;

  const page = await get<{ items: Ev[] }>('/api/dyad/events?a=FRA&b=POL&limit=100');
  const victim = page.items[0];
  const id = `${victim.articleId}#${victim.index}`;
  // the actor page's partners are a relation too
  const partnerPol = async () => (await get<{ items: { partner: string; sent: { events: number } }[] }>('/api/actors/FRA/partners')).items.find((p) => p.partner === 'POL')?.sent.events ?? 0;
  const before = { relations: await fraPol(), export: await exported(), series: await seriesEvents(), partners: await partnerPol() };
  assert.ok(before.relations > 0 && before.export.includes(id), 'the event counts and is exported');

  // writes are guarded as ingest is
  assert.equal((await post({ event: victim, verdict: 'wrong', reason: 'x' }, {})).status, 401);
  assert.equal((await post({ event: { articleId: victim.articleId, index: victim.index }, verdict: 'wrong' })).status, 400, 'wrong needs a reason');
  assert.equal((await post({ event: { articleId: victim.articleId, index: 999 }, verdict: 'wrong', reason: 'x' })).status, 404);

  const res = await post({ event: { articleId: victim.articleId, index: victim.index }, verdict: 'wrong', reason: 'France did not criticise Poland: a quote of a columnist', by: 'ana' });
  assert.equal(res.status, 200, await res.clone().text());
  const { correction } = (await res.json()) as { correction: Correction };
  assert.equal(correction.verdict, 'wrong');
  assert.match(correction.key, new RegExp(`^event:${victim.articleId}:\\d+-\\d+:FRA[A-Z]*>POL[A-Z]*:${victim.code}$`));

  const marked = { relations: await fraPol(), export: await exported(), series: await seriesEvents(), partners: await partnerPol() };
  assert.equal(marked.partners, before.partners - 1, "gone from the actor page's partners");
  assert.ok(!marked.export.includes(id), 'gone from the export');
  assert.equal(marked.export.length, before.export.length - 1);
  assert.equal(marked.series, before.series - 1, 'gone from the series');
  assert.ok(marked.relations <= before.relations && marked.relations >= before.relations - 1, 'gone from the relations (once de-duplicated)');
  const evidence = (await get<{ items: Ev[]; total: number }>('/api/dyad/events?a=FRA&b=POL&limit=100'));
  assert.equal(evidence.items.find((e) => `${e.articleId}#${e.index}` === id)?.correction?.verdict, 'wrong', 'still in the evidence, marked');
  assert.equal((await get<{ items: Ev[] }>(`/api/events?dyad=FRA,POL&limit=500`)).items.some((e) => `${e.articleId}#${e.index}` === id), false);
  assert.equal((await get<{ items: Ev[] }>(`/api/events?dyad=FRA,POL&limit=500&wrong=true`)).items.find((e) => `${e.articleId}#${e.index}` === id)?.correction?.key, correction.key);
  const listed = await get<{ items: Correction[]; total: number }>(`/api/corrections?verdict=wrong&article=${victim.articleId}`);
  assert.deepEqual(listed.items.map((c) => c.key), [correction.key]);

  // the same article ingested again, as a copy from elsewhere: the correction still holds
  const again = await app.request('/api/ingest', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ ...dyadStory(articles.findIndex((a) => a.id === victim.articleId)), url: 'http://copy.test/1' }) });
  assert.equal(((await again.json()) as { results: { status: string }[] }).results[0].status, 'unchanged');
  assert.ok(!(await exported()).includes(id), 'still out after the re-ingest');

  // a new store, the corrections brought over first, the articles ingested after: still out there
  const other = openSqliteStore(join(dir, 'b.db'));
  try {
    for (const c of await store.listCorrections()) await other.putCorrection(c);
    for (const a of stories(12)) await other.putArticle(a);
    const otherApp = createApp(other, { log: () => {} });
    const csv = parseCsv(await (await otherApp.request('/api/dyad/export?a=FRA&b=POL&format=csv')).text());
    assert.equal(csv.length - 1, marked.export.length, 'the re-ingested store leaves the same event out');
  } finally {
    await other.close();
  }

  // undo
  const undo = await app.request(`/api/corrections?key=${encodeURIComponent(correction.key)}`, { method: 'DELETE', headers: auth });
  assert.deepEqual(await undo.json(), { key: correction.key, removed: true });
  assert.deepEqual({ relations: await fraPol(), export: await exported(), series: await seriesEvents(), partners: await partnerPol() }, before, 'all back as before');
  const twice = await app.request(`/api/corrections?key=${encodeURIComponent(correction.key)}`, { method: 'DELETE', headers: auth });
  assert.equal(((await twice.json()) as { removed: boolean }).removed, false);

  // confirmed right: it stays, carrying the verdict
  const right = await post({ event: { articleId: victim.articleId, index: victim.index }, verdict: 'right' });
  assert.equal(right.status, 200);
  assert.deepEqual(await exported(), before.export);
  assert.equal((await get<{ items: Ev[] }>('/api/dyad/events?a=FRA&b=POL&limit=100')).items.find((e) => `${e.articleId}#${e.index}` === id)?.correction?.verdict, 'right');
});
