import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { entente, spawnEntente } from '../cli/_run.js';
import { decodeSpans } from '../../src/store/codec.js';
import { makeArticle } from '../_fixtures.js';

const N = 20_000;

test('ingest: SIGKILL mid-way leaves a clean database with whole articles, and a re-run completes the rest (issue 3)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-kill-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, Array.from({ length: N }, (_, i) => JSON.stringify({ text: makeArticle(i), date: '2024-01-02' })).join('\n') + '\n');
  const db = join(dir, 'store.db');

  // 1. start, wait until some articles are in, kill -9
  const child = spawnEntente(['ingest', corpus, '--db', db, '--quiet']);
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
  let before = 0;
  for (let waited = 0; waited < 60_000 && before < 500; waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
    try {
      const ro = new Database(db, { readonly: true, fileMustExist: true });
      before = (ro.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      ro.close();
    } catch {
      // not created yet, or mid-migration
    }
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  assert.ok(before >= 500, 'the ingest stored articles before it was killed');

  // 2. the database opens cleanly and holds no partial article
  const rw = new Database(db);
  assert.equal(rw.pragma('integrity_check', { simple: true }), 'ok');
  const n = (rw.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  assert.ok(n < N, `killed before the end (${n} of ${N})`);
  const orphans = rw.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM origins o WHERE o.article_id = a.id)').get() as { n: number };
  assert.equal(orphans.n, 0, 'every stored article has its origin: written in one transaction');
  const rows = rw.prepare('SELECT text, n_sentences, paragraphs, sentences, tokens FROM articles').all() as { text: string; n_sentences: number; paragraphs: Buffer; sentences: Buffer; tokens: Buffer }[];
  for (const r of rows) {
    const layers = [decodeSpans(r.paragraphs), decodeSpans(r.sentences), decodeSpans(r.tokens)];
    assert.equal(layers[1].length, r.n_sentences, 'every stored article has all its span layers');
    for (const layer of layers) {
      assert.ok(layer.length > 0);
      assert.ok(layer.every((sp) => sp.start < sp.end && sp.end <= r.text.length), 'spans lie inside the stored text');
    }
  }
  rw.close();

  // 3. a re-run completes the rest without duplicates
  const rerun = entente(['ingest', corpus, '--db', db, '--json', '--quiet']);
  assert.equal(rerun.status, 0, rerun.stderr);
  const summary = JSON.parse(rerun.stdout);
  assert.equal(summary.stored + summary.unchanged, N);
  assert.equal(summary.unchanged, n);
  const after = new Database(db, { readonly: true });
  assert.equal((after.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, N);
  assert.equal((after.prepare('SELECT count(DISTINCT article_id) AS n FROM origins').get() as { n: number }).n, N);
  after.close();
});
