/**
 * The dyad explorer and the compare view in Debian's Chromium (issue 19), over a store of the
 * seeds, the examples and 600 stories of our own spread over seven years: the evidence of a chosen
 * range, newest first, paged to the oldest and back against the API's whole list; the view after
 * a reload; a range chosen by dragging across the chart; two dyads drawn on one chart; every
 * export downloaded and read. Screenshots of both pages at 1280 and 390 px.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CSV_COLUMNS, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS } from '../../src/events/export/index.js';
import { launchChromium } from '../_chromium.js';
import { openPage, serveYearsStore, shotWithoutOverflow } from './_page.js';
import { FORMULA_OUTLET } from '../server/_dyad-corpus.js';
import { parseCsv } from '../server/_csv.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = resolve(process.env.ENTENTE_SCREENSHOTS ?? join(ROOT, 'dist/screenshots/dyad'));
const FROM = '2017-03-01';
const TO = '2019-08-31';
const VIEW = `#/dyad/FRA/POL?from=${FROM}&to=${TO}`;

interface ApiEvent { articleId: string; index: number; date: string; cursor: string }
interface ApiPage { items: ApiEvent[]; total: number; older: string | null; newer: string | null }

/** The evidence page on screen: each card's key and day, in order. */
async function shownPage(page: Page): Promise<{ key: string; date: string }[]> {
  return page.locator('#dyad-events > li').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key') ?? '', date: e.getAttribute('data-date') ?? '' })));
}

