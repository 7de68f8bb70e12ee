/**
 * `/api/stats` while another process ingests into the same SQLite file: its numbers of articles,
 * sentences, quotes and events must all be of one moment (a prefix of what the writer stores),
 * never articles counted before a commit and events after it.
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
const FIRST = 100;
const COUNT = 300;

test('server/stats: every /api/stats answer during another process\'s ingest counts one moment', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-stats-moment-'));
  const path = join(dir, 'x.db');
  const store = openSqliteStore(path);
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // what the store holds after the writer's k-th commit, k = 0…COUNT (the writer stores them in order)
  const at = [{ sentences: 0, quotes: 0, events: 0 }];
  for (let i = 0; i < COUNT; i++) {
    const a = analyze({ text: makeArticle(FIRST + i), origin: `writer-${FIRST + i}.txt` });
    if ('skipped' in a) throw new Error(`fixture ${FIRST + i} skipped: ${a.detail}`);
    const prev = at[i];
    at.push({ sentences: prev.sentences + a.spans.sentences.length, quotes: prev.quotes + a.quotes.length, events: prev.events + a.events.length });
  }
  const app = createApp(store, { log: () => {} });
  const writer = spawn(process.execPath, [WRITER, path, String(FIRST), String(COUNT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(createInterface({ input: writer.stdout! }), 'line');
  let done = false;
  const exited = once(writer, 'exit').then(([code]) => { done = true; return code; });
  const mixed: string[] = [];
  let answers = 0;
  while (!done) {
    const s = (await (await app.request('/api/stats')).json()) as { articles: number; sentences: number; quotes: number; events: number };
    const want = at[s.articles];
    if (!want || want.sentences !== s.sentences || want.quotes !== s.quotes || want.events !== s.events) mixed.push(JSON.stringify(s));
    answers++;
    await new Promise((next) => setImmediate(next));
  }
  assert.equal(await exited, 0);
  assert.ok(answers >= 10, `asked ${answers} times while the other process wrote`);
  assert.deepEqual(mixed, [], `${mixed.length} of ${answers} answers mixed two moments`);
});
