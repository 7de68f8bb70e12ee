import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanHtml, type HtmlFailure } from '../../src/clean/html/index.js';
import { compileRules, RULES_FILE } from '../../src/clean/html/rules.js';
import { normalizeDate, dateFromUrl } from '../../src/clean/html/dates.js';
import { DataFileError } from '../../src/model/errors.js';
import { toInputSpan } from '../../src/model/source-map.js';
import type { Cleaned } from '../../src/model/article.js';
import { evalExtraction } from '../../eval/extraction.js';

// Fixture prose is written for these tests; none of it comes from ../shared.
const P1 = 'The two delegations met in Vienna on Tuesday, the ministry said, and agreed to resume talks on the grain corridor next month.';
const P2 = 'Officials from both sides described the meeting as constructive, although several disputes over inspections, tariffs and shipping insurance remain open.';
const P3 = 'A joint statement is expected later this week, according to a diplomat who asked not to be named because the talks are private.';

function ok(r: Cleaned | HtmlFailure): Cleaned {
  if ('ok' in r) assert.fail(`expected a body, got ${r.reason}: ${r.detail}`);
  return r;
}

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const CHROME = `
  <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
  <div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World news from everywhere</a></div>`;

test('html cleaner: boilerplate inside and around the article is removed with its rule', () => {
  const rows: { name: string; inside: string; gone: string; rule: string }[] = [
    { name: 'share bar', inside: '<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter today</a></div>', gone: 'Share on Facebook', rule: 'share' },
    { name: 'related list', inside: '<div class="related-stories"><h3>More on this story</h3><ul><li><a href="/a">Ministers clash over quotas in a long headline</a></li><li><a href="/b">Ports reopen after the storm in the south</a></li></ul></div>', gone: 'Ministers clash', rule: 'related' },
    { name: 'newsletter box', inside: '<aside class="newsletter-signup"><p>Get the morning briefing delivered to your inbox every day of the week.</p></aside>', gone: 'morning briefing', rule: 'newsletter' },
    { name: 'ad slot', inside: '<div class="ad-slot"><span>Advertisement: buy our premium subscription product now</span></div>', gone: 'premium subscription', rule: 'ad' },
    { name: 'advertisement label', inside: '<p>Advertisement</p>', gone: 'Advertisement', rule: 'line-ad' },
    { name: 'read-more line', inside: '<p><strong>Read more:</strong> <a href="/x">Grain prices fall</a></p>', gone: 'Grain prices fall', rule: 'line-promo' },
    { name: 'link list run', inside: '<p><a href="/1">First unrelated headline link here</a></p><p><a href="/2">Second unrelated headline link here</a></p>', gone: 'unrelated headline', rule: 'link-dense' },
    { name: 'hidden element', inside: '<div style="display:none">This text is hidden from readers and must not appear.</div>', gone: 'hidden from readers', rule: 'hidden' },
    { name: 'comments', inside: '<section id="comments"><p>I disagree with this article completely, said a reader in the comments.</p></section>', gone: 'I disagree', rule: 'comments' },
  ];
  for (const row of rows) {
    const html = page(`${CHROME}<main><article><h1>Talks resume</h1><div class="article-body"><p>${P1}</p>${row.inside}<p>${P2}</p><p>${P3}</p></div></article></main><footer class="site-footer"><p>Copyright 2024 The Example Times. All rights reserved, everywhere.</p></footer>`);
    const r = ok(cleanHtml(html));
    assert.equal(r.text, [P1, P2, P3].join('\n\n'), row.name);
    assert.ok(!r.text.includes(row.gone), `${row.name}: "${row.gone}" left in the body`);
    assert.ok(r.removed.some((x) => x.rule === row.rule && x.text.includes(row.gone.split(' ')[0])), `${row.name}: no removal with rule ${row.rule}: ${JSON.stringify(r.removed.map((x) => x.rule))}`);
    for (const x of r.removed) {
      assert.ok(x.text.length <= 200, 'removal excerpt ≤ 200 chars');
      assert.ok(x.inputStart >= 0 && x.inputEnd <= html.length && x.inputStart < x.inputEnd, 'removal offsets inside the input');
    }
  }
});

