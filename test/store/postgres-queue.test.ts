import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { claim, complete, enqueue, queueStatus } from '../../src/store/postgres-queue.js';
import { enqueuePaths } from '../../src/pipeline/enqueue.js';
import { runJob, runWorker } from '../../src/pipeline/queue-worker.js';
import { skip as skipped, type Skipped } from '../../src/model/errors.js';
import type { RawItem } from '../../src/ingest/items.js';
import { makeArticle } from '../_fixtures.js';
import { entente } from '../cli/_run.js';
import { TEST_PG, adminQuery, freshSchema, pgUnavailable } from './_pg.js';

const skip = await pgUnavailable();

function item(i: number): RawItem {
  return { origin: `a${i}.txt`, text: makeArticle(i), format: 'text', encoding: 'utf-8', given: { date: '2024-01-02' } };
}

async function withQueue(f: (store: PostgresStore, url: string, schema: string) => Promise<void>): Promise<void> {
  const schema = await freshSchema(TEST_PG!);
  const store = await openPostgresStore(schema.url);
  try {
    await f(store, schema.url, schema.name);
  } finally {
    await store.close();
    await schema.drop();
  }
}

const quiet = () => {};

test('queue: the same item enqueued twice is one job; a changed item is another', { skip }, () =>
  withQueue(async (store) => {
    const items = [item(1), item(2), skipped('binary', 'b.bin', 'NUL bytes')];
    assert.equal(await enqueue(store, items), 3);
    assert.equal(await enqueue(store, items), 0);
    assert.equal(await enqueue(store, [{ ...item(1), text: item(1).text + '\n\nA later paragraph.' }]), 1);
    assert.deepEqual(await queueStatus(store), { queued: 4, running: 0, expired: 0, done: 0, failed: 0, stored: 0, unchanged: 0, skipped: 0 });
  }));

test('queue: a worker drains the queue: articles stored with their jobs done, bad inputs skipped, a poison job failed after its attempts', { skip }, () =>
  withQueue(async (store, url, schema) => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-queue-'));
    try {
      const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: makeArticle(i), date: '2024-01-02' }));
      lines.push(JSON.stringify({ text: makeArticle(3), date: '2024-01-02' }), '{"text": oops}');
      writeFileSync(join(dir, 'in.jsonl'), lines.join('\n') + '\n');
      const sum = await enqueuePaths([join(dir, 'in.jsonl')], store, { maxBytes: 1 << 20, log: quiet });
      assert.deepEqual(sum, { items: 42, enqueued: 42, already: 0, bad: 1, interrupted: false });
      assert.equal((await enqueuePaths([join(dir, 'in.jsonl')], store, { maxBytes: 1 << 20, log: quiet })).already, 42);
      await adminQuery(TEST_PG!, `INSERT INTO ${schema}.jobs (key, origin, payload) VALUES ('poison', 'poison', '{"origin": 7}')`);

      const messages: string[] = [];
      const w = await runWorker({ url, batch: 8, leaseSeconds: 30, maxAttempts: 3, drain: true, log: (m) => messages.push(m) });
      assert.deepEqual(messages, []);
      assert.deepEqual(
        { done: w.done, stored: w.stored, unchanged: w.unchanged, skipped: w.skipped, failed: w.failed, retried: w.retried, lost: w.lost },
        { done: 43, stored: 40, unchanged: 1, skipped: 1, failed: 1, retried: 2, lost: 0 },
      );
      assert.deepEqual(await queueStatus(store), { queued: 0, running: 0, expired: 0, done: 42, failed: 1, stored: 40, unchanged: 1, skipped: 1 });
      const failed = await adminQuery(TEST_PG!, `SELECT attempts, error FROM ${schema}.jobs WHERE state = 'failed'`);
      assert.deepEqual(failed.rows, [{ attempts: 3, error: 'the job payload is not an input item (it needs "origin" and "text" strings)' }]);
      const st = await store.stats();
      assert.equal(st.articles, 40);
      assert.deepEqual(st.skippedByReason, { 'malformed-json': 1 });
      const quotes = await adminQuery(TEST_PG!, `SELECT count(*)::int AS n FROM ${schema}.quotes`);
      const want = Array.from({ length: 40 }, (_, i) => runJob({ id: '0', origin: '', attempts: 1, payload: JSON.stringify(item(i)) }))
        .reduce((n, r) => n + ('article' in r ? r.article.quotes.length : 0), 0);
      assert.equal(quotes.rows[0].n, want, 'every article has its quotes once');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }));

