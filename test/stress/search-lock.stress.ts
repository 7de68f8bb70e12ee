/**
 * A text search while another process ingests into the same SQLite file (`entente serve` beside
 * `entente ingest`): the search brings the full-text index up to date first, and it must never
 * answer 500 "database is locked".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/server/index.js';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeArticle } from '../_fixtures.js';

const WRITER = fileURLToPath(new URL('../server/_writer.js', import.meta.url));

test('server/search-lock: GET /api/articles?q= during another process\'s ingest always answers 200, and finds what was committed', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-search-lock-'));
  const path = join(dir, 'x.db');
  const store = openSqliteStore(path);
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  for (let i = 0; i < 5; i++) {
    const a = analyze({ text: makeArticle(i), origin: `seed-${i}.txt` });
    if (!('skipped' in a)) await store.putArticle(a);
  }
  const logged: string[] = [];
  const app = createApp(store, { log: (m) => logged.push(m) });
  const writer = spawn(process.execPath, [WRITER, path, '100', '300'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(createInterface({ input: writer.stdout! }), 'line');
  let done = false;
  const exited = once(writer, 'exit').then(([code]) => { done = true; return code; });
  const statuses = new Map<number, number>();
  let searches = 0;
  while (!done) {
    const res = await app.request('/api/articles?q=statement&limit=1');
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    searches++;
    await new Promise((next) => setImmediate(next));
  }
  assert.equal(await exited, 0, 'the writer stored its articles');
  assert.ok(searches >= 10, `searched ${searches} times while the other process wrote`);
  assert.deepEqual([...statuses], [[200, searches]], `statuses: ${JSON.stringify([...statuses])}; ${logged[0] ?? ''}`);
  const after = (await (await app.request('/api/articles?q=statement&limit=1')).json()) as { total: number };
  assert.equal(after.total, 305, 'once the writer is done, every article is found');
});
