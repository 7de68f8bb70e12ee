/**
 * The actor page, the quote facets and the article filters in Debian's Chromium (issue 19 part B),
 * over a store of the seeds, the examples and 600 stories of our own over seven years: partners
 * and quotes on the actor page against the API, its events paged, facets that narrow the list to
 * their counts, the searched words marked, articles by actor, outlet and date, the view after a
 * reload. Screenshots of the actor and quotes pages at 1280 and 390 px.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '../_chromium.js';
import { openPage, serveYearsStore, shotWithoutOverflow } from './_page.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = resolve(process.env.ENTENTE_SCREENSHOTS ?? join(ROOT, 'dist/screenshots/actor'));
const FROM = '2016-01-01';
const TO = '2019-12-31';
const ACTOR = `#/actor/FRA?from=${FROM}&to=${TO}`;

interface Side { events: number; quad: number[]; goldsteinMean: number | null }
interface Partner { partner: string; events: number; sent: Side; received: Side }
interface Facet { value: string; count: number }
type G = { location: { hash: string }; document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } };

const ready = (page: Page, name: string) => page.waitForSelector(`body[data-ready="${name}"]`);
/** Runs `action` (a click that changes the hash) and waits for the new view to be drawn, not the old one. */
async function follow(page: Page, name: string, action: () => Promise<void>): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { document: { querySelector(s: string): { setAttribute(k: string, v: string): void } } }).document.querySelector('#main > div')!.setAttribute('data-old', '1')));
  await action();
  await page.waitForSelector(`body[data-ready="${name}"] #main > div:not([data-old])`);
}
const hashOf = (page: Page) => page.evaluate(() => (globalThis as unknown as G).location.hash);

