import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { AnswerCache } from '../../src/server/cache.js';

type Dyads = { items: { source: string; target: string; events: number }[]; total: number };

test('server/cache: relation answers follow the store as articles with events are added', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-cache-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const app = createApp(store, { log: () => {} });
    const dyads = async () => (await (await app.request('/api/relations?undirected=true')).json()) as Dyads;
    assert.equal((await dyads()).total, 0);
    const post = (text: string) => app.request('/api/ingest', { method: 'POST', body: JSON.stringify({ text, date: '2021-05-03' }), headers: { 'Content-Type': 'application/json' } });
    await post('Norway accused Peru on Monday of breaking the fishing agreement, the foreign ministry in Oslo said.\n\nPeru rejected the accusation.');
    const one = await dyads();
    assert.deepEqual(one.items.map((d) => [d.source, d.target]), [['NOR', 'PER']]);
    const series = async () => (await (await app.request('/api/relations/dyad?a=NOR&b=PER&undirected=true&period=day')).json()) as { series: { events: number }[] };
    const total = async () => (await series()).series.reduce((n, r) => n + r.events, 0);
    const before = await total();
    await post('Peru accused Norway of bad faith in the fishing talks, officials in Lima said on Tuesday.');
    assert.ok((await total()) > before, 'not the answer cached before the second article');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('server/cache: one computation for concurrent asks, a new one under a new stamp, failures not kept, oldest evicted', async () => {
  const cache = new AnswerCache<number>(2);
  let runs = 0;
  const compute = async () => ++runs;
  assert.deepEqual(await Promise.all([cache.get('a', '1', compute), cache.get('a', '1', compute)]), [1, 1]);
  assert.equal(await cache.get('a', '2', compute), 2);
  await assert.rejects(cache.get('b', '2', async () => { throw new Error('no'); }));
  assert.equal(await cache.get('b', '2', compute), 3);
  await cache.get('c', '2', compute);
  assert.equal(await cache.get('a', '2', compute), 5, 'a was the least recently used of three in a cache of two');
});
