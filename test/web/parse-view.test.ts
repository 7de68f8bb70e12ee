/**
 * The reader's parse view in a real browser (Debian's Chromium via playwright-core): an event's
 * record opens the parse of its evidence sentence, and the words, tags and arcs drawn are the
 * API's answer for that sentence; the words are reachable and walkable by keyboard. The server runs
 * in this process over a store of the examples and, when ../shared is there, the seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createApp, listen } from '../../src/server/index.js';
import { launchChromium } from '../_chromium.js';
import { testStore } from '../server/_store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'dist/web');
const SHOTS = resolve(process.env.ENTENTE_SCREENSHOTS ?? join(ROOT, 'dist/screenshots/parse'));

type Word = { start: number; end: number; text: string; upos: string; lemma: string; head: number; deprel: string };
type Parse = { sentence: number; start: number; end: number; stored: boolean; words: Word[] };
/** The little of the DOM these checks touch in the page (this project's tsconfig has no DOM types). */
type El = {
  textContent: string | null;
  open?: boolean;
  ownerDocument: { activeElement: El | null };
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
};
type Article = { id: string; title?: string; text: string; sentences: unknown[]; events: { sentence: number; sentenceSpan: { start: number; end: number } }[] };

/** What the page draws: each word's text, tag and x, and each arc's ends, relation and where its line starts and its arrow lands. */
async function drawn(page: Page) {
  return page.locator('#parse .parse-svg').evaluate((el) => {
    const svg = el as unknown as El;
    const words = Array.from(svg.querySelectorAll('.parse-word'), (g) => ({
      index: Number(g.getAttribute('data-index')),
      text: g.querySelector('.word-text')?.textContent ?? '',
      upos: g.querySelector('.word-tag')?.textContent ?? '',
      x: Number(g.querySelector('.word-text')?.getAttribute('x')),
    }));
    const arcs = Array.from(svg.querySelectorAll('.arc'), (g) => {
      const line = (g.querySelector('.arc-line')?.getAttribute('d') ?? '').split(' ');
      const arrow = (g.querySelector('.arc-head')?.getAttribute('d') ?? '').split(' ');
      return {
        dep: Number(g.getAttribute('data-dep')), head: Number(g.getAttribute('data-head')), label: g.querySelector('.arc-label')?.textContent ?? '',
        from: Number(line[1]), lands: Number(arrow[4]),
      };
    });
    return { words, arcs };
  });
}

