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
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { launchChromium } from '../_chromium.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'dist/web');

test('web/path-routes: /dyad/RUS/EU and /articles load their dashboard pages', { timeout: 120_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  assert.ok(existsSync(join(WEB, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const dir = mkdtempSync(join(tmpdir(), 'entente-path-routes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(() => store.close());
  const server = await listen(createApp(store, { webDir: WEB, log: () => {} }), '127.0.0.1', 0);
  t.after(() => server.close());
  const page = await browser.newPage();
  for (const [path, ready, heading] of [['/dyad/RUS/EU', 'dyad', /RUS/], ['/articles', 'articles', /Articles/]] as const) {
    await page.goto(server.url + path);
    await page.waitForSelector(`body[data-ready="${ready}"]`);
    assert.match(await page.locator('#main h1').first().innerText(), heading, path);
    assert.equal(new URL(page.url()).hash.split('?')[0], `#${path}`, 'the page is the hash route');
  }
});
