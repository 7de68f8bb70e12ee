import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ftsQuery } from '../../src/store/sqlite-search.js';
import type { Article } from '../../src/model/article.js';
import { makeArticle } from '../_fixtures.js';

function article(i: number, given: { title?: string; date?: string } = {}): Article {
  const a = analyze({ text: makeArticle(i), origin: `a${i}.txt`, format: 'text', given });
  assert.ok(!('skipped' in a));
  return a;
}

test('store/search: user words become FTS5 strings, never syntax', () => {
  const rows: [string, string | undefined][] = [
    ['sanctions', '"sanctions"'],
    ['grain exports', '"grain" "exports"'],
    ['"rail link" Pol*', '"rail link" "Pol"*'],
    ['NEAR(a b) OR c', '"NEAR" "a" "b" "OR" "c"'],
    ['"unclosed', '"unclosed"'],
    ['-- !! ""', undefined],
    ['Lavrov’s', '"Lavrov" "s"'],
  ];
  for (const [q, want] of rows) assert.equal(ftsQuery(q), want, q);
});

test('store/search: articles are found by title and body words (stems too), filtered by source and date, newest first otherwise', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-search-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    // makeArticle(i): topic = TOPICS[(i >> 3) % 6]; i = 0..7 'fishing rights', 8..15 'a rail link'
    for (let i = 0; i < 16; i++) await store.putArticle(article(i, { title: `Dispatch ${i}`, date: `2021-03-${String(10 + i).padStart(2, '0')}` }));
    assert.equal(await store.countArticles({ q: 'fishing' }), 8);
    assert.equal(await store.countArticles({ q: 'rails' }), 8, 'Porter stems: rails finds rail');
    assert.equal(await store.countArticles({ q: '"rail link" fishing' }), 0);
    assert.equal(await store.countArticles({ q: 'dispatch' }), 16, 'title words');
    const page = await store.searchArticles({ q: 'fishing', limit: 3, offset: 6 });
    assert.equal(page.length, 2);
    assert.equal(await store.countArticles({ from: '2021-03-12', to: '2021-03-14' }), 3);
    const newest = await store.searchArticles({ limit: 2 });
    assert.deepEqual(newest.map((h) => h.date), ['2021-03-25', '2021-03-24']);
    assert.equal(await store.countArticles({ source: 'nobody' }), 0);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/search: a database from before the search index gets one, filled with the articles already stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-search-'));
  const path = join(dir, 'old.db');
  try {
    const store = openSqliteStore(path);
    for (let i = 0; i < 4; i++) await store.putArticle(article(8 + i));
    await store.close();
    // take the database back to the schema before migration 5, as an older entente left it
    const db = new Database(path);
    db.exec('DROP TABLE article_search; DROP VIEW article_search_content; DROP TABLE article_keys; DROP INDEX events_order;');
    db.pragma('user_version = 4'); // migration 5 made the search index
    db.close();
    const reopened = openSqliteStore(path);
    try {
      assert.equal(await reopened.countArticles({ q: 'rail' }), 4);
      await reopened.putArticle(article(12));
      assert.equal(await reopened.countArticles({ q: 'rail' }), 5, 'and new articles go in as they are stored');
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/search: a store opened read-only searches the index as it stands; articles not yet indexed wait for a writer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-search-'));
  const path = join(dir, 'x.db');
  try {
    const writer = openSqliteStore(path);
    for (let i = 0; i < 4; i++) await writer.putArticle(article(i));
    assert.equal(await writer.countArticles({ q: 'fishing' }), 4, 'a writer catches the index up');
    for (let i = 4; i < 8; i++) await writer.putArticle(article(i));
    await writer.close();
    const reader = openSqliteStore(path, { readonly: true });
    try {
      assert.equal(await reader.countArticles({ q: 'fishing' }), 4, 'the four indexed ones, no error');
      assert.equal((await reader.searchArticles({ q: 'fishing' })).length, 4);
    } finally {
      await reader.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
