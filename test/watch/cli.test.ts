import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ententeAsync as run } from '../cli/_run.js';
import { rss, opml } from '../feeds/_documents.js';
import { serve, startSite } from '../fetch/_server.js';
import { articlePage, story } from './_news.js';
import { ROBOTS } from './_sites.js';

const CONTACT = 'cli-test@news-reader.example';

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
