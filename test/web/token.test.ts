/**
 * The dashboard of a server open beyond its machine (reads need the token, no --public-read), in
 * a real browser (Debian's Chromium): it asks for the token once, sends it on every route, and
 * shows the pages; without it, each page says why it could not load.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { launchChromium } from '../_chromium.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'dist/web');
const TOKEN = 'a-token-of-28-characters-xyz';

async function visit(page: Page, url: string, ready: string): Promise<string[]> {
  await page.goto(url);
  await page.waitForSelector(`body[data-ready="${ready}"]`);
  return page.locator('.status-error').allInnerTexts();
}

test('web/token: an exposed server\'s dashboard asks for the token once and then shows every page', { timeout: 120_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  assert.ok(existsSync(join(WEB, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const dir = mkdtempSync(join(tmpdir(), 'entente-web-token-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'x.db'));
  t.after(() => store.close());
  const server = await listen(createApp(store, { webDir: WEB, exposed: true, token: TOKEN, log: () => {} }), '127.0.0.1', 0);
  t.after(() => server.close());

  // declined: the page says it could not load, naming the token
  const declined = await browser.newPage();
  declined.on('dialog', (d) => void d.dismiss());
  const errors = await visit(declined, `${server.url}/#/articles`, 'articles');
  assert.equal(errors.length, 1, 'one error shown');
  assert.match(errors[0], /token/);

  // given: asked once, for all the routes of every page that follows
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept(TOKEN);
  });
  assert.deepEqual(await visit(page, `${server.url}/#/articles`, 'articles'), []);
  assert.deepEqual(await visit(page, `${server.url}/#/relations`, 'relations'), []);
  assert.deepEqual(await visit(page, `${server.url}/#/quotes`, 'quotes'), []);
  assert.equal(asked.length, 1, `asked once: ${asked.join(' | ')}`);
  assert.match(asked[0], /token/);
});
