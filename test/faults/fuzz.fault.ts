/**
 * Fuzz: over 10,000 generated bad inputs through the library `ingest` into a temporary SQLite
 * store. Set ENTENTE_FUZZ_SEED to replay a run; the seed is printed either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest } from '../../src/pipeline/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { SkipReason } from '../../src/model/errors.js';
import { MB, writeFuzzInputs, type Outcome } from '../ingest/_fuzz-inputs.js';

const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261123);
const KNOWN: readonly SkipReason[] = ['empty', 'binary', 'encoding', 'too-large', 'malformed-html', 'malformed-json', 'no-body', 'not-english', 'unreadable', 'pipeline-error'];

// a guard against a hang, not a measure of speed: a normal run takes well under a minute
test(`ingest/fuzz: 10,000+ generated bad inputs (seed ${SEED}): no crash, every item stored or skipped with a known reason`, { timeout: 10 * 60_000 }, async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'entente-fuzz-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const inputs = join(root, 'in');
  mkdirSync(inputs);
  const maxBytes = 4 * MB;
  const t0 = performance.now();
  const items = writeFuzzInputs(inputs, SEED, { files: 1_500, jsonlFiles: 12, linesPerFile: 800, maxBytes });
  const t1 = performance.now();
  console.log(`fuzz seed ${SEED} (replay: ENTENTE_FUZZ_SEED=${SEED}): ${items.length} items written in ${((t1 - t0) / 1000).toFixed(1)} s`);
  assert.ok(items.length >= 10_000, `${items.length} items generated`);

  const byOrigin = new Map(items.map((it) => [it.origin, it]));
  const seen = new Map<string, Outcome>();
  let unchanged = 0;
  const surprises: string[] = [];
  const store = openSqliteStore(join(root, 'fuzz.db'));
  let summary;
  try {
    summary = await ingest([inputs], {
      store,
      threads: 1,
      maxBytes,
      onResult: (r, counts) => {
        const outcome: Outcome = 'skipped' in r ? r.reason : counts.unchanged > unchanged ? 'unchanged' : 'stored';
        unchanged = counts.unchanged;
        const it = byOrigin.get(r.origin);
        if (!it) surprises.push(`an item nobody wrote: ${r.origin}`);
        else if (seen.has(r.origin)) surprises.push(`twice: ${r.origin}`);
        else if ('skipped' in r && r.reason === 'pipeline-error') surprises.push(`${it.kind} ${r.origin}: ${r.detail}`);
        else if (it.expect && !it.expect.includes(outcome)) surprises.push(`${it.kind} ${r.origin}: ${outcome}${'skipped' in r ? ` (${r.detail})` : ''}, expected ${it.expect.join(' or ')}`);
        seen.set(r.origin, outcome);
      },
    });
  } finally {
    await store.close();
  }

  console.log(`ingest took ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const byReason = Object.entries(summary.skippedByReason).sort((a, b) => b[1] - a[1]);
  console.log(`stored ${summary.stored}, unchanged ${summary.unchanged}, skipped ${summary.skipped}: ${byReason.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  const kinds = new Map<string, Map<string, number>>();
  for (const it of items) {
    const k = kinds.get(it.kind) ?? new Map<string, number>();
    const o = seen.get(it.origin) ?? 'MISSING';
    k.set(o, (k.get(o) ?? 0) + 1);
    kinds.set(it.kind, k);
  }
  for (const [kind, outcomes] of [...kinds].sort()) console.log(`  ${kind.padEnd(26)} ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}`);

  assert.deepEqual(surprises.slice(0, 20), [], `${surprises.length} items came back wrong`);
  assert.equal(summary.stored + summary.unchanged + summary.skipped, items.length, 'every item is counted once');
  assert.equal(seen.size, items.length, `${items.length - seen.size} items never came back`);
  assert.equal(Object.values(summary.skippedByReason).reduce((a, b) => a + b, 0), summary.skipped);
  for (const r of Object.keys(summary.skippedByReason)) assert.ok(KNOWN.includes(r as SkipReason), `unknown skip reason ${r}`);
  assert.ok(summary.stored > 1_000 && summary.skipped > 1_000, 'the mix holds both good and bad items');

  const db = new Database(join(root, 'fuzz.db'), { readonly: true });
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), summary.stored);
    assert.equal(db.prepare('SELECT count(*) FROM skipped').pluck().get(), summary.skipped);
    assert.equal(db.prepare('SELECT count(*) FROM origins').pluck().get(), summary.stored + summary.unchanged);
  } finally {
    db.close();
  }

  // what was stored reads back whole: every sentence lies inside its article's text
  const reader = openSqliteStore(join(root, 'fuzz.db'));
  try {
    const list = await reader.listArticles({ limit: 1_000_000 });
    assert.equal(list.length, summary.stored);
    for (const s of list.filter((_, i) => i % 10 === 0)) {
      const a = (await reader.getArticle(s.id))!;
      assert.ok(a.spans.sentences.length > 0, `${s.id} has sentences`);
      for (const x of a.spans.sentences) assert.ok(0 <= x.start && x.start < x.end && x.end <= a.text.length, `${s.id}: sentence ${x.start}–${x.end} inside ${a.text.length} characters`);
    }
  } finally {
    await reader.close();
  }
});
