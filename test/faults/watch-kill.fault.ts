/**
 * The watcher killed with SIGKILL mid-round and started again (issue 18): nothing stored is
 * fetched twice and nothing is lost. A long run (a dozen slow pages, two watcher processes),
 * so it runs with the other kill -9 tests (`npm run test:faults`), not in `npm test`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect, ententeAsync as run, exited, spawnEntente, storedArticles, until } from '../cli/_run.js';
import { rss } from '../feeds/_documents.js';
import { serve, startSite } from '../fetch/_server.js';
import { articlePage, story } from '../watch/_news.js';
import { ROBOTS } from '../watch/_sites.js';

const CONTACT = 'cli-test@news-reader.example';

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
