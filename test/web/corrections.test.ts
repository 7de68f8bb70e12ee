/**
 * Analysts' corrections in Debian's Chromium (issue 19): on the dyad page an event is marked wrong
 * with the keyboard (a reason typed, Enter), shown marked, and gone from the relations table and
 * from the view's CSV export; after a reload it is still marked; Undo brings it back everywhere.
 * The store holds the examples, 40 stories of France and Poland and one of Chile and Norway, all
 * our own text: the Chile–Norway dyad has that one event, so its row leaves the relations table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/pipeline/index.js';
import { createApp, listen } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { launchChromium } from '../_chromium.js';
import { dyadStory } from '../server/_dyad-corpus.js';
import { parseCsv } from '../server/_csv.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = resolve(process.env.ENTENTE_SCREENSHOTS ?? join(ROOT, 'dist/screenshots/corrections'));
const CHILE = 'Chile criticised Norway on Monday over fishing rights, officials in Santiago said.\n\nThe talks would resume in May.';

/** The rows of the relations table on screen, as "SRC→TGT" to their event counts. */
async function relationsTable(page: Page, base: string): Promise<Map<string, number>> {
  await page.goto(`${base}/#/relations?limit=500`);
  await page.waitForSelector('body[data-ready="relations"]');
  const rows = await page.locator('#relations-table tbody tr').evaluateAll((els) => els.map((e) => [`${e.getAttribute('data-source')}→${e.getAttribute('data-target')}`, Number(e.getAttribute('data-events'))] as const));
  return new Map(rows);
}

/** The view's CSV export, downloaded by its button: each row's article#index. */
async function exported(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="csv"]').click()]);
  const [head, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
  return rows.map((r) => `${r[head.indexOf('article')]}#${r[head.indexOf('index')]}`);
}

test('web/corrections: an event marked wrong on the dyad page stays there marked and leaves the relations table and the export', { timeout: 180_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const webDir = join(ROOT, 'dist/web');
  assert.ok(existsSync(join(webDir, 'index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');
  const dir = mkdtempSync(join(tmpdir(), 'entente-corr-web-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const store = openSqliteStore(join(dir, 'entente.db'));
  const texts = [
    ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.txt')).map((f) => ({ text: readFileSync(join(ROOT, 'examples', f), 'utf8'), origin: f, given: {} })),
    ...Array.from({ length: 40 }, (_, i) => { const s = dyadStory(i); return { text: s.text, origin: `s${i}`, given: { date: s.date, source: s.source, title: s.title } }; }),
    { text: CHILE, origin: 'chile', given: { date: '2018-05-02', source: 'Andes Wire', title: 'Chile and Norway' } },
  ];
  for (const x of texts) {
    const a = analyze({ ...x, format: 'text' });
    assert.ok(!('skipped' in a), x.origin);
    await store.putArticle(a);
  }
  const server = await listen(createApp(store, { log: () => {}, webDir }), '127.0.0.1', 0);
  t.after(async () => { await server.close(); await store.close(); });
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const before = await relationsTable(page, server.url);
  assert.equal(before.get('CHL→NOR'), 1, 'the Chile–Norway row has its one event');

  await page.goto(`${server.url}/#/dyad/CHL/NOR`);
  await page.waitForSelector('body[data-ready="dyad"]');
  const card = page.locator('#dyad-events > li').first();
  const key = await card.getAttribute('data-key');
  assert.deepEqual(await exported(page), [key], 'exported before');
  // the keyboard path: focus the button, Enter, type the reason, Enter
  await card.locator('button.correction-wrong').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Santiago officials, not Chile: the sentence reports a dispute');
  await page.keyboard.press('Enter');
  await card.locator('.correction-label').waitFor();
  assert.equal(await card.getAttribute('data-verdict'), 'wrong');
  assert.match(await card.locator('.correction-label').innerText(), /^Marked wrong: Santiago officials/);
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent), 'Undo', 'focus goes to Undo');
  assert.deepEqual(await exported(page), [], 'gone from the export of the view');

  const marked = await relationsTable(page, server.url);
  assert.equal(marked.has('CHL→NOR'), false, 'gone from the relations table');
  assert.equal(marked.get('FRA→POL'), before.get('FRA→POL'), 'the other rows as they were');

  // after a reload the page still shows it, marked
  await page.goto(`${server.url}/#/dyad/CHL/NOR`);
  await page.waitForSelector('body[data-ready="dyad"]');
  assert.equal(await page.locator('#dyad-events > li').count(), 1, 'still in the evidence');
  assert.equal(await page.locator('#dyad-events > li').first().getAttribute('data-verdict'), 'wrong');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'dyad-marked-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, 'dyad-marked-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  t.diagnostic(`screenshots: ${SHOTS}`);

  // undo, with the keyboard too
  await page.locator('#dyad-events > li button.correction-undo').focus();
  await page.keyboard.press('Enter');
  await page.locator('#dyad-events > li button.correction-wrong').waitFor();
  assert.equal(await page.locator('#dyad-events > li').first().getAttribute('data-verdict'), null);
  assert.deepEqual(await exported(page), [key], 'back in the export');
  assert.equal((await relationsTable(page, server.url)).get('CHL→NOR'), 1, 'back in the relations table');

  // a France–Poland event marked wrong leaves that view's export, the rest stays
  await page.goto(`${server.url}/#/dyad/FRA/POL`);
  await page.waitForSelector('body[data-ready="dyad"]');
  const all = await exported(page);
  const fp = page.locator('#dyad-events > li').first();
  const fpKey = await fp.getAttribute('data-key');
  await fp.locator('button.correction-wrong').click();
  await fp.locator('input[name="reason"]').fill('a columnist, not the government');
  await fp.locator('.correction-form button[type="submit"]').click();
  await fp.locator('.correction-label').waitFor();
  const after = await exported(page);
  assert.equal(after.length, all.length - 1);
  assert.ok(all.includes(fpKey!) && !after.includes(fpKey!));
  assert.deepEqual(errors, [], 'no page errors');
  t.diagnostic(`CHL→NOR 1 → gone → 1; FRA→POL export ${all.length} → ${after.length}`);
});
