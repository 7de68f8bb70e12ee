import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, exited, spawnEntente, storedArticles, until } from '../cli/_run.js';
import { spawn } from 'node:child_process';
import { BIN } from '../cli/_run.js';
import { rss, opml } from '../feeds/_documents.js';
import { serve, startSite } from '../fetch/_server.js';
import { articlePage, story } from './_news.js';
import { ROBOTS } from './_sites.js';

const CONTACT = 'cli-test@news-reader.example';

/** Runs the CLI to its end, asynchronously (the test's own server must keep answering meanwhile). */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const { code } = await exited(child);
  return { code, stdout, stderr };
}

function originsIn(db: string): string[] {
  const ro = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return ro.prepare('SELECT origin FROM origins ORDER BY origin').pluck().all() as string[];
  } finally {
    ro.close();
  }
}

test('watch: killed with SIGKILL mid-round and started again, nothing stored is fetched twice and nothing is lost', async () => {
  const site = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain') });
  const stories = Array.from({ length: 12 }, (_, i) => story(40 + i, `/news/${40 + i}.html`));
  // each page takes a while, so the kill falls mid-round
  for (const [i, s] of stories.entries()) site.routes.set(s.path, serve(articlePage(40 + i, 'Harbour Wire', s), 'text/html', { delayMs: 80 }));
  site.routes.set('/rss.xml', serve(rss('Harbour Wire', site.origin, stories), 'application/rss+xml', { etag: '"k1"' }));
  const dir = mkdtempSync(join(tmpdir(), 'entente-watch-kill-'));
  const db = join(dir, 'w.db');
  const list = join(dir, 'feeds.txt');
  writeFileSync(list, `# the one feed\n${site.origin}/rss.xml Harbour Wire\n`);
  const args = ['watch', list, '--once', '--db', db, '--contact', CONTACT, '--rate', '50', '--connections', '1', '--timeout', '5s'];
  try {
    const first = spawnEntente(args);
    const log = collect(first);
    await until('4 articles stored', 30_000, () => {
      assert.equal(first.exitCode, null, `the watcher ended before it was killed: ${log.text}`);
      return storedArticles(db) >= 4;
    });
    first.kill('SIGKILL');
    assert.deepEqual(await exited(first), { code: null, signal: 'SIGKILL' });
    const storedAtKill = originsIn(db);
    assert.ok(storedAtKill.length >= 4 && storedAtKill.length < stories.length, `killed mid-round: ${storedAtKill.length} of ${stories.length} stored`);

    const second = await run(args);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /round 1: 1 feeds \(0 not modified, 0 failed\), \d+ new of 12 entries: \d+ stored, 0 unchanged, 0 skipped, 0 failed/);
    const all = stories.map((s) => site.origin + s.path).sort();
    assert.deepEqual(originsIn(db), all, 'nothing lost: every story stored');
    for (const url of storedAtKill) assert.equal(site.count(new URL(url).pathname), 1, `${url} was stored before the kill and fetched once only`);
    const twice = stories.filter((s) => site.count(s.path) > 1).map((s) => site.origin + s.path);
    assert.ok(twice.every((u) => !storedAtKill.includes(u)), 'only pages in flight at the kill were fetched again');
    assert.ok(twice.length <= 2, `at most the pages in flight at the kill: ${twice.join(', ')}`);
    assert.ok(site.seen.every((s) => s.userAgent?.includes(CONTACT)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
});

test('feeds add|list|remove|failures and watch without a list: the stored feeds, a failing one shown as failing; --contact is required', async () => {
  const site = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain') });
  const s = story(60, '/news/60.html');
  site.routes.set(s.path, serve(articlePage(60, 'Harbour Wire', s), 'text/html'));
  site.routes.set('/rss.xml', serve(rss('Harbour Wire', site.origin, [s]), 'application/rss+xml'));
  const dir = mkdtempSync(join(tmpdir(), 'entente-feeds-'));
  const db = join(dir, 'f.db');
  const listFile = join(dir, 'feeds.opml');
  writeFileSync(listFile, opml([{ url: `${site.origin}/rss.xml`, title: 'Harbour Wire' }, { url: `${site.origin}/gone.xml`, title: 'Gone Gazette' }]));
  try {
    const add = await run(['feeds', 'add', listFile, '--db', db]);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /2 added, 0 already followed/);
    const none = await run(['watch', '--once', '--db', db], { ENTENTE_CONTACT: '' });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /watch needs a contact for its User-Agent/);
    const w = await run(['watch', '--once', '--db', db, '--rate', '50'], { ENTENTE_CONTACT: CONTACT });
    assert.equal(w.code, 3, w.stderr);
    assert.match(w.stderr, /watch: failed http:\/\/127\.0\.0\.1:\d+\/gone\.xml: not-found: http:\/\/127\.0\.0\.1:\d+\/gone\.xml: HTTP 404/);
    assert.match(w.stderr, /round 1: 2 feeds \(0 not modified, 1 failed\), 1 new of 1 entries: 1 stored/);
    const list = await run(['feeds', 'list', '--db', db]);
    assert.match(list.stdout, /rss\.xml {2}Harbour Wire\n {2}ok; last poll \S+, last success \S+; 1 articles, 0 failures in 1 polls/);
    assert.match(list.stdout, /gone\.xml {2}Gone Gazette\n {2}FAILING \(not-found: .*HTTP 404\); last poll \S+, last success never; 0 articles, 1 failures in 1 polls/);
    const failures = await run(['feeds', 'failures', '--json', '--db', db]);
    assert.deepEqual(failures.stdout.trim().split('\n').map((l) => JSON.parse(l).reason), ['not-found']);
    const rm = await run(['feeds', 'remove', `${site.origin}/gone.xml`, '--db', db]);
    assert.equal(rm.code, 0);
    const json = (await run(['feeds', 'list', '--json', '--db', db])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(json.map((f) => [f.title, f.articles, f.lastError?.reason ?? null]), [['Harbour Wire', 1, null]], 'the removed feed is gone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await site.close();
  }
});