/** Clicks a pager button and waits for a page other than the one shown. */
async function turn(page: Page, button: '#dyad-older' | '#dyad-newer', keyboard = false): Promise<void> {
  const before = (await shownPage(page))[0]?.key;
  if (keyboard) {
    await page.locator(button).focus();
    await page.keyboard.press('Enter');
  } else await page.locator(button).click();
  await page.waitForFunction((k) => (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('#dyad-events > li')?.getAttribute('data-key') !== k, before);
}

test('web/dyad explorer: range, keyset paging, permalinks, brush, compare and exports in Chromium', { timeout: 300_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const served = await serveYearsStore(t, 600);
  if (!served) return;
  const server = { url: served.url };
  mkdirSync(SHOTS, { recursive: true });
  t.diagnostic(`screenshots: ${SHOTS}`);
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/${path}`)).json() as Promise<T>;

  // the API's whole list of the range, newest first, in pages of 500
  const all: ApiEvent[] = [];
  for (let cursor: string | null = ''; cursor !== null;) {
    const p: ApiPage = await api<ApiPage>(`api/dyad/events?a=FRA&b=POL&undirected=true&from=${FROM}&to=${TO}&limit=500${cursor ? `&before=${cursor}` : ''}`);
    all.push(...p.items);
    cursor = p.older;
  }
  const plain = await api<{ total: number }>(`api/events?dyad=FRA,POL&undirected=true&from=${FROM}&to=${TO}&limit=1`);
  assert.equal(all.length, plain.total, 'the API\'s whole list is every event of the range');
  assert.ok(all.length > 150, `${all.length} events in the range`);
  const keys = all.map((e) => `${e.articleId}#${e.index}`);

  const { page, errors, close } = await openPage(browser, 1280);
  try {
    await t.test('the chosen range: only its evidence, newest first, paged to the oldest and back', async () => {
      await page.goto(`${server.url}/${VIEW}`);
      await page.waitForSelector('body[data-ready="dyad"]');
      await page.locator('#dyad-chart svg').waitFor();
      assert.match(await page.locator('#dyad-evidence').innerText(), new RegExp(`^Evidence: ${all.length} events in view`));
      assert.equal(await page.locator('#dyad-newer').isDisabled(), true, 'nothing newer than the first page');
      const pages = [await shownPage(page)];
      while (!(await page.locator('#dyad-older').isDisabled())) {
        // the keyboard turns every other page
        await turn(page, '#dyad-older', pages.length % 2 === 0);
        pages.push(await shownPage(page));
      }
      const seen = pages.flat();
      assert.equal(new Set(seen.map((e) => e.key)).size, seen.length, 'no event twice');
      assert.deepEqual(seen.map((e) => e.key), keys, 'every event of the API\'s list, in its order: none missing');
      assert.ok(seen.every((e) => e.date >= FROM && e.date <= TO), 'only the range');
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1].date >= seen[i].date, `newest first at ${i}`);
      const back = [pages[pages.length - 1]];
      while (!(await page.locator('#dyad-newer').isDisabled())) {
        await turn(page, '#dyad-newer');
        back.unshift(await shownPage(page));
      }
      assert.deepEqual(back, pages, 'reading newer gives the same pages back');
      t.diagnostic(`FRA↔POL ${FROM} to ${TO}: ${all.length} events, ${pages.length} pages of 50 to the oldest and ${pages.length - 1} back, 0 twice, 0 missing`);
    });

    await t.test('the URL holds the view: a reload shows the same page of the same range and filters', async () => {
      await page.goto(`${server.url}/${VIEW}&period=week&window=6&quad=3`);
      await page.waitForSelector('body[data-ready="dyad"]');
      await turn(page, '#dyad-older');
      await turn(page, '#dyad-older');
      const shown = await shownPage(page);
      const hash = await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
      assert.match(hash, /before=\d{4}-\d{2}-\d{2}(%3A|:)\d+/);
      assert.match(hash, /period=week/);
      await page.reload();
      await page.waitForSelector('body[data-ready="dyad"]');
      assert.deepEqual(await shownPage(page), shown, 'the same page after a reload');
      assert.equal(await page.locator('#f-from').inputValue(), FROM);
      assert.equal(await page.locator('#f-period').inputValue(), 'week');
      assert.equal(await page.locator('#f-window').inputValue(), '6');
      assert.equal(await page.locator('#f-quad').inputValue(), '3');
      assert.match(await page.locator('#dyad-points summary').innerText(), /points \(n per week\)/);
      const quads = await page.locator('#dyad-events > li').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      assert.ok(quads.length > 0 && quads.every((q) => q.includes('verbal conflict')), 'the quad filter holds');
    });

    await t.test('a drag across the chart chooses the range the evidence follows', async () => {
      await page.goto(`${server.url}/${VIEW}`);
      await page.waitForSelector('body[data-ready="dyad"]');
      const box = (await page.locator('#dyad-chart').boundingBox())!;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.35, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
      await page.mouse.move(box.x + box.width * 0.62, y, { steps: 8 });
      await page.mouse.up();
      await page.waitForFunction((v) => (globalThis as unknown as { location: { hash: string }; document: { body: { dataset: Record<string, string> } } }).location.hash !== v
        && (globalThis as unknown as { document: { body: { dataset: Record<string, string> } } }).document.body.dataset.ready === 'dyad', VIEW);
      const hash = await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
      const from = /from=(\d{4}-\d{2}-\d{2})/.exec(hash)![1];
      const to = /to=(\d{4}-\d{2}-\d{2})/.exec(hash)![1];
      assert.ok(from > FROM && to < TO && from < to, `the brushed range ${from} to ${to} lies inside ${FROM} to ${TO}`);
      await page.locator('#dyad-chart svg').waitFor();
      const shown = await shownPage(page);
      const inRange = all.filter((e) => e.date >= from && e.date <= to).slice(0, 50).map((e) => `${e.articleId}#${e.index}`);
      assert.deepEqual(shown.map((e) => e.key), inRange, 'the evidence is the brushed range\'s, newest first');
      t.diagnostic(`brushed ${from} to ${to}`);
    });

    await t.test('exports download and parse: CSV rows = events in view, GDELT and PLOVER lines, SVG and PNG', async () => {
      await page.goto(`${server.url}/${VIEW}`);
      await page.waitForSelector('body[data-ready="dyad"]');
      await page.locator('#dyad-chart svg').waitFor();
      const get = async (format: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${format}"]`).click()]);
        return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
      };
      const csv = await get('csv');
      assert.equal(csv.name, `entente-FRA-POL-both-${FROM}-${TO}.csv`);
      const rows = parseCsv(csv.bytes.toString('utf8'));
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      assert.equal(rows.length - 1, all.length, 'one CSV row per event in view');
      assert.deepEqual(rows.slice(1).map((r) => `${r[1]}#${r[2]}`).sort(), [...keys].sort());
      const outlet = CSV_COLUMNS.indexOf('outlet');
      assert.ok(rows.some((r) => r[outlet] === `'${FORMULA_OUTLET}`), 'the formula outlet is made text');
      assert.ok(rows.slice(1).every((r) => r.every((c) => !/^[=+@\t\r]/.test(c) && !/^-[^\d]/.test(c))), 'no cell a spreadsheet would run');
      const gdelt = (await get('gdelt')).bytes.toString('utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
      assert.deepEqual(gdelt[0], [...GDELT_EVENT_COLUMNS]);
      assert.ok(gdelt.length > 1 && gdelt.every((r) => r.length === GDELT_EVENT_COLUMNS.length));
      const mentions = (await get('gdelt-mentions')).bytes.toString('utf8').replace(/\n$/, '').split('\n');
      assert.equal(mentions[0], GDELT_MENTION_COLUMNS.join('\t'));
      assert.equal(mentions.length - 1, all.length);
      const plover = (await get('plover')).bytes.toString('utf8').replace(/\n$/, '').split('\n').map((l) => JSON.parse(l) as { date: string });
      assert.ok(plover.length > 0 && plover.every((r) => r.date >= FROM && r.date <= TO));
      const svg = await get('svg');
      assert.match(svg.name, /\.svg$/);
      const parsed = await page.evaluate((text) => {
        const doc = new (globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, t: string): { documentElement: { nodeName: string }; getElementsByTagName(n: string): { length: number } } } }).DOMParser().parseFromString(text, 'image/svg+xml');
        return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, paths: doc.getElementsByTagName('path').length };
      }, svg.bytes.toString('utf8'));
      assert.deepEqual([parsed.root, parsed.errors], ['svg', 0], 'the SVG parses');
      assert.ok(parsed.paths > 10, `${parsed.paths} paths drawn`);
      const png = await get('png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
      assert.ok(png.bytes.length > 5000, `a PNG of ${png.bytes.length} bytes`);
      t.diagnostic(`exports: ${rows.length - 1} CSV rows, ${gdelt.length - 1} GDELT events, ${mentions.length - 1} mentions, ${plover.length} PLOVER records, SVG ${svg.bytes.length} B, PNG ${png.bytes.length} B`);
    });

    await t.test('compare: two dyads drawn on one chart, each in the table', async () => {
      await page.goto(`${server.url}/#/compare?d=FRA-POL,KEN-PER&from=2016-01-01&to=2020-12-31&period=month`);
      await page.waitForSelector('body[data-ready="compare"]');
      await page.locator('#compare-chart svg').waitFor();
      const label = (await page.locator('#compare-chart[role="img"]').getAttribute('aria-label')) ?? '';
      assert.match(label, /FRA–POL \d+ events; KEN–PER \d+ events/);
      const svgText = await page.locator('#compare-chart svg').innerHTML();
      for (const name of ['FRA–POL Goldstein', 'KEN–PER Goldstein', 'FRA–POL events', 'KEN–PER events']) assert.ok(svgText.includes(name), `the legend names ${name}`);
      const rows = page.locator('#compare-table tbody tr');
      assert.equal(await rows.count(), 2);
      for (const d of ['FRA-POL', 'KEN-PER']) assert.ok(Number(await page.locator(`#compare-table tr[data-dyad="${d}"]`).getAttribute('data-events')) > 20, d);
    });
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await close();
  }

  await t.test('screenshots at 1280 and 390 px: no sideways scroll, no script errors', async () => {
    for (const width of [1280, 390]) {
      const w = await openPage(browser, width);
      try {
        for (const [name, hash] of [['dyad', `${VIEW}&window=6`], ['compare', '#/compare?d=FRA-POL,KEN-PER&from=2016-01-01&to=2020-12-31']] as const) {
          await w.page.goto(`${server.url}/${hash}`);
          await w.page.waitForSelector(`body[data-ready="${name}"]`);
          await w.page.locator(`#${name}-chart svg`).waitFor();
          await shotWithoutOverflow(w.page, SHOTS, name, width);
        }
        assert.deepEqual(w.errors, [], `script errors at ${width}px`);
      } finally {
        await w.close();
      }
    }
  });
});