test('web/actor page, quote facets and article filters in Chromium', { timeout: 300_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  const served = await serveYearsStore(t, 600);
  if (!served) return;
  const server = { url: served.url };
  mkdirSync(SHOTS, { recursive: true });
  t.diagnostic(`screenshots: ${SHOTS}`);
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/${path}`)).json() as Promise<T>;

  const { page, errors, close } = await openPage(browser, 1280);
  try {
    await t.test('the actor page lists the partners and the quotes the API gives, and pages its events', async () => {
      const partners = await api<{ events: number; items: Partner[] }>(`api/actors/FRA/partners?from=${FROM}&to=${TO}`);
      const by = await api<{ total: number; items: { articleId: string; index: number }[] }>(`api/actors/FRA/quotes?from=${FROM}&to=${TO}&limit=10`);
      const about = await api<{ total: number }>(`api/actors/FRA/quotes?role=about&from=${FROM}&to=${TO}&limit=1`);
      await page.goto(`${server.url}/${ACTOR}`);
      await ready(page, 'actor');
      await page.locator('#actor-chart svg').waitFor();
      const rows = await page.locator('#actor-partners tbody tr').evaluateAll((els) => els.map((e) => [e.getAttribute('data-partner'), Number(e.getAttribute('data-sent')), Number(e.getAttribute('data-received'))]));
      assert.deepEqual(rows, partners.items.map((p) => [p.partner, p.sent.events, p.received.events]), 'the table is the API\'s partners');
      assert.equal(rows[0][0], 'POL');
      assert.equal(await page.locator('#actor-quotes-by-h').getAttribute('data-total'), String(by.total));
      assert.equal(await page.locator('#actor-quotes-about-h').getAttribute('data-total'), String(about.total));
      assert.equal(await page.locator('#actor-quotes-by > li').count(), Math.min(10, by.total));
      assert.ok(by.total > 20 && about.total > 0, `${by.total} by, ${about.total} about`);
      assert.ok((await page.locator('#actor-people li').count()) > 0, 'people listed');
      const label = (await page.locator('#actor-chart[role="img"]').getAttribute('aria-label')) ?? '';
      assert.match(label, /POL: \d+ sent, \d+ received/);
      // the events: older pages to the end, none twice, against the API's total
      const seen: string[] = [];
      const keys = () => page.locator('#actor-events > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
      seen.push(...await keys());
      let turns = 0;
      while (!(await page.locator('#actor-older').isDisabled()) && turns < 4) {
        const before = seen[seen.length - 1];
        const now0 = (await keys())[0];
        if (turns % 2) {
          await page.locator('#actor-older').focus();
          await page.keyboard.press('Enter');
        } else await page.locator('#actor-older').click();
        await page.waitForFunction((k) => (globalThis as unknown as G).document.querySelector('#actor-events > li')?.getAttribute('data-key') !== k, now0);
        const now = await keys();
        assert.notEqual(now[0], before);
        seen.push(...now);
        turns++;
      }
      assert.equal(new Set(seen).size, seen.length, 'no event twice');
      assert.match(await hashOf(page), /before=/);
      // the URL holds the page: a reload shows the same events
      const shown = await keys();
      await page.reload();
      await ready(page, 'actor');
      assert.deepEqual(await keys(), shown, 'the same page after a reload');
      assert.equal(await page.locator('#f-from').inputValue(), FROM);
      t.diagnostic(`FRA ${FROM}..${TO}: ${partners.items.length} partners, ${partners.events} events, ${by.total} quotes by, ${about.total} about; ${turns} pages turned, ${seen.length} events, 0 twice`);
    });

    await t.test('quote facets narrow the results to their counts; the words are marked; the URL reproduces the view', async () => {
      await page.goto(`${server.url}/#/quotes?q=talks`);
      await ready(page, 'quotes');
      const total = Number(await page.locator('#quote-count').getAttribute('data-total'));
      const api0 = await api<{ total: number }>('api/quotes?q=talks&limit=1');
      assert.equal(total, api0.total);
      const marks = await page.locator('#quote-groups mark.hit').allInnerTexts();
      assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === 'talks'), `marks: ${marks.slice(0, 5).join(', ')}`);
      // the blockquotes hold text and marks only: nothing else made of the article's text
      const tags = await page.locator('#quote-groups blockquote *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
      assert.deepEqual(tags, ['MARK']);
      const groups = await page.locator('#quote-groups .speaker-group').count();
      assert.ok(groups > 1, `${groups} speaker groups`);
      for (const facet of ['speakers', 'countries', 'outlets', 'kinds']) {
        const values = page.locator(`#quote-facets [data-facet="${facet}"] li`);
        const item = values.nth((await values.count()) > 1 ? 1 : 0);
        const value = (await item.getAttribute('data-value'))!;
        const count = Number(await item.getAttribute('data-count'));
        await follow(page, 'quotes', () => item.locator('a').click());
        assert.equal(Number(await page.locator('#quote-count').getAttribute('data-total')), count, `${facet} ${value}: the list holds its count`);
        if (facet === 'speakers') {
          const speakers = await page.locator('#quote-groups .speaker-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')));
          assert.deepEqual(speakers, [value], 'one group, the chosen speaker');
        }
        // back to the words alone
        await page.goto(`${server.url}/#/quotes?q=talks`);
        await ready(page, 'quotes');
        t.diagnostic(`q=talks (${total}): ${facet} ${value} → ${count}`);
      }
      // two facets at once, then a reload
      const kind = (await page.locator('#quote-facets [data-facet="kinds"] li').first().getAttribute('data-value'))!;
      await follow(page, 'quotes', () => page.locator('#quote-facets [data-facet="kinds"] li a').first().click());
      await follow(page, 'quotes', () => page.locator('#quote-facets [data-facet="outlets"] li a').first().click());
      assert.match(await hashOf(page), /kind=.*outlet=|outlet=.*kind=/);
      const hash = await hashOf(page);
      const n = await page.locator('#quote-count').getAttribute('data-total');
      const cards = await page.locator('#quote-groups li.card').count();
      await page.reload();
      await ready(page, 'quotes');
      assert.equal(await hashOf(page), hash);
      assert.equal(await page.locator('#quote-count').getAttribute('data-total'), n);
      assert.equal(await page.locator('#quote-groups li.card').count(), cards);
      assert.equal(await page.locator('#f-q').inputValue(), 'talks');
      assert.ok((await page.locator('#quote-groups li.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).every((k) => k === kind));
      assert.equal(await page.locator('#quote-chosen a.chip').count(), 2, 'both chosen facets shown, each removable');
    });

    await t.test('articles: by actor, outlet and date, with the snippets\' words marked', async () => {
      await page.goto(`${server.url}/#/articles`);
      await ready(page, 'articles');
      await page.locator('#f-q').fill('quarrel');
      await page.locator('#f-actor').fill('KEN');
      await page.locator('#f-source').fill('Baltic Wire');
      await page.locator('#f-from').fill(FROM);
      await page.locator('#f-to').fill(TO);
      await follow(page, 'articles', () => page.locator('#f-to').press('Enter'));
      assert.match(await hashOf(page), /actor=KEN/);
      const want = await api<{ total: number; items: { id: string }[] }>(`api/articles?q=quarrel&actor=KEN&source=Baltic%20Wire&from=${FROM}&to=${TO}&limit=50`);
      assert.ok(want.total > 2, `${want.total} articles`);
      assert.equal(Number(await page.locator('#article-count').getAttribute('data-total')), want.total);
      const shown = await page.locator('#article-list > li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-source'), e.getAttribute('data-date')]));
      assert.deepEqual(shown.map((r) => r[0]), want.items.map((i) => i.id));
      assert.ok(shown.every((r) => r[1] === 'Baltic Wire' && r[2]! >= FROM && r[2]!.slice(0, 10) <= TO));
      const marks = await page.locator('#article-list .snippet mark.hit').allInnerTexts();
      assert.ok(marks.length >= shown.length && marks.every((m) => /quarrel/i.test(m)), `marks: ${marks.slice(0, 3).join(', ')}`);
      await page.reload();
      await ready(page, 'articles');
      assert.equal(await page.locator('#f-actor').inputValue(), 'KEN');
      assert.equal(await page.locator('#article-list > li').count(), shown.length);
      const all = await api<{ total: number }>('api/articles?q=quarrel&limit=1');
      assert.ok(all.total > want.total, 'the filters narrow');
      t.diagnostic(`articles q=quarrel: ${all.total}; with KEN, Baltic Wire, ${FROM}..${TO}: ${want.total}`);
    });

    await t.test('actor links: from the relations table and the dyad page', async () => {
      await page.goto(`${server.url}/#/dyad/FRA/POL?from=${FROM}&to=${TO}`);
      await ready(page, 'dyad');
      await follow(page, 'actor', () => page.locator('.lede a.actor-link', { hasText: 'POL' }).click());
      assert.match(await hashOf(page), /^#\/actor\/POL\?from=2016-01-01&to=2019-12-31$/);
      assert.equal(await page.locator('h1').innerText(), 'Actor POL');
    });
    assert.deepEqual(errors, [], 'no script errors');
  } finally {
    await close();
  }

  await t.test('screenshots at 1280 and 390 px: no sideways scroll, no script errors', async () => {
    for (const width of [1280, 390]) {
      const w = await openPage(browser, width);
      try {
        for (const [name, hash] of [['actor', ACTOR], ['quotes', '#/quotes?q=talks']] as const) {
          await w.page.goto(`${server.url}/${hash}`);
          await ready(w.page, name);
          if (name === 'actor') await w.page.locator('#actor-chart svg').waitFor();
          await shotWithoutOverflow(w.page, SHOTS, name, width);
        }
        assert.deepEqual(w.errors, [], `script errors at ${width}px`);
      } finally {
        await w.close();
      }
    }
  });
});