test('html cleaner: headings and list items are paragraphs; white space folds; the headline is not body', () => {
  const html = page(`<article><h1>Headline here</h1><div class="story-body"><p>${P1}</p><h2>What comes next</h2><p>  ${P2.replace(/ /g, '\n   ')} </p><ul><li>First point about the shipping lanes and insurance.</li><li>Second point about inspections at the ports.</li></ul><p>${P3}</p></div></article>`);
  const r = ok(cleanHtml(html));
  assert.deepEqual(r.text.split('\n\n'), [P1, 'What comes next', P2, 'First point about the shipping lanes and insurance.', 'Second point about inspections at the ports.', P3]);
  assert.equal(r.paragraphs.length, 6);
  assert.ok(!r.text.includes('Headline here'));
  assert.deepEqual([r.meta.title?.value, r.meta.title?.by], ['Headline here', 'heading']);
  // an <h1> inside the chosen container is the headline again, not body
  const inside = ok(cleanHtml(page(`<div class="story-body"><h1>Headline here</h1><p>${P1}</p><p>${P2}</p></div>`)));
  assert.equal(inside.text, [P1, P2].join('\n\n'));
  assert.ok(inside.removed.some((x) => x.rule === 'title-heading'));
});

test('html cleaner: figure captions are kept apart from the body, with credit and copies', () => {
  const fig = '<figure><img src="a.jpg"><figcaption>Delegates arrive at the conference hall. <span class="credit">Photo: Jane Roe</span></figcaption></figure>';
  const html = page(`<article><div class="article-content"><p>${P1}</p>${fig}<p>${P2}</p>${fig}<p>${P3}</p><p class="wp-caption-text">A second caption printed as a classed paragraph.</p></div></article>`);
  const r = ok(cleanHtml(html));
  assert.ok(!r.text.includes('Delegates arrive'), 'caption in body');
  assert.ok(!r.text.includes('second caption'), 'classed caption in body');
  const c = r.captions.find((x) => x.text.startsWith('Delegates arrive'));
  assert.ok(c, JSON.stringify(r.captions));
  assert.equal(c.credit, 'Photo: Jane Roe');
  assert.equal(c.copies, 2);
  assert.ok(html.slice(c.inputStart, c.inputEnd).includes('Delegates arrive'));
  assert.ok(r.captions.some((x) => x.text.startsWith('A second caption')));
});

