import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyze, STAGES } from '../../src/pipeline/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations.js';

/** The migrations that added the syntax layer (SQLite 7, PostgreSQL 5), counted from 1; later ones run after them. */
const SYNTAX_SQLITE = 7;
const SYNTAX_POSTGRES = 5;
import { packArticle, unpackArticle } from '../../src/store/codec.js';
import { decodeSyntax, encodeSyntax } from '../../src/store/syntax-codec.js';
import type { Article } from '../../src/model/article.js';
import type { ParsedSentence } from '../../src/model/syntax.js';
import type { Store } from '../../src/store/types.js';
import { sharedPath } from '../_shared.js';
import { TEST_PG, adminQuery, freshSchema, pgUnavailable } from './_pg.js';

const TEXT = 'Talks\n\nRussia accused the European Union of waging a hybrid war against Moscow. The weather was mild. China and Japan signed a trade agreement in Beijing.';
// asked before any test is declared: a test running meanwhile would hold the event loop past the connection timeout
const pgSkip = await pgUnavailable();
const WITHOUT_SYNTAX = STAGES.filter((s) => s.name !== 'syntax');

function analyzed(text: string, origin = 'a.txt', stages = STAGES): Article {
  const a = analyze({ text, origin }, stages);
  assert.ok(!('skipped' in a), JSON.stringify(a));
  return a;
}

test('store/syntax: the codec gives back every word, lemmas as written, lower-cased or neither, and the root', () => {
  const text = 'Talks\n\nThe U.S. wasn’t ready.';
  const at = (w: string) => text.indexOf(w);
  const parsed: ParsedSentence[] = [{
    start: 7, end: text.length, sentence: 1, words: [
      { start: at('The'), end: at('The') + 3, upos: 'DET', lemma: 'the', head: 1, deprel: 'det' },
      { start: at('U.S.'), end: at('U.S.') + 4, upos: 'PROPN', lemma: 'U.S.', head: 2, deprel: 'nsubj' },
      { start: at('was'), end: at('was') + 3, upos: 'AUX', lemma: 'be', head: 4, deprel: 'cop' },
      { start: at('n’t'), end: at('n’t') + 3, upos: 'PART', lemma: 'not', head: 4, deprel: 'advmod' },
      { start: at('ready'), end: at('ready') + 5, upos: 'ADJ', lemma: 'ready', head: -1, deprel: 'root' },
      { start: text.length - 1, end: text.length, upos: 'PUNCT', lemma: '.', head: 4, deprel: 'punct' },
    ],
  }];
  assert.deepEqual(decodeSyntax(encodeSyntax(text, parsed), text), parsed);
  assert.deepEqual(decodeSyntax(encodeSyntax(text, []), text), []);
});

test('store/syntax: on the seeds the layer packs to a few bytes a word and unpacks identical', (t) => {
  const dir = sharedPath(t, 'seeds');
  if (!dir) return;
  let words = 0;
  let bytes = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const a = analyzed(readFileSync(join(dir, f), 'utf8'), f);
    assert.ok(a.spans.syntax && a.spans.syntax.length > 0, `${f} has parsed sentences`);
    const p = packArticle(a);
    assert.deepEqual(unpackArticle(p), a);
    words += a.spans.syntax.reduce((n, s) => n + s.words.length, 0);
    bytes += p.packed.syntax!.length;
  }
  // the tag, relation and head each fit a byte, spans two: JSON would take ~100 bytes a word
  assert.ok(bytes / words < 8, `${(bytes / words).toFixed(1)} bytes a word`);
});

/** What both stores must do with the layer: keep it, keep its absence, and store a story once. */
async function roundTrip(store: Store): Promise<void> {
  const a = analyzed(TEXT);
  assert.ok(a.spans.syntax!.length > 0);
  assert.equal(await store.putArticle(a), 'stored');
  assert.deepEqual(await store.getArticle(a.id), a);
  // ingested again (from another file), the story is the one already stored, parse and all
  assert.equal(await store.putArticle(analyzed(TEXT, 'again.txt')), 'unchanged');
  assert.deepEqual((await store.getArticle(a.id))!.spans.syntax, a.spans.syntax);
  const b = analyzed(TEXT.replace('mild', 'cold'), 'b.txt', WITHOUT_SYNTAX);
  assert.equal(await store.putArticle(b), 'stored');
  const back = await store.getArticle(b.id);
  assert.deepEqual(back, b);
  assert.equal('syntax' in back!.spans, false, 'an article without the layer reads back without it');
  assert.equal((await store.stats()).articles, 2);
}

test('store/syntax: SQLite keeps the layer, and an article stored before migration 7 reads back without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-syntax-'));
  const path = join(dir, 'x.db');
  try {
    const store = openSqliteStore(path);
    await roundTrip(store);
    const old = analyzed(TEXT.replace('mild', 'wet'), 'old.txt');
    await store.close();
    // the schema before migration 7, as an older entente left it, with a row it wrote
    const db = new Database(path);
    db.exec('ALTER TABLE articles DROP COLUMN syntax');
    db.pragma(`user_version = ${SYNTAX_SQLITE - 1}`);
    db.close();
    const reopened = openSqliteStore(path);
    try {
      const before = (await reopened.getArticle(analyzed(TEXT).id))!;
      assert.equal('syntax' in before.spans, false, 'a row from before the migration has no layer');
      assert.equal(await reopened.putArticle(old), 'stored');
      assert.deepEqual(await reopened.getArticle(old.id), old);
    } finally {
      await reopened.close();
    }
    // the migration run again finds its column and adds nothing
    const again = new Database(path);
    try {
      const m = SQLITE_MIGRATIONS[SYNTAX_SQLITE - 1];
      assert.equal(typeof m, 'function');
      (m as (d: Database.Database) => void)(again);
      assert.equal((again.prepare("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'syntax'").pluck().get() as number), 1);
    } finally {
      again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store/syntax: PostgreSQL keeps the layer, and an article stored before migration 5 reads back without it', { skip: pgSkip }, async () => {
  const schema = await freshSchema(TEST_PG!);
  try {
    const store = await openPostgresStore(schema.url);
    try {
      await roundTrip(store);
    } finally {
      await store.close();
    }
    // the schema before migration 5, as an older entente left it
    await adminQuery(TEST_PG!, `ALTER TABLE ${schema.name}.articles DROP COLUMN syntax`);
    await adminQuery(TEST_PG!, `DELETE FROM ${schema.name}.entente_schema WHERE version >= $1`, [SYNTAX_POSTGRES]);
    const reopened = await openPostgresStore(schema.url);
    try {
      const before = (await reopened.getArticle(analyzed(TEXT).id))!;
      assert.equal('syntax' in before.spans, false, 'a row from before the migration has no layer');
      const old = analyzed(TEXT.replace('mild', 'wet'), 'old.txt');
      assert.equal(await reopened.putArticle(old), 'stored');
      assert.deepEqual(await reopened.getArticle(old.id), old);
    } finally {
      await reopened.close();
    }
    // the migration run again finds its column and adds nothing
    await adminQuery(schema.url, POSTGRES_MIGRATIONS[SYNTAX_POSTGRES - 1] as string);
    const cols = await adminQuery(TEST_PG!, `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'articles' AND column_name = 'syntax'`, [schema.name]);
    assert.equal(cols.rows[0].n, 1);
  } finally {
    await schema.drop();
  }
});
