/**
 * One request must not stall the others: a 9 MiB article posted to `/api/ingest` is analysed
 * off the thread that answers, and uncached relation answers beyond a bound are refused with 503
 * rather than queued. Ordering is asserted, never a time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { createApp, listen } from '../../src/server/index.js';
import { createAnalyzer, type Analyzer } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store, StoredEvent } from '../../src/store/types.js';
import { makeArticle } from '../_fixtures.js';

function tempStore(t: TestContext): Store {
  const dir = mkdtempSync(join(tmpdir(), 'entente-stall-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

/** Our own wire copy, `bytes` long as JSON. */
function bigArticle(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    parts.push(makeArticle(i));
    size += Buffer.byteLength(parts[i]) + 4;
  }
  return JSON.stringify({ text: parts.join('\n\n'), date: '2021-03-23' });
}

test('server/stall: while a 9 MiB article is being analysed, /api/stats answers before the ingest does', { timeout: 300_000 }, async (t) => {
  const store = tempStore(t);
  const pool = createAnalyzer(1, undefined, { timeoutMs: 600_000 });
  t.after(() => pool.close());
  let started!: () => void;
  const analysing = new Promise<void>((done) => (started = done));
  const analyzer: Analyzer = { threads: pool.threads, replaced: 0, close: () => pool.close(), analyze: (item) => (started(), pool.analyze(item)) };
  const server = await listen(createApp(store, { log: () => {}, analyzer }), '127.0.0.1', 0);
  t.after(() => server.close());

  const body = bigArticle(9 * 1024 * 1024);
  assert.ok(body.length > 9 * 1024 * 1024 && body.length < 10 * 1024 * 1024, `${body.length} bytes`);
  const abort = new AbortController();
  const ingest = fetch(`${server.url}/api/ingest`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, signal: abort.signal })
    .then(() => 'ingest', () => 'ingest aborted');
  // the article is in the analyzer's hands (or, on a server that analyses inline, done)
  await Promise.race([analysing, ingest]);
  const stats = fetch(`${server.url}/api/stats`).then(async (r) => `stats ${r.status} ${((await r.json()) as { articles: number }).articles}`);
  const first = await Promise.race([stats, ingest]);
  abort.abort();
  assert.equal(first, 'stats 200 0', 'stats answered, from the store as it was, while the ingest was still in flight');
});

test('server/stall: uncached relation answers beyond maxAggregations are refused at once with 503 and Retry-After; the others and /api/stats are answered', async (t) => {
  const store = tempStore(t);
  // a store whose event reads wait until the test lets them go: the aggregations are "running"
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  let reads = 0;
  const slow: Store = Object.assign(Object.create(store) as Store, {
    listEvents: async (): Promise<StoredEvent[]> => {
      reads++;
      await held;
      return [];
    },
  });
  const app = createApp(slow, { log: () => {}, maxAggregations: 2 });
  const answers = Array.from({ length: 20 }, (_, i) => Promise.resolve(app.request(`/api/relations?from=2020-01-${String(i + 1).padStart(2, "0")}`)));
  const settled: Response[] = [];
  for (const a of answers) void a.then((r) => settled.push(r));
  const stats = await app.request('/api/stats');
  assert.equal(stats.status, 200, 'stats answers while the aggregations are held');
  // the refused requests finish within a few turns of the event loop; the admitted ones cannot
  for (let turn = 0; settled.length < 18 && turn < 1000; turn++) await new Promise((next) => setImmediate(next));
  assert.equal(settled.length, 18, 'the two admitted requests are still waiting for their events');
  for (const r of settled) {
    assert.equal(r.status, 503);
    assert.equal(r.headers.get('Retry-After'), '2');
    assert.equal(((await r.json()) as { code: string }).code, 'busy');
  }
  release();
  const all = await Promise.all(answers);
  assert.deepEqual(all.map((r) => r.status).filter((s) => s === 200).length, 2);
  assert.equal(reads, 2, 'only the admitted requests read the events');
  const again = await app.request('/api/relations?from=2020-01-20');
  assert.equal(again.status, 200, 'a refused request answers once the server is free');
});
