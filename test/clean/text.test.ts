/**
 * The plain-text and Markdown cleaner (src/clean/text): one row per kind of noise the seeds
 * carry, written here as short invented fixtures; the source-map round trip; robustness on
 * hostile input; data-file validation; and the acceptance bar on the two seed articles, read
 * from ../shared/seeds at test time (skipped when ../shared is absent).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanText, type CleanTextOptions } from '../../src/clean/text/index.js';
import { loadTextData } from '../../src/clean/text/_data.js';
import { capsAtLeast, sameKey } from '../../src/clean/text/_doc.js';
import type { Cleaned } from '../../src/model/article.js';
import { DataFileError } from '../../src/model/errors.js';
import { toInputOffset } from '../../src/model/source-map.js';

// ---------------------------------------------------------------- helpers

interface Expect {
  /** substrings the body must contain */
  has?: string[];
  /** substrings the body must not contain */
  lacks?: string[];
  /** paragraph count */
  paragraphs?: number;
  /** a substring that must lie inside one paragraph */
  onePara?: string;
  captions?: { count: number; copies?: number; credit?: string };
  meta?: Partial<Record<'title' | 'source' | 'date' | 'url', string>>;
  by?: Partial<Record<'title' | 'source' | 'date' | 'url', string>>;
  /** substrings the evidence of meta.date must contain */
  dateEvidence?: string[];
  /** rule ids that must appear among the removals */
  rules?: string[];
}

type Row = [name: string, input: string, opts: CleanTextOptions, expect: Expect];

const paras = (c: Cleaned) => c.paragraphs.map((s) => c.text.slice(s.start, s.end));

/** Every copied character maps back to the same character of the input; the rest are joins. */
function assertRoundTrip(c: Cleaned, input: string): void {
  assert.equal(c.text, paras(c).join('\n\n'), 'paragraphs are separated by exactly one blank line');
  for (const s of c.sourceMap.segments) {
    assert.equal(c.text.slice(s.outStart, s.outEnd), input.slice(s.inStart, s.inEnd), `segment ${JSON.stringify(s)}`);
  }
  const segs = c.sourceMap.segments;
  for (const p of c.paragraphs) {
    assert.ok(p.end > p.start, 'no empty paragraph');
    for (let o = p.start; o < p.end; o++) {
      const inside = segs.some((s) => o >= s.outStart && o < s.outEnd);
      if (!inside) {
        assert.equal(c.text[o], ' ', `offset ${o} is neither copied nor a join`);
        continue;
      }
      assert.equal(input[toInputOffset(c.sourceMap, o)], c.text[o], `offset ${o} maps to a different character`);
    }
  }
}

/** In plain text every visible input character is in the body or in a removal. */
function assertAccounted(c: Cleaned, input: string): void {
  const covered = new Uint8Array(input.length);
  for (const s of c.sourceMap.segments) covered.fill(1, s.inStart, s.inEnd);
  for (const r of c.removed) covered.fill(1, r.inputStart, r.inputEnd);
  for (let i = 0; i < input.length; i++) {
    if (!covered[i] && /\S/u.test(input[i]) && input[i] !== '\u00a0') assert.fail(`input offset ${i} (${JSON.stringify(input.slice(i, i + 30))}) is neither body nor removed`);
  }
}

