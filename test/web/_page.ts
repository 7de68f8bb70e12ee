import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { sharedPath } from '../_shared.js';
import { writeDyadCorpus } from '../server/_dyad-corpus.js';

/** A page of its own context at `width` px (downloads accepted), collecting script errors and dialogs. */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return { page, errors, close: () => context.close() };
}

/** A full-page screenshot of page `name` at `width` px into `dir`, and the check that nothing scrolls sideways. */
export async function shotWithoutOverflow(page: Page, dir: string, name: string, width: number): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at ${width}px`);
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A served store of the seeds, the examples and `stories` stories of France and Poland over seven
 * years (`writeDyadCorpus`), ingested by the CLI, with the built dashboard; closed after the test.
 * Undefined, the test marked skipped, where `../shared/seeds` is absent.
 */
export async function serveYearsStore(t: TestContext, stories: number): Promise<{ url: string; dir: string } | undefined> {
  const seeds = sharedPath(t, 'seeds');
  if (!seeds) return undefined;
  const webDir = join(ROOT, 'dist/web');
  assert.ok(existsSync(join(webDir, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const dir = mkdtempSync(join(tmpdir(), 'entente-web-years-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'entente.db');
  const inputs = [...readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)), join(ROOT, 'examples'), writeDyadCorpus(dir, stories)];
  const ingest = spawnSync(process.execPath, [join(ROOT, 'bin/entente.js'), 'ingest', '--db', db, ...inputs], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, `entente ingest failed (${ingest.status}):\n${ingest.stderr}`);
  const store = openSqliteStore(db);
  const server = await listen(createApp(store, { log: () => {}, webDir }), '127.0.0.1', 0);
  t.after(async () => { await server.close(); await store.close(); });
  return { url: server.url, dir };
}