test('queue: jobs of a worker that died are taken again when their lease expires, and its late write is refused', { skip }, () =>
  withQueue(async (store, url) => {
    await enqueue(store, Array.from({ length: 10 }, (_, i) => item(i)));
    // a worker takes six jobs and then goes silent
    const dead = await claim(store, { batch: 6, leaseSeconds: 1, maxAttempts: 3, worker: 'dead' });
    assert.equal(dead.jobs.length, 6);
    assert.deepEqual(await queueStatus(store).then((s) => [s.queued, s.running]), [4, 6]);
    const w = await runWorker({ url, batch: 4, leaseSeconds: 30, maxAttempts: 3, drain: true, log: quiet });
    assert.equal(w.done, 10, 'the live worker did all ten, the six after their lease ran out');
    // the dead worker comes back and tries to write: its lease is gone, nothing is written
    const late = await complete(store, dead, dead.jobs.map(runJob), 3);
    assert.equal(late.lost, 6);
    assert.equal(late.done, 0);
    assert.equal((await store.stats()).articles, 10);
    assert.deepEqual(await queueStatus(store).then((s) => [s.done, s.stored]), [10, 10]);
  }));

test('queue: a job whose worker keeps dying is failed after its attempts, saying so', { skip }, () =>
  withQueue(async (store, url, schema) => {
    await enqueue(store, [item(1)]);
    for (let i = 0; i < 2; i++) {
      assert.equal((await claim(store, { batch: 1, leaseSeconds: 1, maxAttempts: 2, worker: `dies-${i}` })).jobs.length, 1);
      await new Promise((r) => setTimeout(r, 1100));
    }
    const w = await runWorker({ url, batch: 1, leaseSeconds: 30, maxAttempts: 2, drain: true, log: quiet });
    assert.equal(w.done, 0);
    const row = await adminQuery(TEST_PG!, `SELECT state, attempts, error FROM ${schema}.jobs`);
    assert.equal(row.rows[0].state, 'failed');
    assert.match(row.rows[0].error, /taken 2 times and never finished/);
  }));

test('cli: ingest --queue, worker and status against PostgreSQL', { skip }, async () => {
  const schema = await freshSchema(TEST_PG!);
  try {
    const q = entente(['ingest', '--queue', 'examples/', '--db', schema.url, '--json']);
    assert.equal(q.status, 0, q.stderr);
    const enq = JSON.parse(q.stdout);
    assert.ok(enq.enqueued > 0 && enq.already === 0);
    assert.equal(JSON.parse(entente(['ingest', '--queue', 'examples/', '--db', schema.url, '--json']).stdout).enqueued, 0);
    const before = JSON.parse(entente(['status', '--json', '--db', schema.url]).stdout);
    assert.equal(before.queued, enq.enqueued);
    const w = entente(['worker', '--drain', '--json', '--db', schema.url]);
    assert.equal(w.status, 0, w.stderr);
    assert.equal(JSON.parse(w.stdout).done, enq.enqueued);
    const after = JSON.parse(entente(['status', '--json'], { env: { ENTENTE_DB: schema.url } }).stdout);
    assert.equal(after.done, enq.enqueued);
    assert.equal(after.queued + after.running + after.failed, 0);
    const text = entente(['status', '--db', schema.url]);
    assert.match(text.stdout, new RegExp(`^done +${enq.enqueued} \\(`, 'm'));
  } finally {
    await schema.drop();
  }
});

test('cli: the queue commands refuse a SQLite database with a usage error', () => {
  for (const args of [['ingest', '--queue', 'examples/', '--db', '/tmp/x.db'], ['worker', '--db', 'x.db'], ['status', '--db', 'x.db']]) {
    const r = entente(args, { env: { ENTENTE_DB: '' } });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /the job queue lives in PostgreSQL: give --db/);
  }
});

test('queue: a skip carried by a job is recorded as the reader found it', () => {
  const s: Skipped = skipped('too-large', 'big.html', 'over the limit');
  assert.deepEqual(runJob({ id: '1', origin: 'big.html', attempts: 1, payload: JSON.stringify(s) }), { job: { id: '1', origin: 'big.html', attempts: 1, payload: JSON.stringify(s) }, skipped: s });
});