function check(c: Cleaned, e: Expect): void {
  for (const s of e.has ?? []) assert.ok(c.text.includes(s), `body keeps ${JSON.stringify(s)}\n---\n${c.text}`);
  for (const s of e.lacks ?? []) assert.ok(!c.text.includes(s), `body drops ${JSON.stringify(s)}\n---\n${c.text}`);
  if (e.paragraphs !== undefined) assert.equal(c.paragraphs.length, e.paragraphs, `paragraphs:\n${paras(c).join('\n')}`);
  if (e.onePara) assert.ok(paras(c).some((p) => p.includes(e.onePara!)), `one paragraph holds ${JSON.stringify(e.onePara)}`);
  if (e.captions) {
    assert.equal(c.captions.length, e.captions.count, `captions: ${JSON.stringify(c.captions)}`);
    if (e.captions.copies !== undefined) for (const k of c.captions) assert.equal(k.copies, e.captions.copies);
    if (e.captions.credit !== undefined) assert.equal(c.captions[0]?.credit, e.captions.credit);
    for (const k of c.captions) assert.ok(!c.text.includes(k.text), 'a caption is never body');
  }
  for (const [k, v] of Object.entries(e.meta ?? {})) assert.equal(c.meta[k as keyof Cleaned['meta']]?.value, v, `meta.${k}`);
  for (const [k, v] of Object.entries(e.by ?? {})) assert.equal(c.meta[k as keyof Cleaned['meta']]?.by, v, `meta.${k}.by`);
  for (const s of e.dateEvidence ?? []) assert.ok(c.meta.date?.evidence?.includes(s), `date evidence names ${JSON.stringify(s)}: ${c.meta.date?.evidence}`);
  const rules = new Set(c.removed.map((r) => r.rule));
  for (const r of e.rules ?? []) assert.ok(rules.has(r), `rule ${r} fired (fired: ${[...rules].join(', ')})`);
  for (const r of c.removed) {
    assert.ok(r.reason.length > 10, `rule ${r.rule} gives a reason`);
    assert.equal(r.text.length, r.inputEnd - r.inputStart);
  }
}

// ---------------------------------------------------------------- rows: one per kind of noise

const T: CleanTextOptions = { format: 'text' };
const MD: CleanTextOptions = { format: 'markdown' };

