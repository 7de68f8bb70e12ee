import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storedArticles } from '../cli/_run.js';
import { checkedCounts, cleanRun, figure, ingest, ingestAll, jsonl, reuters, scratch, seeded } from './_fault.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** After a kill: the file (if the process got as far as making it) passes integrity_check; its articles. */
function afterKill(db: string): number {
  if (!existsSync(db)) return 0;
  const d = new Database(db, { readonly: true });
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok', `integrity_check of ${db} after kill -9`);
    const migrated = d.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'articles'").pluck().get() === 1;
    if (!migrated) return 0;
  } finally {
    d.close();
  }
  return checkedCounts(db).articles;
}

test('faults: kill -9 at random moments leaves a sound file, and a re-ingest brings it to the clean run (issue 14)', async (t) => {
  const dir = scratch(t);
  const lines = await reuters(t, dir, 100);
  if (!lines) return;
  const random = seeded(t);
  const all = jsonl(dir, 'all.jsonl', lines);
  const began = performance.now();
  const clean = await cleanRun(all, dir);
  // kill moments spread over a whole run's length, from start-up (opening, migrating) to the end
  const span = performance.now() - began;
  const RUNS = 10;
  let kills = 0;
  let finishedFirst = 0;
  let partial = 0;
  for (let r = 0; r < RUNS; r++) {
    const db = join(dir, `kill-${r}.db`);
    const times = 1 + Math.floor(random() * 3);
    for (let k = 0; k < times; k++) {
      const run = ingest([all, '--db', db]);
      // half the kills at a random moment of the whole run (start-up, opening, migrating,
      // analysing), half once a random number of articles is stored: while the next ones are written
      if (random() < 0.5) await sleep(Math.floor(random() * span));
      else {
        const target = 1 + Math.floor(random() * (clean.articles - 1));
        for (let waited = 0; waited < 3 * span && storedArticles(db) < target; waited += 5) await sleep(5);
      }
      run.child.kill('SIGKILL');
      const res = await run.done;
      if (res.signal === 'SIGKILL') kills++;
      else finishedFirst++;
      const n = afterKill(db);
      if (n > 0 && n < clean.articles) partial++;
    }
    await ingestAll(all, db);
    assert.deepEqual(checkedCounts(db), clean, `run ${r + 1}: after the re-ingest, the counts of a clean run`);
  }
  figure(
    t,
    `kill -9: ${RUNS} runs, ${kills} kills (${partial} left a part of the corpus stored; ${finishedFirst} ingests finished before their kill); ` +
      `integrity_check ok after every kill; counts identical to the clean run after each re-ingest: ${JSON.stringify(clean)}`,
  );
});
