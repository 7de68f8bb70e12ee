import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { ententeAsync as run } from '../cli/_run.js';
import { rss } from '../feeds/_documents.js';
import { serve, startSite } from '../fetch/_server.js';
import { asArticles, generate } from '../alerts/_corpus.js';
import { articlePage } from './_news.js';
import { ROBOTS } from './_sites.js';

const BORDER = [
  'Israeli troops fired on Jordanian soldiers near the border on Friday, the Jordanian army said.',
  'Jordan condemned the attack and recalled its ambassador from Israel, the foreign ministry in Amman said in a statement.',
  'The two countries signed a peace treaty in 1994 and had kept a calm border for years, officials said.',
];

test('watch --once: the dyads a round touches are recomputed, a turn is stored, posted to a webhook on 127.0.0.1 and written as a JSON line, once; untouched dyads wait for --scan', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-watch-alerts-'));
  const db = join(dir, 'w.db');
  // the store already holds two dyads that turned in February: ISR–JOR, which the round's article
  // touches, and DEU–FRA, which it does not
  const store = openSqliteStore(db);
  const coop = (turnAt: number) => (i: number) => (i >= turnAt ? 0.05 : 0.9);
  for (const a of asArticles([
    ...generate({ dyad: ['ISR', 'JOR'], start: '2024-01-01', days: 46, cooperation: coop(40), seed: 21 }),
    ...generate({ dyad: ['FRA', 'DEU'], start: '2024-01-01', days: 46, cooperation: coop(40), seed: 22 }),
  ])) await store.putArticle(a);
  await store.close();

  const posted: unknown[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => {
      posted.push({ method: req.method, type: req.headers['content-type'], alert: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const story = { path: '/news/border.html', title: 'Shots on the Jordan border', date: '2024-02-16T08:00:00.000Z', summary: 'Troops fired on soldiers.' };
  const site = await startSite({ '/robots.txt': serve(ROBOTS, 'text/plain'), [story.path]: serve(articlePage(1, 'Gulf Wire', story, BORDER), 'text/html') });
  site.routes.set('/feed.xml', serve(rss('Gulf Wire', site.origin, [story]), 'application/rss+xml', { etag: '"f1"' }));
  const jsonl = join(dir, 'alerts.jsonl');
  const watch = ['watch', '--once', '--contact', 'alerts-test@news-reader.example', '--db', db, '--rate', '50', '--json', '--webhook', hookUrl, '--alerts-jsonl', jsonl, `${site.origin}/feed.xml`];
  try {
    const one = await run(watch);
    assert.equal(one.code, 0, one.stderr);
    const sum = JSON.parse(one.stdout.trim());
    assert.deepEqual([sum.stored, sum.dyads, sum.alerts], [1, 1, 1], one.stdout);
    assert.equal(posted.length, 1);
    const got = posted[0] as { method: string; type: string; alert: { dyad: string[]; when: string; direction: string; evidence: { sentence: string }[]; id: string } };
    assert.deepEqual([got.method, got.type], ['POST', 'application/json']);
    assert.deepEqual([got.alert.dyad, got.alert.direction], [['ISR', 'JOR'], 'cooling']);
    assert.ok(Math.abs(Date.parse(got.alert.when) - Date.parse('2024-02-10')) <= 2 * 86_400_000, `turn dated ${got.alert.when}, generated on 2024-02-10`);
    assert.deepEqual(readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id), [got.alert.id]);

    // listed by `entente alerts`, in either order of the dyad
    const listed = await run(['alerts', '--db', db, '--dyad', 'JOR,ISR', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n').map((l) => JSON.parse(l).id), [got.alert.id]);
    assert.equal((await run(['alerts', '--db', db, '--dyad', 'DEU,FRA', '--json'])).stdout, '', 'the round did not read the dyad it did not touch');

    // a round run again adds nothing, posts nothing
    const two = await run(watch);
    assert.equal(two.code, 0, two.stderr);
    assert.equal(JSON.parse(two.stdout.trim()).alerts, 0);
    assert.equal(posted.length, 1);

    // --scan reads every dyad: DEU–FRA's turn now, ISR–JOR's not a second time
    const scan = await run(['alerts', '--db', db, '--scan', '--json']);
    assert.equal(scan.code, 0, scan.stderr);
    assert.match(scan.stderr, /2 turns in the relations of .*, 1 new/);
    assert.deepEqual(scan.stdout.trim().split('\n').map((l) => JSON.parse(l).dyad.join('-')).sort(), ['DEU-FRA', 'ISR-JOR']);
    const table = await run(['alerts', '--db', db, '--from', '2024-01-01', '--to', '2024-12-31']);
    assert.match(table.stdout, /^when\s+dyad\s+direction\s+before\s+after\s+events\s+seen\s+evidence\n/);
    assert.equal((await run(['alerts', '--db', db, '--dyad', 'ISR'])).code, 2, 'a bad --dyad is a usage error');
  } finally {
    await site.close();
    await new Promise<void>((r) => hook.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  }
});