const rows: Row[] = [
  [
    'title: a given title keeps a table\'s first row in the body, and only a repeated headline goes',
    ['Shr 12 cts vs 9 cts', 'Net 1.2 mln vs 900,000', 'Revs 40.1 mln vs 35.0 mln'].join('\n\n'),
    { format: 'text', given: { title: 'ACME CORP 2ND QTR NET' } },
    { paragraphs: 3, has: ['Shr 12 cts vs 9 cts'] },
  ],
  [
    'title: a given title repeated as the first line leaves the body',
    ['Peru and Chile extend fishing accord', '', 'Peru and Chile agreed on Monday to extend their fishing accord for five years.'].join('\n'),
    { format: 'text', given: { title: 'Peru and Chile extend fishing accord' } },
    { paragraphs: 1, lacks: ['extend fishing accord\n'], rules: ['title-given-repeated'] },
  ],
  [
    'paragraphs: indented first lines with no blank line between them start paragraphs (wire copy)',
    [
      'Peru and Chile agreed on Monday to extend their fishing accord, officials in Lima said in a',
      'statement issued after the talks.',
      '    The accord covers anchovy and hake stocks.',
      '    Both sides will review catch limits every',
      'six months, the statement said.',
    ].join('\n'),
    T,
    { paragraphs: 3, has: ['officials in Lima said in a statement issued', 'review catch limits every six months'] },
  ],
  [
    'paragraphs: a block indented throughout (a table) is not split line by line',
    [
      'Trade between the two countries grew last year, the ministry said.',
      '',
      '    Exports   1,200',
      '    Imports   1,050',
    ].join('\n'),
    T,
    { paragraphs: 2 },
  ],
  [
    'captions: the same caption with a straight and a curly apostrophe is one caption, twice',
    [
      'EU and Japan sign digital trade pact',
      '',
      'The European Union and Japan signed a digital trade agreement in Tokyo on Monday, officials said.',
      '',
      "Japan's trade minister shakes hands with the EU trade commissioner in Tokyo, Japan, Monday, Feb. 5, 2024.",
      '',
      'Japan’s trade minister shakes hands with the EU trade commissioner in Tokyo, Japan, Monday, Feb. 5, 2024.',
      '',
      '“This is a good day for open markets,” the commissioner told reporters.',
    ].join('\n'),
    T,
    { paragraphs: 2, lacks: ['shakes hands'], captions: { count: 1, copies: 2 }, meta: { title: 'EU and Japan sign digital trade pact' }, by: { title: 'first-line' }, rules: ['photo-caption-repeated', 'title-first-line'] },
  ],
  [
    'captions: a line directly above a parenthesised credit is a caption with that credit',
    [
      'Kenya and Ethiopia agreed on Thursday to reopen a border crossing closed since March.',
      '',
      'Trucks queue at the Moyale border post between Kenya and Ethiopia.',
      '(AP Photo/Jane Mwangi)',
      '',
      'The crossing will reopen next month, the two governments said in a joint statement.',
    ].join('\n'),
    T,
    { paragraphs: 2, lacks: ['Trucks queue', 'AP Photo'], captions: { count: 1, copies: 1, credit: 'AP Photo/Jane Mwangi' }, rules: ['credit-parenthesised', 'photo-caption'] },
  ],
  [
    'captions: "In this photo" and "FILE -" begin captions',
    [
      'Chile recalled its ambassador from Caracas on Friday after a dispute over a detained diplomat.',
      '',
      'In this handout photo, the Chilean foreign minister speaks in Santiago.',
      '',
      'FILE – The Venezuelan foreign ministry building in Caracas, Venezuela, on May 3, 2022.',
      '',
      'Venezuela called the decision “hasty” and said it would respond.',
    ].join('\n'),
    T,
    { paragraphs: 2, lacks: ['handout photo', 'ministry building'], captions: { count: 2, copies: 1 }, rules: ['caption-in-this-photo', 'caption-file'] },
  ],
  [
    'promo lines go, and name the outlet',
    [
      'Poland and Lithuania hold joint air-defence drills',
      '',
      'Polish and Lithuanian forces began a joint air-defence exercise on Monday, the defence ministry in Warsaw said.',
      '',
      'CLICK HERE TO GET THE GLOBE WIRE APP',
      '',
      'SIGN UP FOR OUR MORNING BRIEFING',
      '',
      'The drills will last ten days.',
    ].join('\n'),
    T,
    { paragraphs: 2, lacks: ['CLICK HERE', 'SIGN UP'], meta: { source: 'Globe Wire' }, by: { source: 'promo-line' }, rules: ['promo-get-app', 'promo-sign-up'] },
  ],
  [
    'all-caps teasers go, acronyms in the body stay',
    [
      'NATO and EU officials met in Brussels on Tuesday to discuss support for Moldova.',
      '',
      'CHINA WARNS TAIWAN OVER NAVAL DRILLS NEAR KINMEN: ‘PLAYING WITH FIRE’',
      '',
      'The EU’s foreign policy chief said the bloc would “stand by Chisinau”.',
    ].join('\n'),
    T,
    { paragraphs: 2, has: ['NATO and EU officials'], lacks: ['KINMEN'], rules: ['all-caps-teaser'] },
  ],
  [
    'all-caps: a text written in capitals keeps its lines',
    ['JAPAN TRADE SURPLUS WIDENS IN MAY', '', 'TOKYO, JUNE 10 - JAPAN POSTED A WIDER TRADE SURPLUS IN MAY, THE FINANCE MINISTRY SAID.', '', 'EXPORTS TO THE UNITED STATES ROSE SHARPLY, OFFICIALS SAID.'].join('\n'),
    T,
    { paragraphs: 2, has: ['EXPORTS TO THE UNITED STATES'] },
  ],
  [
    'a "Check Also" block at the end goes: marker, teaser headline, cut-off excerpt',
    [
      'Brazil and Argentina signed a gas supply deal on Wednesday.',
      '',
      'The deal runs for ten years, Brazil’s energy minister said.',
      '',
      'Check Also',
      '',
      'Iran and Saudi Arabia exchange ambassadors after seven-year rift',
      '',
      'Iran and Saudi Arabia have exchanged ambassadors for the first time since 2016, in a step that …',
    ].join('\n'),
    T,
    { paragraphs: 2, lacks: ['Check Also', 'ambassadors'], rules: ['related-check-also'] },
  ],
  [
    'a "Related article:" line goes and the body after it stays',
    [
      '# Turkey ratifies Sweden’s NATO bid',
      '',
      'Turkey’s parliament voted on Tuesday to ratify Sweden’s bid to join NATO, ending months of delay.',
      '',
      '**Related article:** [Hungary Sets Date for NATO Vote](#)',
      '',
      'Sweden’s prime minister welcomed the vote.',
      '',
      'Read more: [Why Ankara waited](https://example.org/why)',
      '[Nordic states and the alliance](#)',
      '',
      'Hungary is now the last member yet to ratify.',
    ].join('\n'),
    MD,
    { paragraphs: 3, has: ['welcomed the vote', 'last member'], lacks: ['Related article', 'Hungary Sets Date', 'Why Ankara waited', 'Nordic states'], meta: { title: 'Turkey ratifies Sweden’s NATO bid' }, by: { title: 'heading' }, rules: ['related-article', 'related-read-more'] },
  ],
  [
    'Markdown: links keep their text, bold and emphasis marks go',
    ['# Summit ends', '', 'The African Union [said](#) on Sunday that **talks** with the *Sudanese* parties would [resume](https://example.org/au) in Addis Ababa.', '', 'More talks are _planned_.'].join('\n'),
    MD,
    { paragraphs: 2, has: ['The African Union said on Sunday that talks with the Sudanese parties would resume in Addis Ababa.', 'More talks are planned.'], lacks: ['](', '**', '#'] },
  ],
  [
    'Markdown: a bold credit after a caption line, and a bold-only credit under a caption',
    [
      '# Ministers meet in Delhi',
      '',
      'India and Australia agreed to expand naval cooperation, their defence ministers said on Monday.',
      '',
      '“We share an ocean and a future,” the Australian minister said in New Delhi. **Australian Defence Department**',
      '',
      'Ministers review an honour guard in New Delhi.',
      '**Pool Photo**',
      '',
      'The agreement covers joint patrols and port visits.',
    ].join('\n'),
    MD,
    { paragraphs: 2, lacks: ['Defence Department', 'honour guard', 'Pool Photo'], captions: { count: 2, copies: 1, credit: 'Australian Defence Department' }, rules: ['photo-caption-bold-credit', 'photo-credit'] },
  ],
  [
    'Markdown: an "Original url:" address broken across two lines is joined; its path dates the story',
    [
      '# EU agrees new sanctions package',
      '',
      'EU ambassadors agreed on a new package of sanctions against Belarus, diplomats said.',
      '',
      'Original url:',
      '',
      '[https://www.reuters.com/world/europe/2023/05/02/eu-agrees-sanctions-against-bela  ',
      'rus-diplomats-say](#)',
    ].join('\n'),
    MD,
    {
      paragraphs: 1,
      lacks: ['Original url', 'https'],
      meta: { url: 'https://www.reuters.com/world/europe/2023/05/02/eu-agrees-sanctions-against-belarus-diplomats-say', source: 'Reuters', date: '2023-05-02' },
      by: { url: 'original-url-line', date: 'url-path' },
      rules: ['original-url-line'],
    },
  ],
  [
    'plain text: "Source:" with an unknown outlet gives a name made from its domain',
    ['Mongolia and South Korea agreed on Friday to cooperate on rare earths, officials said.', '', 'Source: https://www.steppe-daily-news.mn/2024/02/16/rare-earths'].join('\n'),
    T,
    { paragraphs: 1, meta: { source: 'Steppe Daily News', url: 'https://www.steppe-daily-news.mn/2024/02/16/rare-earths', date: '2024-02-16' }, by: { source: 'domain' } },
  ],
  [
    'split paragraph: a paragraph ending mid-sentence continues into one starting in lower case',
    [
      'Norway and Iceland signed a fisheries accord on Thursday.',
      '',
      '“Small nations that want to be',
      '',
      'heard must speak together," the Norwegian minister said.',
      '',
      'Iceland’s prime minister said the accord was “overdue”.',
    ].join('\n'),
    T,
    { paragraphs: 3, onePara: 'want to be heard must speak together' },
  ],
  [
    'split paragraph: an open quotation continues even when the next part starts with a capital',
    ['Vietnam protested to Beijing on Monday.', '', '“We will not accept', '', 'Chinese claims in our waters,” the foreign ministry spokeswoman said.'].join('\n'),
    T,
    { paragraphs: 2, onePara: 'We will not accept Chinese claims' },
  ],
  [
    'split paragraph: a finished sentence is not joined to the next paragraph',
    ['Vietnam protested to Beijing on Monday.', '', 'the ministry said more protests would follow.'].join('\n'),
    T,
    { paragraphs: 2 },
  ],
  [
    'relative date: "on Wednesday" is the first Wednesday on or after the latest written date',
    [
      'Peru and Bolivia reopen lake trade',
      '',
      'Peru’s foreign minister on Wednesday said trade across Lake Titicaca would resume.',
      '',
      'Talks began on February 27, 2023 and ended on March 3, 2023, a Friday.',
    ].join('\n'),
    T,
    { meta: { date: '2023-03-08' }, by: { date: 'relative-date' }, dateEvidence: ['on Wednesday', 'March 3, 2023'] },
  ],
  [
    'relative date: "last Tuesday" is not read as the date',
    ['Ghana and Togo met last Tuesday, the ministers said.', '', 'It followed talks on June 1, 2023.'].join('\n'),
    T,
    { meta: {}, paragraphs: 2 },
  ],
  [
    'dateline: a line holding only a date gives the date and leaves the body',
    ['# Canada and Mexico sign climate accord', '', 'Published: 14 June 2023 09:30 GMT', '', 'Canada and Mexico signed a climate accord in Ottawa, officials said.'].join('\n'),
    MD,
    { paragraphs: 1, lacks: ['2023', 'Published'], meta: { date: '2023-06-14' }, by: { date: 'dateline' }, rules: ['dateline'] },
  ],
  [
    'URL-path date: the article address in the origin gives source, address and date',
    ['Greece and Turkey agreed to resume confidence-building talks, officials said.'].join('\n'),
    { format: 'text', origin: 'https://apnews.com/2023/09/14/greece-turkey-talks' },
    { meta: { date: '2023-09-14', source: 'Associated Press', url: 'https://apnews.com/2023/09/14/greece-turkey-talks' }, by: { date: 'url-path' } },
  ],
  [
    'a paragraph printed twice far apart is body once, not a caption',
    [
      'Morocco and Spain agreed to reopen the Ceuta crossing to goods on Monday.',
      '',
      'The Spanish foreign minister said the reopening was a sign of trust between the two neighbours.',
      '',
      'Two.',
      '',
      'Three.',
      '',
      'Four.',
      '',
      'Five.',
      '',
      'The Spanish foreign minister said the reopening was a sign of trust between the two neighbours.',
    ].join('\n'),
    T,
    { paragraphs: 6, captions: { count: 0 }, rules: ['repeated-paragraph'] },
  ],
];

