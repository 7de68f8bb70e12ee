import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedCounts, cleanRun, figure, ingest, ingestAll, jsonl, reuters, scratch, type Counts } from './_fault.js';

/** `n` overlapping slices of `lines` (each shares a few stories with the next): together, all of them. */
function slices(lines: string[], n: number, overlap = 3): string[][] {
  const size = Math.ceil(lines.length / n);
  return Array.from({ length: n }, (_, i) => lines.slice(Math.max(0, i * size - overlap), (i + 1) * size));
}

/** Starts one ingest process per slice at once into `db`; each must finish well. */
async function together(dir: string, db: string, parts: string[][], tag: string): Promise<void> {
  const runs = await Promise.all(parts.map((p, i) => ingest([jsonl(dir, `${tag}-${i}.jsonl`, p), '--db', db]).done));
  for (const r of runs) assert.ok(r.code === 0 || r.code === 3, `${tag}: exit ${r.code} ${r.signal ?? ''}: ${r.stderr}`);
}

test('faults: two and four ingest processes at once, on a new and on an existing file, store what one clean run stores (issue 14 #6)', async (t) => {
  const dir = scratch(t);
  const lines = await reuters(t, dir, 100);
  if (!lines) return;
  let starts = 0;
  let runs = 0;
  const same = (db: string, clean: Counts, what: string) => {
    assert.deepEqual(checkedCounts(db), clean, `${what}: the counts of a clean single run`);
    runs++;
  };

  // the case, many times: two processes create one new file together, each with its own input
  const pair = lines.slice(0, 10);
  const pairClean = await cleanRun(jsonl(dir, 'pair.jsonl', pair), join(dir, 'pair-clean'));
  const PAIR_ROUNDS = 20;
  for (let r = 0; r < PAIR_ROUNDS; r++) {
    const db = join(dir, `pair-${r}.db`);
    await together(dir, db, slices(pair, 2), `pair-${r}`);
    starts += 2;
    same(db, pairClean, `two processes on a new file, round ${r + 1}`);
  }

  const all = jsonl(dir, 'all.jsonl', lines);
  const clean = await cleanRun(all, dir);
  const half = jsonl(dir, 'half.jsonl', lines.slice(0, 50));
  const existing = join(dir, 'existing.db');
  await ingestAll(half, existing);
  for (const n of [2, 4]) {
    const fresh = join(dir, `new-${n}.db`);
    await together(dir, fresh, slices(lines, n), `new-${n}`);
    starts += n;
    same(fresh, clean, `${n} processes on a new file`);
    const old = join(dir, `existing-${n}.db`);
    copyFileSync(existing, old);
    await together(dir, old, slices(lines.slice(40), n), `existing-${n}`);
    starts += n;
    same(old, clean, `${n} processes on an existing file`);
  }
  // and ingesting everything again changes nothing
  const again = await ingestAll(all, join(dir, 'new-4.db'));
  assert.equal(JSON.parse(again.stdout).stored, 0, 'a re-ingest stores nothing new');
  same(join(dir, 'new-4.db'), clean, 're-ingest');
  figure(t, `concurrent: ${starts} process starts in ${PAIR_ROUNDS + 4} concurrent runs (${PAIR_ROUNDS} × 2 on a new file, 2 and 4 on a new and on an existing file) + 1 re-ingest; counts identical to the clean run after all ${runs}: ${JSON.stringify(clean)}`);
});
