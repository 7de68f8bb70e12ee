/**
 * Live updates: `/api/live` (server-sent events) read as a browser's EventSource reads it, and the
 * dashboard in Debian's Chromium over it: a new article's dyad and a new alert appear on the open
 * pages without a reload, and the feeds page shows a failing feed as failing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore, type Alert } from '../../src/store/index.js';
import { launchChromium } from '../_chromium.js';
import { borderArticle, talksArticle } from './_live-store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const TURN: Alert = {
  dyad: ['ISR', 'JOR'], when: '2024-02-10', detectedOn: '2024-02-13', direction: 'cooling', before: 2.6, after: -5.9, events: 14, method: 'cusum k=1 h=8 warmup=28 minSigma=1',
  evidence: [{ articleId: 'ffffffffffffffff', index: 0, date: '2024-02-10', code: '190', goldstein: -10, sentence: 'Israeli troops fired on Jordanian soldiers near the border.' }],
};

/** Server-sent events from a fetch body, one `{event, data}` at a time. */
async function* sse(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let cut;
    while ((cut = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1];
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (event) yield { event, data };
    }
  }
}

function tempStore() {
  const dir = mkdtempSync(join(tmpdir(), 'entente-live-'));
  return { path: join(dir, 'live.db'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

test('web/live: /api/live sends the totals, then new totals when an article is stored, then each new alert', { timeout: 60_000 }, async () => {
  const { path, dispose } = tempStore();
  const store = openSqliteStore(path);
  await store.putArticle(talksArticle());
  const server = await listen(createApp(store, { log: () => {} }), '127.0.0.1', 0);
  const stop = new AbortController();
  try {
    const res = await fetch(`${server.url}/api/live`, { signal: stop.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const events = sse(res.body!);
    const first = (await events.next()).value!;
    assert.equal(first.event, 'totals');
    const before = JSON.parse(first.data) as { articles: number; events: number; alerts: number };
    assert.deepEqual([before.articles, before.alerts], [1, 0]);

    // another writer (a watcher) stores an article: the connected client hears of it
    const writer = openSqliteStore(path);
    const border = borderArticle();
    assert.equal(await writer.putArticle(border), 'stored');
    const next = (await events.next()).value!;
    assert.equal(next.event, 'totals');
    const after = JSON.parse(next.data) as { articles: number; events: number };
    assert.equal(after.articles, 2);
    assert.equal(after.events, before.events + border.events.length);

    await writer.putAlerts([TURN]);
    const alert = (await events.next()).value!;
    assert.equal(alert.event, 'alert');
    assert.deepEqual(JSON.parse(alert.data).dyad, ['ISR', 'JOR']);
    assert.equal(JSON.parse((await events.next()).value!.data).alerts, 1);
    await writer.close();
  } finally {
    stop.abort();
    await server.close();
    await store.close();
    dispose();
  }
});

test('web/live: in Chromium, a new article and an alert appear without a reload, and a failing feed shows as failing', { timeout: 120_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const webDir = join(ROOT, 'dist/web');
  assert.ok(existsSync(join(webDir, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const { path, dispose } = tempStore();
  t.after(dispose);
  const store = openSqliteStore(path);
  await store.putArticle(talksArticle());
  await store.putFeed({ url: 'http://wire.test/rss', title: 'Wire' });
  await store.recordPoll('http://wire.test/rss', { at: new Date().toISOString(), outcome: 'ok', stored: 4 });
  await store.putFeed({ url: 'http://gone.test/feed.xml', title: 'Gone Gazette' });
  await store.recordPoll('http://gone.test/feed.xml', { at: new Date().toISOString(), outcome: 'failed', reason: 'not-found', detail: 'HTTP 404 for http://gone.test/feed.xml' });
  const server = await listen(createApp(store, { log: () => {}, webDir }), '127.0.0.1', 0);
  t.after(async () => { await server.close(); await store.close(); });
  const page = await browser.newPage();

  await t.test('relations: the new dyad appears on the open page', async () => {
    await page.goto(`${server.url}/#/relations`);
    await page.waitForSelector('body[data-ready="relations"]');
    await page.waitForSelector('#live-status[data-live="on"]');
    assert.equal(await page.locator('#relations-table tr[data-source="ISR"]').count(), 0);
    await page.evaluate(() => { (globalThis as unknown as { notReloaded: boolean }).notReloaded = true; });
    const writer = openSqliteStore(path);
    await writer.putArticle(borderArticle());
    await writer.close();
    await page.locator('#relations-table tr[data-source="ISR"][data-target="JOR"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded), true, 'the page was not reloaded');
    assert.equal(await page.locator('#live-status').getAttribute('data-articles'), '2');
  });

  await t.test('alerts: a new alert is announced and listed without a reload', async () => {
    await page.goto(`${server.url}/#/alerts`);
    await page.waitForSelector('body[data-ready="alerts"]');
    await page.waitForSelector('#live-status[data-live="on"]');
    await page.evaluate(() => { (globalThis as unknown as { notReloaded: boolean }).notReloaded = true; });
    const writer = openSqliteStore(path);
    await writer.putAlerts([TURN]);
    await writer.close();
    await page.locator('#alerts-table tr[data-dyad="ISR-JOR"][data-when="2024-02-10"]').waitFor({ timeout: 20_000 });
    await page.locator('#live-alerts .live-alert').waitFor();
    assert.match(await page.locator('#live-alerts').innerText(), /ISR–JOR cooling from 2024-02-10/);
    assert.match(await page.locator('#alerts-table').innerText(), /Israeli troops fired on Jordanian soldiers/);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded), true);
  });

  await t.test('feeds: each feed with its health, the failing one as FAILING with its error', async () => {
    await page.goto(`${server.url}/#/feeds`);
    await page.waitForSelector('body[data-ready="feeds"]');
    const failing = page.locator('#feeds-table tr[data-url="http://gone.test/feed.xml"]');
    assert.equal(await failing.getAttribute('data-failing'), 'true');
    assert.match(await failing.innerText(), /FAILING[\s\S]*not-found: HTTP 404/);
    const ok = page.locator('#feeds-table tr[data-url="http://wire.test/rss"]');
    assert.equal(await ok.getAttribute('data-failing'), 'false');
    assert.match(await ok.innerText(), /OK/);
    assert.match(await page.locator('.status').first().innerText(), /2 feeds, 1 failing/);
  });
});
