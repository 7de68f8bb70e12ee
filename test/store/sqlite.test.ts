import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations.js';
import { defaultDbPath } from '../../src/store/location.js';
import { decodeSpans, encodeSpans } from '../../src/store/codec.js';
import type { Article } from '../../src/model/article.js';
import { makeArticle } from '../_fixtures.js';

function article(i: number, origin = `a${i}.txt`): Article {
  const a = analyze({ text: makeArticle(i), origin, format: 'text' });
  assert.ok(!('skipped' in a), JSON.stringify(a));
  return a;
}

test('store/sqlite: an article round-trips whole, spans and source map included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const a = article(1);
    assert.equal(await store.putArticle(a), 'stored');
    const back = await store.getArticle(a.id);
    assert.deepEqual(back, a);
    assert.deepEqual(await store.getArticle(a.id.slice(0, 8)), a, 'unambiguous prefix');
    assert.equal(await store.getArticle('zz'), undefined);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/sqlite: re-ingesting the same story, even from another file, changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const path = join(dir, 'x.db');
  const store = openSqliteStore(path);
  try {
    assert.equal(await store.putArticle(article(2)), 'stored');
    assert.equal(await store.putArticle(article(2)), 'unchanged');
    assert.equal(await store.putArticle(article(2, 'copy-of-a2.txt')), 'unchanged');
    const s = await store.stats();
    assert.equal(s.articles, 1);
    const list = await store.listArticles();
    assert.deepEqual(list[0].origins, ['a2.txt', 'copy-of-a2.txt']);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/sqlite: several articles go in one transaction, each answered as alone, and a failure writes none of them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    assert.deepEqual(await store.putArticles!([article(3), article(4), article(3, 'again.txt')]), ['stored', 'stored', 'unchanged']);
    assert.deepEqual(await store.getArticle(article(4).id), article(4));
    // a quote without its confidence breaks a NOT NULL column: the whole run rolls back
    const broken = { ...article(6), quotes: [{ start: 0, end: 1, kind: 'direct', spans: [], rule: 'x', confidence: null }] } as unknown as Article;
    await assert.rejects(store.putArticles!([article(5), broken]), /NOT NULL/);
    assert.equal(await store.getArticle(article(5).id), undefined, 'the article before the failure is not written either');
    assert.equal((await store.stats()).articles, 2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/sqlite: skips are recorded by origin, and cleared when the origin later stores', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    await store.recordSkip({ skipped: true, reason: 'binary', origin: 'b.bin', detail: 'NUL bytes' });
    await store.recordSkip({ skipped: true, reason: 'empty', origin: 'a3.txt', detail: '0 bytes' });
    await store.recordSkip({ skipped: true, reason: 'empty', origin: 'a3.txt', detail: '0 bytes' });
    assert.deepEqual((await store.stats()).skippedByReason, { binary: 1, empty: 1 });
    await store.putArticle(article(3));
    assert.deepEqual((await store.stats()).skippedByReason, { binary: 1 });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/sqlite: migrations run once and a newer schema is refused with a clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const path = join(dir, 'x.db');
  try {
    await openSqliteStore(path).close();
    await openSqliteStore(path).close();
    const db = new Database(path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.pragma('user_version = 99');
    db.close();
    assert.throws(() => openSqliteStore(path), /schema version 99, newer than this entente/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/codec: spans pack and unpack exactly, overlapping and huge ones too', () => {
  const rows: { start: number; end: number }[][] = [
    [],
    [{ start: 0, end: 0 }],
    [{ start: 0, end: 3 }, { start: 5, end: 70000 }, { start: 2 ** 31, end: 2 ** 32 - 1 }],
    [{ start: 10, end: 40 }, { start: 12, end: 15 }, { start: 0, end: 2 }],
    [{ start: 2 ** 40, end: 2 ** 40 + 127 }, { start: 2 ** 40 + 128, end: 2 ** 40 + 16384 }],
  ];
  for (const spans of rows) assert.deepEqual(decodeSpans(encodeSpans(spans)), spans);
  assert.throws(() => decodeSpans(encodeSpans([{ start: 1, end: 300 }]).subarray(0, 2)), /truncated/);
});

test('store/location: the user data folder per platform, $ENTENTE_DB first', () => {
  const rows: [Record<string, string>, string, string][] = [
    [{}, 'linux', '/home/u/.local/share/entente/entente.db'],
    [{ XDG_DATA_HOME: '/xdg' }, 'linux', '/xdg/entente/entente.db'],
    [{}, 'darwin', '/home/u/Library/Application Support/entente/entente.db'],
    [{ ENTENTE_DB: '/tmp/e.db' }, 'linux', '/tmp/e.db'],
  ];
  for (const [env, platform, want] of rows) assert.equal(defaultDbPath(env, platform, '/home/u'), want);
});

test('store/sqlite: migration 8 makes Goldstein and quad nullable in a store made before it, keeping its events and indexes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
  const path = join(dir, 'x.db');
  try {
    const old = new Database(path);
    for (const m of SQLITE_MIGRATIONS.slice(0, 7)) typeof m === 'string' ? old.exec(m) : m(old);
    old.pragma('user_version = 7');
    const a = article(7);
    old.prepare(`INSERT INTO articles (id, format, encoding, input_length, text, meta, captions, removed, source_map, paragraphs, sentences, tokens, n_sentences, ingested_at)
      VALUES (?, 'text', 'utf-8', 1, 'x', '{}', '[]', '[]', x'', x'', x'', x'', 0, '2024-01-01')`).run(a.id);
    old.prepare(`INSERT INTO events (article_id, n, grp, source, source_country, code, root, goldstein, quad, negated, modality, rule, confidence, data)
      VALUES (?, 0, 'g', 'FRA', 'FRA', '042', '04', 1.9, 1, 0, 'asserted', 'test', 0.9, '{}')`).run(a.id);
    old.close();
    await openSqliteStore(path).close();
    const db = new Database(path);
    try {
      assert.equal(db.pragma('user_version', { simple: true }), SQLITE_MIGRATIONS.length);
      const cols = db.prepare('SELECT name, "notnull" FROM pragma_table_info(?)').all('events') as { name: string; notnull: number }[];
      assert.deepEqual(cols.filter((c) => c.name === 'goldstein' || c.name === 'quad').map((c) => c.notnull), [0, 0]);
      assert.deepEqual(db.prepare('SELECT id, code, goldstein, quad FROM events').all(), [{ id: 1, code: '042', goldstein: 1.9, quad: 1 }]);
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name").pluck().all() as string[]);
      assert.deepEqual(indexes, ['events_article', 'events_date', 'events_dyad', 'events_grp', 'events_order']);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
