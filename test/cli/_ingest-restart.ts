import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore, openSqliteStore } from '../../src/store/index.js';
import { corpusTotals, writeCorpus, type Corpus } from '../_corpus.js';
import { holdings } from '../store/conformance-batch.js';
import { adminQuery } from '../store/_pg.js';
import { startCluster, type Cluster } from '../store/_pg-cluster.js';
import { collect, entente, exited, spawnEntente, until } from './_run.js';

/** Direct ingest into PostgreSQL (no queue) with the server stopped under it and started again. */

export interface RestartRun {
  /** seconds the server was down, each time */
  down: number[];
  /** articles in the database when it was stopped, each time */
  storedAtStop: number[];
  /** the ingest's last line */
  summary: string;
}

/**
 * Ingests `corpusFile` into the cluster's database with `threads`, stops the server each time
 * `stopAt` articles are stored, starts it again once the ingest has said it waits, and checks the
 * run's end: exit 3 (the corpus has broken lines), the waiting and resuming said, a summary.
 */
async function ingestThroughRestarts(cluster: Cluster, corpusFile: string, threads: number, stopAt: number[]): Promise<RestartRun> {
  const articles = async () => (await adminQuery(cluster.url, 'SELECT count(*)::int AS n FROM articles').catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n as number;
  const child = spawnEntente(['ingest', corpusFile, '--db', cluster.url, '--threads', String(threads)]);
  const run: RestartRun = { down: [], storedAtStop: [], summary: '' };
  const said = (text: string, what: RegExp) => [...text.matchAll(new RegExp(what, 'g'))].length;
  const unreachable = /ingest: the database postgres:\/\/entente@127\.0\.0\.1:\d+\/postgres is unreachable \(/;
  try {
    const log = collect(child);
    for (const [k, n] of stopAt.entries()) {
      await until(`${n} articles stored`, 120_000, async () => {
        assert.equal(child.exitCode, null, `the ingest ended before the server was stopped: ${log.text}`);
        return (await articles()) >= n;
      });
      run.storedAtStop.push(await articles());
      cluster.stop();
      const downAt = Date.now();
      await until('the ingest to say the database is unreachable', 60_000, () => {
        assert.equal(child.exitCode, null, `the ingest waits for the database instead of exiting: ${log.text}`);
        return said(log.text, unreachable) > k;
      });
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(child.exitCode, null, `the ingest waits for the database instead of exiting: ${log.text}`);
      cluster.start();
      run.down.push((Date.now() - downAt) / 1000);
    }
    const end = await Promise.race([
      exited(child),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`the ingest did not finish within 180 s of the restart: ${log.text}`)), 180_000).unref()),
    ]);
    assert.deepEqual(end, { code: 3, signal: null }, log.text);
    assert.equal(said(log.text, /ingest: the database .* answers again after [\d.]+ s; resuming writing articles/), stopAt.length, log.text);
    const summary = log.text.match(/^\d+ stored, \d+ unchanged, \d+ skipped .*$/m);
    assert.ok(summary, `the normal summary is printed: ${log.text}`);
    run.summary = summary[0];
    return run;
  } finally {
    child.kill('SIGKILL');
  }
}

/** What a clean run of the same corpus stores into SQLite, to compare with. */
async function cleanRun(t: TestContext, corpusFile: string): Promise<Awaited<ReturnType<typeof holdings>>> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-clean-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'clean.db');
  const r = entente(['ingest', corpusFile, '--db', db, '--threads', '0', '--json', '--quiet']);
  assert.equal(r.status, 3, r.stderr);
  const store = openSqliteStore(db);
  try {
    return await holdings(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs the corpus through restarts (see ingestThroughRestarts) into the cluster's empty database
 * and checks the summary's counts and that the database holds what a clean run stores: articles,
 * events, quotes and the same article ids.
 */
async function checkIngestThroughRestarts(t: TestContext, cluster: Cluster, corpus: Corpus, threads: number, stopAt: number[]): Promise<RestartRun> {
  const run = await ingestThroughRestarts(cluster, corpus.file, threads, stopAt);
  const want = corpusTotals(corpus);
  const [, stored, unchanged, skipped] = run.summary.match(/^(\d+) stored, (\d+) unchanged, (\d+) skipped/)!.map(Number);
  // a group whose commit was cut off may have been committed: written again, it is unchanged
  assert.equal(stored + unchanged, want.articles + corpus.duplicates, run.summary);
  assert.ok(stored <= want.articles, run.summary);
  assert.equal(skipped, corpus.bad);
  const store = await openPostgresStore(cluster.url);
  try {
    const got = await holdings(store);
    assert.deepEqual(got, await cleanRun(t, corpus.file));
    assert.deepEqual(got, { ...want, ids: [...corpus.articles.keys()].sort() });
  } finally {
    await store.close();
  }
  t.diagnostic(
    `threads ${threads}, articles ${want.articles}, restarts ${stopAt.length}, stored when stopped ${run.storedAtStop.join(', ')}, ` +
      `down ${run.down.map((d) => d.toFixed(1)).join(', ')} s, lost 0; summary: ${run.summary}`,
  );
  return run;
}

/**
 * The whole test: a throwaway cluster (skipped, saying why, where none can be started), a corpus
 * of `stories` with a broken line every 100, and checkIngestThroughRestarts.
 */
export async function restartTest(t: TestContext, stories: number, threads: number, stopAt: number[]): Promise<void> {
  const cluster = await startCluster();
  if (typeof cluster === 'string') {
    t.skip(cluster);
    return;
  }
  t.after(() => cluster.dispose());
  const dir = mkdtempSync(join(tmpdir(), 'entente-restart-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await checkIngestThroughRestarts(t, cluster, writeCorpus(dir, stories, { badEvery: 100 }), threads, stopAt);
}
