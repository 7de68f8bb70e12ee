/**
 * Cross-site writes in a real browser (Debian's Chromium, playwright-core): a page served on
 * another loopback port, as any site the analyst visits could be, posts an article to the
 * entente server with a `<form enctype="text/plain">` and with `fetch(…, {mode: 'no-cors'})`.
 * Both reach the server and neither may store anything.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeArticle } from '../_fixtures.js';
import { launchChromium } from '../_chromium.js';


/**
 * The attacker's page: a form whose text/plain encoding (`name=value`) spells a JSON article,
 * and a script that sends the same article with a no-cors fetch.
 */
function attackPage(ingest: string, article: string): string {
  const cut = article.length - 2; // the form puts '=' between name and value: it lands in a string
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const padded = article.slice(0, cut) + ',"pad":"';
  return `<!doctype html><html><body>
<form id="f" method="POST" enctype="text/plain" action="${attr(ingest)}">
  <input name="${attr(padded)}" value="${attr('"}')}">
</form>
<script>
  window.noCors = fetch(${JSON.stringify(ingest)}, { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(article.replace('statement', 'no-cors statement'))} })
    .then(() => 'sent', (e) => 'failed: ' + e.message);
</script>
</body></html>`;
}

test('security/cross-site: a page on another loopback origin posts a text/plain form and a no-cors fetch; both reach the server and the store stays empty', { timeout: 120_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const dir = mkdtempSync(join(tmpdir(), 'entente-cross-site-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(() => store.close());
  const app = createApp(store, { log: () => {} });
  // what reached the server, so the test cannot pass because the browser sent nothing
  const seen: { method: string; path: string; status: number; type?: string; site?: string }[] = [];
  const counted = new Hono().all('*', async (c) => {
    const res = await app.fetch(c.req.raw);
    seen.push({ method: c.req.method, path: c.req.path, status: res.status, type: c.req.header('Content-Type'), site: c.req.header('Sec-Fetch-Site') });
    return res;
  });
  const entente = await listen(counted, '127.0.0.1', 0);
  t.after(() => entente.close());
  const ingest = `${entente.url}/api/ingest`;

  const article = JSON.stringify({ text: makeArticle(3), date: '2021-03-23', url: 'https://attacker.example/planted' });
  const attacker: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(ingest, article));
  });
  attacker.listen(0, '127.0.0.1');
  await once(attacker, 'listening');
  t.after(() => attacker.close());
  const attackUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

  const page = await browser.newPage();
  await page.goto(attackUrl);
  assert.equal(await page.evaluate('window.noCors'), 'sent', 'the no-cors fetch went out (its answer is opaque to the page)');
  await Promise.all([page.waitForURL(ingest), page.evaluate("document.getElementById('f').submit()")]);

  const posts = seen.filter((s) => s.method === 'POST' && s.path === '/api/ingest');
  assert.equal(posts.length, 2, `both posts reached the server: ${JSON.stringify(seen)}`);
  for (const p of posts) {
    assert.match(p.type ?? '', /^text\/plain/, 'the browser sent them as text/plain');
    assert.equal(p.site, 'same-site', 'another port of 127.0.0.1 is the same site, not the same origin');
    assert.equal(p.status, 403, `refused: ${JSON.stringify(p)}`);
  }
  const stats = await store.stats();
  assert.deepEqual([stats.articles, stats.skipped], [0, 0], 'nothing stored, nothing recorded as skipped');
});
