import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/pipeline/ingest.js';
import { openSqliteStore } from '../../src/store/index.js';
import { corpusTotals, writeCorpus } from '../_corpus.js';
import { withPutArticles } from '../store/conformance-batch.js';

/**
 * The batch writer of `ingest`: whatever the store offers (a batch write or only single ones),
 * every article read is written and counted as the store says; an answer it does not know stops
 * the run instead of being counted under a name nobody reads.
 */

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-writer-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

for (const threads of [0, 1]) {
  test(`pipeline/ingest: a store with no batch write gets every article of every group (threads ${threads})`, async (t) => {
    const dir = tempDir(t);
    // 130 stories: groups of up to 64 form once they are all analysed; the broken lines cut runs
    const corpus = writeCorpus(dir, 130, { badEvery: 40 });
    const store = openSqliteStore(join(dir, 'x.db'));
    t.after(() => store.close());
    const summary = await ingest([corpus.file], { store: withPutArticles(store, undefined), threads, maxBytes: 1 << 20 });
    const want = corpusTotals(corpus);
    assert.deepEqual(Object.keys(summary).sort(), ['interrupted', 'sentences', 'skipped', 'skippedByReason', 'skips', 'stored', 'unchanged']);
    assert.equal(summary.stored, want.articles);
    assert.equal(summary.unchanged, corpus.duplicates);
    assert.equal(summary.skipped, corpus.bad);
    assert.equal((await store.stats()).articles, want.articles);
    assert.equal(await store.countEvents({ negated: true }), want.events);
    assert.equal(await store.countQuotes(), want.quotes);
  });
}

test('pipeline/ingest: a put result that is neither stored nor unchanged is an error, not a count under undefined', async (t) => {
  const dir = tempDir(t);
  const corpus = writeCorpus(dir, 80);
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(() => store.close());
  const odd = withPutArticles(store, async (list) => list.map((_, i) => (i === 1 ? ('written' as 'stored') : 'stored')));
  await assert.rejects(ingest([corpus.file], { store: odd, threads: 0, maxBytes: 1 << 20 }), /"written".*not one of stored, unchanged/);
  const short = withPutArticles(store, async (list) => list.slice(1).map(() => 'stored' as const));
  await assert.rejects(ingest([corpus.file], { store: short, threads: 0, maxBytes: 1 << 20 }), /answered for \d+ of \d+ articles/);
});
