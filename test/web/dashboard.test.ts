/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download), over `entente serve` on a store of the seeds, the examples and a fixture article
 * whose text holds markup. Checks what a user sees on each page and saves screenshots of every
 * page at a laptop and a phone width.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { sharedPath } from '../_shared.js';
import { STAGES } from '../../src/pipeline/stages.js';
import { launchChromium } from '../_chromium.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'bin/entente.js');
const FIXTURE = join(ROOT, 'test/web/fixtures/markup-in-text.txt');
const WIDTHS = [{ name: 'laptop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }] as const;
const SHOTS = resolve(process.env.ENTENTE_SCREENSHOTS ?? join(ROOT, 'dist/screenshots/dashboard'));
/** the event coder is a pipeline stage; until it is in, the checks that need events cannot run */
const CODES_EVENTS = STAGES.some((s) => s.name === 'events' || (s.assigns as string[]).includes('events'));
const NEEDS_EVENTS = 'needs events: the pipeline has no event stage yet, so the store holds no events or relations';

test('dashboard in a real browser (Chromium) over entente serve', { timeout: 240_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const seeds = sharedPath(t, 'seeds');
  if (!seeds) return;
  assert.ok(existsSync(join(ROOT, 'dist/web/index.html')), 'dist/web/index.html is missing: build the dashboard first (npm run build:web)');

  const dir = mkdtempSync(join(tmpdir(), 'entente-web-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'entente.db');
  const inputs = [...readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)), join(ROOT, 'examples'), FIXTURE];
  const ingest = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, ...inputs], { encoding: 'utf8' });
  assert.equal(ingest.status, 0, `entente ingest failed (${ingest.status}):\n${ingest.stderr}`);

  const server = await serve(db);
  t.after(() => { server.child.kill(); });
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.endsWith('-failed.png')) rmSync(join(SHOTS, f));
  t.diagnostic(`screenshots: ${SHOTS}`);

  const api = async <T>(path: string): Promise<T> => (await fetch(server.url + path)).json() as Promise<T>;
  const articles = (await api<{ items: { id: string; title?: string }[] }>('api/articles?limit=100')).items;
  const seedArticle = articles.find((a) => /Lavrov closes door on EU/.test(a.title ?? ''));
  const fixture = articles.find((a) => /^Markup in the copy/.test(a.title ?? ''));
  assert.ok(seedArticle, `the Fox News seed is not among the stored articles: ${articles.map((a) => a.title).join(' | ')}`);
  assert.ok(fixture, 'the markup fixture article is not among the stored articles');

  await t.test('relations: the RUS→EU edge is drawn, and it is negative (needs events)', async (t) => {
    if (!CODES_EVENTS) return t.skip(NEEDS_EVENTS);
    await eachWidth(browser, server.url, 'relations', '#/relations', async (page, _dialogs, shot) => {
      const row = page.locator('#relations-table tr[data-source="RUS"][data-target="EU"]');
      await row.waitFor();
      const mean = Number(await row.getAttribute('data-mean'));
      const events = Number(await row.getAttribute('data-events'));
      assert.ok(events > 0, `RUS→EU has ${events} events`);
      assert.ok(mean < 0, `RUS→EU mean Goldstein is ${mean}, expected negative`);
      // the chart itself says it to a screen reader: ECharts' aria label names the dyad and its tone
      const label = (await page.locator('#relations-graph[role="img"]').getAttribute('aria-label')) ?? '';
      const said = /RUS to EU: \d+ events?, mean Goldstein (-?[\d.]+)/.exec(label);
      assert.ok(said, `the graph's aria label does not name RUS to EU: ${label.slice(0, 300)}`);
      assert.ok(Number(said[1]) < 0, `the graph's aria label gives RUS to EU a mean of ${said[1]}`);
      // the edge is keyboard-reachable through the table: Enter on its link opens the dyad page
      await shot();
      await row.locator('a').focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-ready="dyad"]');
      assert.match(await page.locator('h1').innerText(), /RUS and EU/);
    });
  });

  await t.test('dyad RUS–EU: timeline and events with their evidence sentences (needs events)', async (t) => {
    if (!CODES_EVENTS) return t.skip(NEEDS_EVENTS);
    await eachWidth(browser, server.url, 'dyad', '#/dyad/RUS/EU', async (page) => {
      await page.locator('#dyad-chart svg').waitFor();
      const cards = page.locator('#dyad-events > li');
      assert.ok((await cards.count()) > 0, 'no events listed for RUS–EU');
      const first = cards.first();
      const evidence = await first.locator('.evidence').innerText();
      const trigger = await first.locator('.evidence .trigger').innerText();
      assert.ok(evidence.length > trigger.length && trigger.length > 0, `evidence "${evidence}" with trigger "${trigger}"`);
      assert.match(await first.locator('.codes').first().innerText(), /CAMEO \d{2,4}/);
    });
  });

  await t.test('quotes: searching for Lavrov lists his quotes with speaker, date, source and a link', async () => {
    await eachWidth(browser, server.url, 'quotes', '#/quotes', async (page, _dialogs, shot) => {
      await page.getByLabel('Speaker').fill('Lavrov');
      await page.getByLabel('Speaker').press('Enter');
      // the search is a new route: wait for its list, not the unfiltered one still shown until the hash change is handled
      await page.waitForFunction(() => {
        // runs in the page (this project's tsconfig has no DOM types)
        const page = globalThis as unknown as { location: { hash: string }; document: { body: { dataset: Record<string, string> }; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } };
        const speakers = Array.from(page.document.querySelectorAll('#quote-groups li.card .speaker'), (e) => e.textContent ?? '');
        return page.document.body.dataset.ready === 'quotes' && page.location.hash.includes('Lavrov') && speakers.length > 0 && speakers.every((x) => x.includes('Lavrov'));
      });
      const cards = page.locator('#quote-groups li.card');
      const n = await cards.count();
      assert.ok(n > 0, 'no quotes for Lavrov');
      for (let i = 0; i < n; i++) assert.match(await cards.nth(i).locator('.speaker').innerText(), /Lavrov/);
      const godCard = cards.filter({ hasText: 'Thank God, the world is not just the European Union' });
      assert.equal(await godCard.count(), 1, 'the seed quote "Thank God, the world is not just the European Union" is not listed');
      const meta = await godCard.locator('.meta').first().innerText();
      assert.match(meta, /Sergei Lavrov/);
      assert.match(meta, /2022-12-27/);
      assert.match(meta, /Fox News/);
      // its link opens the reader with that quote selected
      await shot();
      await godCard.getByRole('link', { name: /^In / }).click();
      await page.waitForSelector('body[data-ready="article"]');
      assert.match(await page.locator('#record').innerText(), /Thank God/);
    });
  });

  await t.test('reader: "hybrid war" is highlighted as a quote and its record opens with Enter', async () => {
    await eachWidth(browser, server.url, 'reader', `#/article/${seedArticle.id}`, async (page) => {
      const hl = page.locator('#article-body .hl-quote[tabindex]', { hasText: 'hybrid war' });
      assert.equal(await hl.count(), 1, 'no quote highlight holding "hybrid war"');
      assert.match(await hl.innerText(), /^\W*hybrid war\W*$/);
      await hl.focus();
      await page.keyboard.press('Enter');
      const record = page.locator('#record');
      await record.locator('dl[data-layer="quote"]').waitFor();
      const text = await record.innerText();
      assert.match(text, /hybrid war/);
      assert.match(text, /kind\s+partial/);
      assert.match(text, /speaker\s+Sergei Lavrov/);
      assert.match(text, /rule\s+\S+/);
      assert.match(text, /offsets\s+\d+–\d+/);
      // Escape closes the record and puts the reader back on the highlight
      await page.keyboard.press('Escape');
      assert.equal(await record.locator('dl').count(), 0, 'the record is still open after Escape');
      assert.equal(await hl.evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus did not return to the highlight');
      // mentions are highlighted in their own style, and the removed boilerplate is there on request
      assert.ok((await page.locator('#article-body .hl-mention').count()) > 0, 'no actor mention highlighted');
      const removed = page.locator('#removed');
      assert.equal(await removed.locator('ol').isVisible(), false, 'removed boilerplate is shown before it is asked for');
      await removed.locator('summary').focus();
      await page.keyboard.press('Enter');
      assert.match(await removed.innerText(), /CLICK HERE TO GET THE FOX NEWS APP/);
    });
  });

  await t.test('reader: markup in an article is shown as text and never runs', async () => {
    await eachWidth(browser, server.url, 'reader-markup', `#/article/${fixture.id}`, async (page, dialogs) => {
      const body = page.locator('#article-body');
      const text = await body.innerText();
      assert.ok(text.includes('<script>alert(1)</script>'), 'the script tag is not shown as text');
      assert.ok(text.includes('<img src=x onerror="window.__ententeXss=1">'), 'the img tag is not shown as text');
      assert.equal(await body.locator('script, img').count(), 0, 'the article text became elements');
      // the markup also sits inside a quote highlight and its record
      await body.locator('.hl-quote[tabindex]', { hasText: '<script>' }).click();
      assert.ok((await page.locator('#record').innerText()).includes('<script>alert(1)</script>'));
      assert.equal(await page.evaluate(() => (globalThis as { __ententeXss?: unknown }).__ententeXss), undefined, 'the onerror handler ran');
      assert.deepEqual(dialogs, [], 'a dialog opened (alert ran)');
    });
  });
});