for (const [name, input, opts, expect] of rows) {
  test(`clean/text: ${name}`, () => {
    const c = cleanText(input, opts);
    check(c, expect);
    assertRoundTrip(c, input);
    if (opts.format === 'text') assertAccounted(c, input);
  });
}

// ---------------------------------------------------------------- source map

test('clean/text: source map round trip across markup removed inside lines', () => {
  const input = '# T\n\nA **bold** [link](#) and `code`\nnext line \\*star\\*.\n\nSecond *para*.';
  const c = cleanText(input, { format: 'markdown' });
  assert.equal(c.text, 'A bold link and code next line *star*.\n\nSecond para.');
  assertRoundTrip(c, input);
  // the copied runs are several appends: "A ", "bold", " ", "link", …
  assert.ok(c.sourceMap.segments.length >= 6);
  const bold = c.text.indexOf('bold');
  assert.equal(input.slice(toInputOffset(c.sourceMap, bold), toInputOffset(c.sourceMap, bold) + 4), 'bold');
});

// ---------------------------------------------------------------- robustness

test('clean/text: never throws, whatever the string', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = ['a', 'Z', ' ', '\n', '\n\n', '*', '**', '[', ']', '(', ')', '#', '_', '`', '\\', '“', '”', '"', '’', '…', '.', 'http://x.com/', '\u0000', '\ufffd', '\r', 'CLICK HERE ', 'Check Also\n', '(AP Photo)', 'Tuesday ', 'March 3, 2021', '\ud800', '-'];
  const inputs = [
    '',
    ' ',
    '\n\n\n',
    '\u0000\u0001\u0002\u00ff\ufffd'.repeat(500),
    'x'.repeat(200_000),
    ('word '.repeat(50) + '\n').repeat(2000),
    '[' .repeat(5000) + '](' .repeat(5000),
    '**'.repeat(10_000),
    '# \n#\n###### x\n---\n***\n> > >\n- \n1. ',
    'Original url:\n\n',
    'Check Also',
    '(Reuters Photo)',
  ];
  for (let i = 0; i < 300; i++) {
    let s = '';
    const n = Math.floor(rand() * 60);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(rand() * alphabet.length)];
    inputs.push(s);
  }
  for (const input of inputs) {
    for (const format of ['text', 'markdown'] as const) {
      const c = cleanText(input, { format });
      assertRoundTrip(c, input);
    }
  }
});

