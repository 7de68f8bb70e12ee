/**
 * A dashboard route written as a path (`/dyad/RUS/EU`, as a user may type or bookmark it) shows
 * its page in a real browser (Debian's Chromium), not a blank one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'dist/web');
const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('web/path-routes: /dyad/RUS/EU and /articles load their dashboard pages', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`${CHROMIUM} not found: this test drives Debian's Chromium (apt-get install -y chromium), set ENTENTE_CHROMIUM to use another`);
    return;
  }
  assert.ok(existsSync(join(WEB, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const dir = mkdtempSync(join(tmpdir(), 'entente-path-routes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(() => store.close());
  const server = await listen(createApp(store, { webDir: WEB, log: () => {} }), '127.0.0.1', 0);
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.after(() => browser.close());
  const page = await browser.newPage();
  for (const [path, ready, heading] of [['/dyad/RUS/EU', 'dyad', /RUS/], ['/articles', 'articles', /Articles/]] as const) {
    await page.goto(server.url + path);
    await page.waitForSelector(`body[data-ready="${ready}"]`);
    assert.match(await page.locator('#main h1').first().innerText(), heading, path);
    assert.equal(new URL(page.url()).hash.split('?')[0], `#${path}`, 'the page is the hash route');
  }
});