type Check = (page: Page, dialogs: string[], shot: () => Promise<void>) => Promise<void>;

/**
 * Opens `hash` at each width and runs the checks; the screenshot is taken when the check calls
 * `shot` (before it navigates away) or else after it, so it shows what the checks left on screen.
 */
async function eachWidth(browser: Browser, base: string, name: string, hash: string, check: Check): Promise<void> {
  for (const w of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: w.width, height: w.height } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(base + hash);
      await page.waitForSelector(`body[data-ready]`);
      let shot = false;
      const take = async () => {
        shot = true;
        await page.screenshot({ path: join(SHOTS, `${name}-${w.width}.png`), fullPage: true });
      };
      await check(page, dialogs, take);
      if (!shot) await take();
      assert.deepEqual(errors, [], `script errors on ${hash} at ${w.width}px`);
      // nothing wider than the screen at phone width
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.ok(overflow <= 1, `${hash} scrolls sideways by ${overflow}px at ${w.width}px`);
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, `${name}-${w.width}-failed.png`), fullPage: true }).catch(() => undefined);
      throw new Error(`${hash} at ${w.width}px: ${(e as Error).message}`, { cause: e });
    } finally {
      await context.close();
    }
  }
}

/** `entente serve --port 0` as a child process; resolves with the address it prints. */
function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); fail(new Error(`entente serve printed no port within 30 s:\n${out}\n${err}`)); }, 30_000);
    child.stderr!.on('data', (d) => { err += d; });
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /https?:\/\/[^\s/]+:(\d+)/.exec(out)?.[1] ?? /\bport\s+(\d+)/i.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        done({ url: `http://127.0.0.1:${port}/`, child });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`entente serve exited (${code}) before printing its port:\n${out}\n${err}`)); });
  });
}