// ---------------------------------------------------------------- data files

test('clean/text: a bad data file throws DataFileError naming the file', (t) => {
  const src = path.resolve('data/clean');
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-clean-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.doesNotThrow(() => loadTextData(src));
  const cases: [file: string, edit: (o: Record<string, unknown>) => unknown][] = [
    ['thresholds.json', (o) => ({ ...o, captionMaxWords: 'ninety' })],
    ['promo.json', (o) => ({ ...o, extra: 1 })],
    ['captions.json', (o) => ({ ...o, prefixes: [{ id: 'x', pattern: '(', flags: '', reason: 'r' }] })],
    ['related.json', (o) => ({ ...o, markers: [{ id: 'x', pattern: 'a|', flags: '' }] })],
    ['outlets.json', (o) => ({ ...o, outlets: [{ domain: 'a.com', name: 'A' }, { domain: 'a.com', name: 'B' }] })],
    ['dates.json', (o) => ({ ...o, months: [['january']] })],
    ['rules.json', (o) => ({ reasons: o.reasons, $comment: o.$comment })],
  ];
  for (const [file, edit] of cases) {
    cpSync(src, dir, { recursive: true });
    const o = JSON.parse(readFileSync(path.join(src, file), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, file), JSON.stringify(edit(o)));
    assert.throws(() => loadTextData(dir), (err: unknown) => err instanceof DataFileError && err.message.includes(`data/clean/${file}`), file);
  }
});