test('reader: an event (or a click in a sentence) opens the parse of its sentence, drawn as the API gives it, walkable by keyboard', { timeout: 240_000 }, async (t) => {
  const browser = await launchChromium(t);
  if (!browser) return;
  assert.ok(existsSync(join(WEB, 'index.html')), `${WEB}/index.html is missing: build the dashboard first (npm run build:web)`);
  const { store, seeds, cleanup } = await testStore(t);
  t.after(cleanup);
  const server = await listen(createApp(store, { webDir: WEB, log: () => {} }), '127.0.0.1', 0);
  t.after(() => server.close());
  const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}/${path}`)).json() as Promise<T>;
  mkdirSync(SHOTS, { recursive: true });
  t.diagnostic(`screenshots: ${SHOTS}`);

  // the Fox News seed's "Lavrov accused the EU of waging a “hybrid war” …", else any article with an event
  const list = (await api<{ items: { id: string; title?: string }[] }>('api/articles?limit=100')).items;
  let article: Article | undefined;
  let event = -1;
  for (const item of [...list].sort((x, y) => Number(/Lavrov closes door/.test(y.title ?? '')) - Number(/Lavrov closes door/.test(x.title ?? '')))) {
    const a = await api<Article>(`api/articles/${item.id}`);
    event = a.events.findIndex((e) => /^Lavrov accused the EU/.test(a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end)));
    if (event < 0 && a.events.length) event = 0;
    if (event >= 0) { article = a; break; }
  }
  if (!article) return t.skip('no stored article has an event: the pipeline codes none yet');
  if (!seeds) t.diagnostic('../shared absent: the parse is checked on an example article');
  const a = article;
  const n = a.events[event].sentence;
  const expected = await api<Parse>(`api/articles/${a.id}/syntax?sentence=${n}`);
  assert.ok(expected.words.length > 3, JSON.stringify(expected).slice(0, 300));

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${server.url}/#/article/${a.id}?event=${event}`);
      await page.waitForSelector('body[data-ready="article"]');
      // the link selected the event: its record offers the parse of its evidence sentence
      const open = page.locator('#record #record-parse');
      assert.equal(await open.getAttribute('data-sentence'), String(n));
      await open.focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator(`#parse[data-ready="${n}"]`);
      await dialog.waitFor();
      assert.equal(await page.locator('#parse-title').innerText(), `Sentence ${n + 1} of ${a.sentences.length}`);
      assert.equal(await dialog.locator('.parse-text').innerText(), a.text.slice(expected.start, expected.end).trim());

      const { words, arcs } = await drawn(page);
      assert.deepEqual(words.map((w) => [w.index, w.text, w.upos]), expected.words.map((w, i) => [i, w.text, w.upos]), 'the words and tags drawn are the API\'s');
      assert.deepEqual(arcs.map((r) => [r.dep, r.head, r.label]).sort((x, y) => Number(x[0]) - Number(y[0])),
        expected.words.map((w, i) => [i, w.head, w.deprel]), 'one arc per word, from its head, labelled with its relation');
      for (const r of arcs.filter((r) => r.head >= 0)) {
        assert.equal(r.lands, words[r.dep].x, `the arc ${r.label} lands on word ${r.dep}`);
        assert.ok(Math.abs(r.from - words[r.head].x) <= 6, `the arc ${r.label} leaves from word ${r.head} (${r.from} vs ${words[r.head].x})`);
      }
      const rows = await dialog.locator('.parse-table tbody tr').evaluateAll((trs) => (trs as unknown as El[]).map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
      assert.deepEqual(rows.map((r) => [r[1], r[3], r[5]]), expected.words.map((w) => [w.text, w.lemma, w.deprel]), 'the table gives each word\'s lemma and relation');

      // the keyboard starts on the root, moves along the words, and Enter goes to a word's head
      const root = expected.words.findIndex((w) => w.head < 0);
      const focused = () => page.locator('#parse').evaluate((d) => (d as unknown as El).ownerDocument.activeElement?.closest('.parse-word')?.getAttribute('data-index'));
      assert.equal(await focused(), String(root));
      const step = root + 1 < expected.words.length ? 1 : -1;
      await page.keyboard.press(step > 0 ? 'ArrowRight' : 'ArrowLeft');
      assert.equal(await focused(), String(root + step));
      const said = await dialog.locator('.parse-focus').innerText();
      assert.ok(said.includes(`“${expected.words[root + step].text}”`) && said.includes(expected.words[root + step].upos), said);
      await page.keyboard.press('Enter');
      assert.equal(await focused(), String(expected.words[root + step].head), 'Enter goes to the head');
      if (viewport.width === 1280) await page.screenshot({ path: join(SHOTS, `parse-${viewport.width}.png`) });

      // Next shows the next sentence as the API parses it
      if (n + 1 < a.sentences.length) {
        await dialog.locator('[data-go="next"]').click();
        await page.locator(`#parse[data-ready="${n + 1}"]`).waitFor();
        const after = await api<Parse>(`api/articles/${a.id}/syntax?sentence=${n + 1}`);
        assert.deepEqual((await drawn(page)).words.map((w) => w.text), after.words.map((w) => w.text));
      }
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at ${viewport.width}px`);
      if (viewport.width !== 1280) await page.screenshot({ path: join(SHOTS, `parse-${viewport.width}.png`) });

      // Escape closes the parse, not the record, and focus goes back to the button that opened it
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#parse').evaluate((d) => (d as unknown as El).open), false);
      assert.equal(await page.locator('#record dl[data-layer="event"]').count(), 1, 'the record closed with the parse');
      assert.equal(await open.evaluate((el) => (el as unknown as El) === (el as unknown as El).ownerDocument.activeElement), true, 'focus did not return to the record\'s button');

      // a click in plain text selects its sentence, whose record offers its parse
      const point = await page.evaluate<{ x: number; y: number; around: string } | null>(`(() => {
        const walk = document.createTreeWalker(document.querySelector('#article-body'), NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (n.parentElement.closest('.hl') || n.textContent.length < 40) continue;
          n.parentElement.scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(n, 20);
          r.setEnd(n, 21);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2, around: n.textContent.slice(16, 25) };
        }
        return null;
      })()`);
      assert.ok(point, 'no plain text of 40 characters in the article body');
      await page.mouse.click(point.x, point.y);
      const sentenceRecord = page.locator('#record dl[data-layer="sentence"]');
      await sentenceRecord.waitFor();
      const m = Number(await sentenceRecord.getAttribute('data-index'));
      const clicked = await api<Parse>(`api/articles/${a.id}/syntax?sentence=${m}`);
      const recordText = await page.locator('#record .record-text').innerText();
      assert.equal(recordText, a.text.slice(clicked.start, clicked.end).trim());
      assert.ok(recordText.includes(point.around), `the sentence selected, "${recordText}", is not the one clicked ("${point.around}")`);
      await page.screenshot({ path: join(SHOTS, `sentence-${viewport.width}.png`) });
      await page.locator('#record #record-parse').click();
      await page.locator(`#parse[data-ready="${m}"]`).waitFor();
      assert.deepEqual((await drawn(page)).words.map((w) => w.text), clicked.words.map((w) => w.text));
      await page.keyboard.press('Escape');
      assert.deepEqual(errors, [], `script errors at ${viewport.width}px`);
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, `parse-${viewport.width}-failed.png`), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  }

  // a link can name the sentence: the reader opens with its parse
  const page = await browser.newPage();
  try {
    const last = a.sentences.length - 1;
    await page.goto(`${server.url}/#/article/${a.id}?sentence=${last}`);
    await page.locator(`#parse[data-ready="${last}"]`).waitFor();
    assert.equal(await page.locator('#parse-title').innerText(), `Sentence ${last + 1} of ${a.sentences.length}`);
    assert.equal(await page.locator('#parse [data-go="next"]').isDisabled(), true, 'Next is offered after the last sentence');
  } finally {
    await page.close();
  }
});