test('html cleaner: metadata is found with its provenance', () => {
  const body = `<article><div class="article-body"><p>${P1}</p><p>${P2}</p></div></article>`;
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const rows: { name: string; head: string; body?: string; url?: string; field: 'title' | 'date' | 'author' | 'source' | 'url'; value: string; by: string }[] = [
    { name: 'ld headline', head: ld({ '@type': 'NewsArticle', headline: 'Talks resume in Vienna' }) + '<meta property="og:title" content="Other">', field: 'title', value: 'Talks resume in Vienna', by: 'json-ld' },
    { name: 'ld in @graph', head: ld({ '@graph': [{ '@type': 'WebSite', name: 'X' }, { '@type': ['NewsArticle'], headline: 'Graph headline' }] }), field: 'title', value: 'Graph headline', by: 'json-ld' },
    { name: 'og:title', head: '<meta property="og:title" content="Talks resume">', field: 'title', value: 'Talks resume', by: 'meta' },
    { name: '<title> suffix', head: '<title>Talks resume in Vienna | The Example Times</title>', field: 'title', value: 'Talks resume in Vienna', by: 'html-title' },
    { name: 'h1', head: '', body: `<h1>Only a heading</h1>${body}`, field: 'title', value: 'Only a heading', by: 'heading' },
    { name: 'ld date', head: ld({ '@type': 'NewsArticle', datePublished: '2019-11-20T08:03:00-0500' }), field: 'date', value: '2019-11-20T08:03:00-05:00', by: 'json-ld' },
    { name: 'meta date', head: '<meta property="article:published_time" content="2021-03-04">', field: 'date', value: '2021-03-04', by: 'meta' },
    { name: 'time element', head: '', body: `<time datetime="2020-02-29">29 Feb</time>${body}`, field: 'date', value: '2020-02-29', by: 'time-element' },
    { name: 'url date', head: '', url: 'https://news.example.com/world/2018/07/09/talks.html', field: 'date', value: '2018-07-09', by: 'url-path' },
    { name: 'ld author', head: ld({ '@type': 'Article', author: [{ '@type': 'Person', name: 'A. Writer' }, { name: 'B. Writer' }] }), field: 'author', value: 'A. Writer, B. Writer', by: 'json-ld' },
    { name: 'meta author', head: '<meta name="author" content="C. Reporter">', field: 'author', value: 'C. Reporter', by: 'meta' },
    { name: 'og:site_name', head: '<meta property="og:site_name" content="The Example Times">', field: 'source', value: 'The Example Times', by: 'meta' },
    { name: 'ld publisher', head: ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Example Wire' } }), field: 'source', value: 'Example Wire', by: 'json-ld' },
    { name: 'domain', head: '', url: 'https://www.example-news.org/a/b', field: 'source', value: 'example-news.org', by: 'domain' },
    { name: 'canonical', head: '<link rel="canonical" href="/world/talks">', url: 'https://example.com/amp/talks', field: 'url', value: 'https://example.com/world/talks', by: 'meta' },
    { name: 'og:url', head: '<meta property="og:url" content="https://example.com/x">', field: 'url', value: 'https://example.com/x', by: 'meta' },
    { name: 'given url', head: '', url: 'https://example.com/given', field: 'url', value: 'https://example.com/given', by: 'given' },
  ];
  for (const row of rows) {
    const r = ok(cleanHtml(page(row.body ?? body, row.head), row.url ? { url: row.url } : {}));
    const f = r.meta[row.field];
    assert.ok(f, `${row.name}: no ${row.field}`);
    assert.equal(f.value, row.value, row.name);
    assert.equal(f.by, row.by, row.name);
    assert.ok(typeof f.evidence === 'string' && f.evidence.length > 0, `${row.name}: evidence`);
  }
});

test('html cleaner: a JSON-LD articleBody that disagrees with the chosen container picks a runner-up', () => {
  const note = 'Readers wrote, again and again, that snow, rain, fog, wind, hail, frost, sleet and sunshine all arrived, somehow, on the same weekend, in the same valley, near the same old bridge.';
  const notes = `<div class="reader-notes">${Array.from({ length: 6 }, () => `<p>${note}</p>`).join('')}</div>`;
  const story = `<div class="x"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P1}</p></div>`;
  const declared = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: [P1, P2, P3, P1].join(' ') })}</script>`;
  const without = ok(cleanHtml(page(`${notes}<div class="gap"></div>${story}`)));
  assert.ok(without.text.startsWith('Readers wrote'), 'fixture: the notes must win on score alone');
  const withLd = ok(cleanHtml(page(`${notes}<div class="gap"></div>${story}`, declared)));
  assert.equal(withLd.text.split('\n\n')[0], P1);
  assert.ok(!withLd.text.includes('Readers wrote'));
});

test('html cleaner: dates normalise to ISO', () => {
  const rows: [string, string | undefined][] = [
    ['2019-11-20', '2019-11-20'],
    ['2019-11-20T13:03:00.000Z', '2019-11-20T13:03:00.000Z'],
    ['2019-11-20 13:03', '2019-11-20T13:03:00'],
    ['November 20, 2019', '2019-11-20'],
    ['Wed, 20 Nov 2019', '2019-11-20'],
    ['20 November 2019', '2019-11-20'],
    ['2019/11/20', '2019-11-20'],
    ['2019-02-30', undefined],
    ['yesterday', undefined],
  ];
  for (const [input, want] of rows) assert.equal(normalizeDate(input), want, input);
  assert.equal(dateFromUrl('https://x.com/2019/11/20/story')?.value, '2019-11-20');
  assert.equal(dateFromUrl('https://x.com/news/20191120/story')?.value, '2019-11-20');
  assert.equal(dateFromUrl('https://x.com/news/story-123'), undefined);
});

test('html cleaner: source map round trip — each paragraph maps to input holding its first word', () => {
  const html = page(`${CHROME}<article><div class="entry-content"><p>Kyiv &amp; Minsk   officials said, on <b>Monday</b>, that <a href="/t">the talks</a> would go on.</p><p>${P2}</p><h2>Next steps</h2><p>${P3}</p></div></article>`);
  const r = ok(cleanHtml(html));
  assert.ok(r.text.startsWith('Kyiv & Minsk officials said, on Monday, that the talks would go on.'), r.text);
  assert.equal(r.paragraphs.length, 4);
  for (const span of r.paragraphs) {
    const para = r.text.slice(span.start, span.end);
    assert.equal(para, para.trim());
    assert.ok(!/\s\s/.test(para), 'white space folded');
    const input = toInputSpan(r.sourceMap, span);
    const firstWord = para.split(' ')[0];
    assert.ok(html.slice(input.start, input.end).includes(firstWord), `paragraph "${para.slice(0, 30)}" → input "${html.slice(input.start, input.end).slice(0, 60)}"`);
  }
  // an exact piece maps character for character
  const i = r.text.indexOf('officials');
  const inp = toInputSpan(r.sourceMap, { start: i, end: i + 'officials'.length });
  assert.equal(html.slice(inp.start, inp.end), 'officials');
  // paragraphs are separated by exactly one blank line
  assert.ok(!r.text.includes('\n\n\n'));
  for (let k = 1; k < r.paragraphs.length; k++) assert.equal(r.text.slice(r.paragraphs[k - 1].end, r.paragraphs[k].start), '\n\n');
});

test('html cleaner: garbage input gives an HtmlFailure, never an exception', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const bytes = Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
  const tags = Array.from({ length: 3000 }, () => ['<div', '<p>', '</', '>', '"', '=', 'a', ' ', '<!--', '<script>', '&amp'][Math.floor(rand() * 11)]).join('');
  const nested = '<div>'.repeat(50_000) + P1 + '</div>'.repeat(50_000);
  const rows: [string, string, HtmlFailure['reason'][] | 'any'][] = [
    ['empty', '', ['malformed-html']],
    ['plain text', 'just some words, no markup at all', ['malformed-html']],
    ['lone bracket', '<', ['malformed-html', 'no-body']],
    ['random bytes', bytes, 'any'],
    ['random tag soup', tags, 'any'],
    ['truncated page', page(`<article><p>${P1}</p><p>${P2}`).slice(0, 180), 'any'],
    ['only chrome', page(CHROME), ['no-body']],
    ['comment only', '<!-- nothing here -->', ['malformed-html']],
    ['50k nested divs', nested, 'any'],
  ];
  for (const [name, input, want] of rows) {
    let r: Cleaned | HtmlFailure | undefined;
    assert.doesNotThrow(() => {
      r = cleanHtml(input);
    }, name);
    assert.ok(r !== undefined && typeof r === 'object', name);
    if (want !== 'any') {
      assert.ok('ok' in r && r.ok === false, `${name}: expected a failure`);
      assert.ok(want.includes((r as HtmlFailure).reason), `${name}: ${(r as HtmlFailure).reason}`);
      assert.ok((r as HtmlFailure).detail.length > 0);
    }
  }
});

test('html cleaner: a bad rules file throws DataFileError naming the key', () => {
  const good = JSON.parse(readFileSync(path.resolve(RULES_FILE), 'utf8')) as Record<string, unknown>;
  assert.doesNotThrow(() => compileRules(good));
  const rows: [string, (o: Record<string, unknown>) => void, string][] = [
    ['unknown key', (o) => (o.extra = 1), 'extra'],
    ['wrong type', (o) => (o.dropTags = 'script'), 'dropTags'],
    ['bad threshold', (o) => ((o.thresholds as Record<string, unknown>).minUnitChars = '25'), 'thresholds.minUnitChars'],
    ['unknown threshold', (o) => ((o.thresholds as Record<string, unknown>).speed = 1), 'thresholds.speed'],
    ['bad pattern', (o) => ((o.boilerplate as { pattern: string }[])[0].pattern = '('), 'boilerplate[0].pattern'],
    ['duplicate id', (o) => ((o.boilerplate as { id: string }[])[1].id = (o.boilerplate as { id: string }[])[0].id), 'boilerplate[1].id'],
  ];
  for (const [name, mutate, key] of rows) {
    const copy = structuredClone(good);
    mutate(copy);
    assert.throws(() => compileRules(copy), (e: unknown) => e instanceof DataFileError && e.message.includes(RULES_FILE) && e.message.includes(`"${key}"`), name);
  }
  const noComment = { ...good };
  delete noComment.$comment;
  assert.throws(() => compileRules(noComment), DataFileError);
});

test('html cleaner: F1 on the shared article-extraction dev pages stays at or above 0.965', async (t) => {
  const devDir = path.resolve('../shared/article-extraction/dev');
  if (!existsSync(devDir)) {
    t.skip('../shared absent: ../shared/article-extraction/dev not found from the repository root');
    return;
  }
  const s = await evalExtraction(devDir);
  assert.equal(s.pages, Object.keys(s.predictions).length);
  assert.ok(s.pages >= 90, `only ${s.pages} pages scored`);
  assert.ok(s.f1 >= 0.965, `F1 ${s.f1.toFixed(4)} < 0.965 (P ${s.precision.toFixed(4)}, R ${s.recall.toFixed(4)})`);
});