test('clean/text: the data is frozen', () => {
  const d = loadTextData(path.resolve('data/clean'));
  assert.ok(Object.isFrozen(d) && Object.isFrozen(d.thresholds) && Object.isFrozen(d.promo));
});

// ---------------------------------------------------------------- the seeds

interface SeedExpect {
  file: string;
  title?: string;
  source?: string;
  date?: string;
  url?: string;
  format?: string;
  boilerplate_must_go?: string[];
  body_must_keep?: string[];
  captions?: string;
  paragraph_repair?: string;
}

/** What a reader sees of a Markdown item: the whole, and each bold run and link text alone. */
function visibleParts(item: string): string[] {
  if (!/\*\*|\]\(/u.test(item)) return [item];
  const parts: string[] = [];
  for (const m of item.matchAll(/\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/gu)) parts.push((m[1] ?? m[2]).trim());
  // "**Russian Foreign Ministry** (a photo credit)": the parenthesis describes the item
  const whole = item.replace(/\s+\([^()]*\)$/u, '').replace(/\*\*([^*]+)\*\*/gu, '$1').replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1').trim();
  return [whole, ...parts];
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const TIMES: Record<string, number> = { once: 1, twice: 2, 'three times': 3 };

test('clean/text: seeds: the acceptance bar of expected.json', async (t) => {
  const dir = path.resolve('../shared/seeds');
  const expectedFile = path.join(dir, 'expected.json');
  if (!existsSync(expectedFile)) {
    t.skip(`../shared absent: ${dir} has no expected.json`);
    return;
  }
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as { articles: SeedExpect[] };
  assert.ok(expected.articles.length >= 2);
  for (const a of expected.articles) {
    await t.test(a.file, () => {
      const input = readFileSync(path.join(dir, a.file), 'utf8');
      const format = /^markdown/iu.test(a.format ?? '') ? 'markdown' : 'text';
      const c = cleanText(input, { format, origin: path.join(dir, a.file) });
      assertRoundTrip(c, input);

      for (const item of a.boilerplate_must_go ?? []) {
        for (const part of visibleParts(item)) assert.ok(!c.text.includes(part), `boilerplate gone: ${JSON.stringify(part)}`);
      }
      for (const keep of a.body_must_keep ?? []) assert.ok(c.text.includes(keep), `body keeps: ${JSON.stringify(keep)}`);
      if (a.title) assert.equal(c.meta.title?.value, a.title, 'title');
      if (a.source) assert.equal(c.meta.source?.value, a.source, 'source');
      if (a.date) assert.equal(c.meta.date?.value, a.date, 'date');
      if (a.url) assert.equal(c.meta.url?.value, a.url, 'url');

      // the split paragraph reads as one: the phrase is quoted in expected.json, not here
      const phrase = /'([^']+)' as one paragraph/u.exec(a.paragraph_repair ?? '')?.[1];
      if (phrase) assert.ok(paras(c).some((p) => p.includes(phrase)), `one paragraph reads ${JSON.stringify(phrase)}`);

      // captions kept apart: "the three photo captions (each printed twice …)"
      const count = /\bthe (\w+) photo captions\b/u.exec(a.captions ?? '')?.[1];
      const times = /printed (once|twice|three times)/u.exec(a.captions ?? '')?.[1];
      if (count) assert.equal(c.captions.length, NUMBER_WORDS[count], `distinct captions: ${JSON.stringify(c.captions.map((k) => k.text.slice(0, 40)))}`);
      if (times) for (const k of c.captions) assert.equal(k.copies, TIMES[times], `copies of ${JSON.stringify(k.text.slice(0, 40))}`);
      for (const k of c.captions) assert.ok(k.credit, 'each caption has its credit');

      // no paragraph of the body is a caption
      const keys = new Set(c.captions.map((k) => sameKey(k.text)));
      for (const p of paras(c)) {
        assert.ok(!keys.has(sameKey(p)), `caption in the body: ${p.slice(0, 60)}`);
        for (const k of c.captions) assert.ok(!sameKey(p).includes(sameKey(k.text)), `caption inside a body paragraph: ${p.slice(0, 60)}`);
      }
      for (const k of c.captions) assert.equal(sameKey(input.slice(k.inputStart, k.inputEnd)).includes(sameKey(k.text).slice(0, 20)), true, 'caption offsets point at it');
    });
  }
});

