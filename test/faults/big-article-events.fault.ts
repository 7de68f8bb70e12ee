/**
 * The relation routes read every event with its sentence. One long stored article with
 * thousands of events gave each event row its own copy of the article's whole text: a 9 MiB
 * article posted to /api/ingest, then GET /api/relations, ran the server out of memory.
 * Here an article of 700,000 characters must give its relations in a process with a 160 MB heap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { BIN } from '../cli/_run.js';
import { makeArticle } from '../_fixtures.js';

test('server/big-article: the relations of a store holding one article of 700,000 characters with thousands of events fit in a 160 MB heap', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-big-article-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const store = openSqliteStore(db);
  const a = analyze({ text: Array.from({ length: 3000 }, (_, i) => makeArticle(i)).join('\n\n'), origin: 'long.txt' });
  if ('skipped' in a) throw new Error(a.detail);
  await store.putArticle(a);
  await store.close();
  assert.ok(a.text.length > 500_000 && a.events.length >= 2000, `${a.text.length} characters, ${a.events.length} events`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=160', BIN, 'relations', '--db', db, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr.slice(0, 600));
});