// ---------------------------------------------------------------- the capitals test

test('capsAtLeast answers as the share of capitals among cased letters does, early exit or not', () => {
  // the definition, written plainly: cased letters by Unicode property, share of upper case
  const share = (s: string): { letters: number; share: number } => {
    const up = [...s].filter((c) => /\p{Lu}/u.test(c)).length;
    const low = [...s].filter((c) => /\p{Ll}/u.test(c)).length;
    return { letters: up + low, share: up + low === 0 ? 0 : up / (up + low) };
  };
  const alphabet = ['A', 'b', 'Z', 'q', ' ', '1', '.', 'É', 'ß', 'Ж', 'ж', '’', 'ǅ'];
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const cases = ['', 'ABc', 'abC', 'CLICK HERE TO GET THE FOX NEWS APP', 'Showers continued throughout the week in', 'PUTIN CLAIMS RUSSIA IS READY; talks'];
  for (let k = 0; k < 3000; k++) cases.push(Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join(''));
  for (const s of cases) {
    for (const [ratio, min] of [[0.6, 0], [0.8, 3], [0.5, 10], [1, 1]] as const) {
      const c = share(s);
      assert.equal(capsAtLeast(s, ratio, min), c.letters >= min && c.share >= ratio, `${JSON.stringify(s)} at ${ratio}, ${min}`);
    }
  }
});

test('text data patterns run without the u flag only where that cannot change a match on news text', () => {
  const d = loadTextData();
  const rules = [...d.promo, ...d.captionPrefixes, ...d.captionSuffixes, ...d.creditLines, ...d.relatedMarkers];
  const plain = rules.filter((r) => !r.re.flags.includes('u'));
  assert.ok(plain.length > 0, 'some ASCII case-insensitive patterns run plain');
  for (const r of plain) assert.ok(r.re.flags.includes('i') && /^[\x20-\x7e]*$/.test(r.re.source), `${r.id} runs plain but is not ASCII and case-insensitive`);
  // the Unicode ones keep u: \p{…} means nothing without it
  for (const r of rules) if (/\\p\{/.test(r.re.source)) assert.ok(r.re.flags.includes('u'), `${r.id} needs u`);
  const lines = ['Vote here', 'Take our poll', 'Advertisement', 'Read the full story here.', 'Photo: Jane Doe/AP', 'Check Also',
    'Vote HERE — Ünïcödé', 'Jetzt abstimmen: vote here', 'Share this article', 'Récit: read the story here', '© 2024 Reuters',
    'toggle caption Jane Doe/NPR', 'Related article: Ministers meet', 'The minister said on Tuesday that talks would resume.'];
  for (const r of plain) {
    const u = new RegExp(r.re.source, `u${r.re.flags}`);
    for (const line of lines) assert.equal(r.re.exec(line)?.[0], u.exec(line)?.[0], `${r.id} on ${JSON.stringify(line)}`);
  }
});
