/**
 * Bad inputs for the ingest fuzz test, made from a seed: files that are one item each, and JSON
 * lines files of many items. Every item is written with its origin (as `ingest` will name it) and
 * its kind, so the test can check that each one comes back exactly once, and how.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SkipReason } from '../../src/model/errors.js';
import { prng } from '../../src/data/prng.js';
import { makeArticle } from '../_fixtures.js';

/** The seeded generator of the inputs (mulberry32): the same seed gives the same inputs. */
export { prng };

/** `unchanged`: the same story was stored before under another origin */
export type Outcome = 'stored' | 'unchanged' | SkipReason;

/** One generated item: `expect` lists the outcomes it may have (undefined: any known one). */
export interface FuzzItem {
  origin: string;
  kind: string;
  expect?: readonly Outcome[];
}

const STORED: readonly Outcome[] = ['stored', 'unchanged'];
const ANY_TEXT: readonly Outcome[] = ['stored', 'unchanged', 'no-body', 'not-english', 'malformed-html'];

export const MB = 1 << 20;

/** Item counts of a run; the defaults give a little over 10,000 items. */
export interface FuzzPlan {
  files: number;
  jsonlFiles: number;
  linesPerFile: number;
  /** items larger than this are expected to be skipped as too large */
  maxBytes: number;
}

/**
 * Writes the inputs of one seed into `dir` and returns every item it holds.
 *
 * @example const items = writeFuzzInputs('/tmp/f', 42, { files: 10, jsonlFiles: 1, linesPerFile: 50, maxBytes: 2 * MB });
 */
export function writeFuzzInputs(dir: string, seed: number, plan: FuzzPlan): FuzzItem[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const items: FuzzItem[] = [];
  let serial = 0;
  const story = () => makeArticle(int(0, 1_000_000));

  /** One file, one item. Content that starts like JSON would be read as JSON lines, so it never does. */
  const file = (kind: string, ext: string, content: Buffer | string, expect?: readonly Outcome[]) => {
    let bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (/^[\s\x00]*[{[]/.test(bytes.subarray(0, 64).toString('latin1'))) bytes = Buffer.concat([Buffer.from('x'), bytes]);
    const path = join(dir, `${String(serial++).padStart(5, '0')}-${kind}${ext}`);
    writeFileSync(path, bytes);
    items.push({ origin: path, kind, expect: bytes.length > plan.maxBytes ? ['too-large'] : expect });
  };

  const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(0, 255)));
  const nonAscii = ['é', 'ü', '“', '”', '—', '€', '中文', '😀', 'ß', 'Ω', 'ḁ', '\u0301'];
  const sprinkle = (s: string) => s.replace(/ /g, () => (rnd() < 0.08 ? ` ${pick(nonAscii)} ` : ' '));
  const htmlOf = (s: string) => `<html><head><title>T</title></head><body><article>${s.split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  const words = (n: number) => {
    const ws = ['France', 'said', 'the', 'minister', 'on', 'Monday', 'talks', 'Germany', 'would', 'resume', 'and', 'officials'];
    const out: string[] = [];
    let len = 0;
    while (len < n) {
      const w = pick(ws);
      out.push(w);
      len += w.length + 1;
    }
    return out.join(' ').slice(0, n);
  };
  const nest = (depth: number, inner: string, closed: boolean, tag = pick(['div', 'span', 'b', 'section', 'font', 'td', 'li', 'blockquote'])) => {
    return `<${tag}>`.repeat(depth) + inner + (closed ? `</${tag}>`.repeat(depth) : '');
  };

  // one item a file
  for (let i = 0; i < plan.files; i++) {
    const r = rnd();
    if (r < 0.12) file('random-bytes', pick(['.txt', '.html', '.md', '.bin', '']), randomBytes(int(1, 4000)));
    else if (r < 0.2) file('control-bytes', '.txt', Buffer.from(Array.from({ length: int(100, 2000) }, () => (rnd() < 0.2 ? int(1, 31) : int(32, 126)))));
    else if (r < 0.3) {
      // a UTF-8 story cut inside a multi-byte sequence, or with lead bytes whose continuation is gone
      const bytes = Buffer.from(sprinkle(story()) + ' 中文😀', 'utf8');
      const lead = [...bytes.keys()].filter((k) => bytes[k] >= 0xc0);
      const k = pick(lead);
      file('truncated-utf8', '.txt', rnd() < 0.5 ? bytes.subarray(0, k + 1) : Buffer.concat([bytes.subarray(0, k + 1), bytes.subarray(k + 2 + int(0, 1))]), STORED);
    } else if (r < 0.37) {
      const le = rnd() < 0.5;
      let bytes = Buffer.from(sprinkle(story()), 'utf16le');
      if (!le) bytes = Buffer.from(bytes).swap16();
      const odd = rnd() < 0.3;
      // an odd byte count cannot be UTF-16
      file(odd ? 'utf16-odd-length' : 'utf16-no-bom', '.txt', odd ? bytes.subarray(0, bytes.length - 1) : bytes, odd ? ['encoding', 'binary'] : STORED);
    } else if (r < 0.4) {
      // a byte-order mark, then a lone high surrogate
      file('utf16-bom-lone-surrogate', '.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story(), 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), ['encoding']);
    } else if (r < 0.5) {
      // thousands of levels, closed or not, with the story at the bottom or beside
      const deep = rnd() < 0.04 ? 200_000 : int(1_000, 8_000);
      const tag = deep > 100_000 ? 'div' : undefined;
      const body = htmlOf(story()).replace('<article>', () => (rnd() < 0.5 ? `<aside>${nest(deep, 'x', rnd() < 0.7, tag)}</aside><article>` : `<article>${nest(deep, '', true, tag)}`));
      file('deep-html', '.html', body, ANY_TEXT);
    } else if (r < 0.505) {
      const line = pick([() => words(MB), () => 'a'.repeat(MB), () => '“'.repeat(MB / 3), () => '<a '.repeat(MB / 3), () => 'x '.repeat(MB / 2), () => randomBytes(MB).toString('latin1').replace(/[\n\r]/g, ' ')])();
      file('1mb-line', pick(['.txt', '.md']), line);
    } else if (r < 0.52) {
      const size = int(50_000, 600_000);
      const where = pick(['class', 'href', 'style', 'data-x', 'meta', 'ld', 'title']);
      const big = pick(['x', 'ab ', '"', '&amp;', '<', '\u00a0'] as const).repeat(size / 4);
      const head = where === 'meta' ? `<meta name="description" content="${big.replace(/"/g, '&quot;')}">` : where === 'ld' ? `<script type="application/ld+json">{"articleBody":"${big.replace(/"/g, '\\"')}"}</script>` : where === 'title' ? `<title>${big}</title>` : '<title>T</title>';
      const page = htmlOf(story())
        .replace('<title>T</title>', () => head)
        .replace('<p>', () => `<p ${where}="${big.replace(/"/g, '&quot;')}">`);
      file('huge-attribute', '.html', page, ANY_TEXT);
    } else if (r < 0.56) {
      // NUL within the first 64 KB is binary; further on, it is text that holds NUL characters
      const far = rnd() < 0.4;
      const text = far ? `${story()}\n\n${words(70_000)}.\n\n${story().replace(/ /g, () => (rnd() < 0.1 ? ' \0' : ' '))}` : story().replace(/ /g, () => (rnd() < 0.1 ? ' \0' : ' '));
      file(far ? 'nul-after-64k' : 'nul-bytes', '.txt', text, far ? undefined : ['binary']);
    } else if (r < 0.58) file('empty', pick(['.txt', '.html', '.jsonl', '']), Buffer.alloc(0), ['empty']);
    else if (r < 0.62) {
      const ws = pick([' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff']);
      file('whitespace', '.txt', (rnd() < 0.3 ? '\ufeff' : '') + ws.repeat(int(1, 5000)), ['empty']);
    } else if (r < 0.68) {
      const bad = pick([
        () => `<html><body><!-- ${words(5000)}`,
        () => `<html><body><script>${words(5000)}`,
        () => `<html><body><p class="unterminated>${story()}`,
        () => `<html><body><p>${story().replace(/ /g, () => pick([' ', ' &#0; ', ' &#xD800; ', ' &#x110000; ', ' &bogus; ', ' &#99999999999; ']))}</p>`,
        () => `<html><body><![CDATA[${story()}`,
        () => `<html>${'<p>'.repeat(20_000)}${story()}`,
        () => `<html><body>${'</div>'.repeat(20_000)}<p>${story()}</p>`,
        () => `<html><body><svg>${'<g>'.repeat(3_000)}<foreignObject><p>${story()}</p>`,
      ])();
      file('malformed-html', '.html', bad, ANY_TEXT);
    } else {
      const s = sprinkle(story());
      const form = pick(['txt', 'html', 'md', 'latin1']);
      // Windows-1252: curly quotes are bytes 0x93 and 0x94
      const cp1252 = () => Buffer.from(story().replace(/“/g, '\x93').replace(/”/g, '\x94') + ' Caf\xe9 cr\xe8me.', 'latin1');
      const content = form === 'html' ? htmlOf(s) : form === 'md' ? `# A headline\n\n${s}` : form === 'latin1' ? cp1252() : s;
      file('good', form === 'md' ? '.md' : form === 'html' ? '.html' : '.txt', content, ['stored', 'unchanged']);
    }
  }

  // JSON lines: many items a file; the first line is good, so the file is read as JSON lines
  for (let f = 0; f < plan.jsonlFiles; f++) {
    const path = join(dir, `${String(serial++).padStart(5, '0')}-feed.jsonl`);
    const chunks: Buffer[] = [];
    let n = 0;
    const line = (kind: string, content: string | Buffer, expect?: readonly Outcome[]) => {
      n++;
      chunks.push(typeof content === 'string' ? Buffer.from(content + '\n', 'utf8') : Buffer.concat([content, Buffer.from('\n')]));
      const blank = !(typeof content === 'string' ? content : content.toString('utf8')).trim();
      if (!blank) items.push({ origin: `${path}#${n}`, kind, expect: (typeof content === 'string' ? content.length : content.length) > plan.maxBytes ? ['too-large'] : expect });
    };
    line('json-good', JSON.stringify({ text: story(), title: 'First' }), ['stored', 'unchanged']);
    for (let i = 1; i < plan.linesPerFile; i++) {
      const r = rnd();
      if (r < 0.22) {
        const meta = { title: pick(['A title', '', 42, null, { x: 1 }, ['t']]), date: pick(['2024-05-01', '2024-13-45', 'yesterday', 20240501, '']), url: pick(['https://example.com/a', 'not a url', 7, 'javascript:alert(1)']), source: pick(['Wire', true, ''] as const) };
        line('json-good', JSON.stringify({ text: sprinkle(story()), ...meta }), ['stored', 'unchanged']);
      } else if (r < 0.3) line('json-good-html', JSON.stringify({ html: htmlOf(story()) }), ['stored', 'unchanged']);
      else if (r < 0.5) {
        const good = JSON.stringify({ text: story() });
        line('json-truncated', good.slice(0, int(1, good.length - 2)), ['malformed-json']);
      } else if (r < 0.58) {
        const junk = pick([() => "{'text': 'single quotes'}", () => '{"text": "a",}', () => '{"text": NaN}', () => '{text: "bare key"}', () => '// a comment', () => '{"text": "x"} trailing', () => randomBytes(int(1, 300)).toString('latin1').replace(/[\n\r\0]/g, '?'), () => '{"text": "\\x41"}', () => '{"a":' + '['.repeat(int(1000, 20000)), () => '{"text": "' + '\\'.repeat(101) + '"}']);
        line('json-invalid', junk(), ['malformed-json']);
      } else if (r < 0.66) {
        const text = pick([42, null, true, [story()], { body: story() }, 1e308]);
        line('json-wrong-type', JSON.stringify({ text, html: pick([undefined, 7, [], false]), body: pick([undefined, 3]), content: pick([undefined, {}]) }), ['malformed-json']);
      } else if (r < 0.7) line('json-not-object', pick(['42', '"a string"', '[1,2,3]', 'null', 'true', `[${JSON.stringify({ text: story() })}]`]), ['malformed-json']);
      else if (r < 0.74) line('json-empty-text', JSON.stringify({ text: pick(['', ' ', '\n\t', '\u00a0\u3000']), title: 'x' }), ['empty']);
      else if (r < 0.78) {
        // NUL characters, lone surrogates and controls in the text, escaped as JSON writes them
        const s = story().replace(/ /g, () => pick([' ', ' ', ' \u0000', ' \ud800', ' \udfff ', ' \u0007', '\u2028', ' \u202e']));
        line('json-odd-chars', JSON.stringify({ text: s }), ANY_TEXT);
      } else if (r < 0.8) {
        // raw bytes that are not UTF-8 inside a JSON string
        const s = story();
        const part = (t: string) => Buffer.from(JSON.stringify(t).slice(1, -1), 'utf8');
        line('json-invalid-utf8', Buffer.concat([Buffer.from('{"text": "'), part(s.slice(0, 200)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), part(s.slice(200)), Buffer.from('"}')]), ANY_TEXT);
      } else if (r < 0.83) line('json-deep-html', JSON.stringify({ html: htmlOf(story()).replace('<article>', `<article>${nest(int(500, 4_000), '', true)}`) }), ANY_TEXT);
      else if (r < 0.85) line('json-huge-attribute', JSON.stringify({ html: htmlOf(story()).replace('<p>', `<p class="${'c '.repeat(int(10_000, 50_000))}">`) }), ANY_TEXT);
      else if (r < 0.87) line('json-random-text', JSON.stringify({ text: randomBytes(int(1, 2000)).toString('latin1') }));
      else if (r < 0.871) line('json-1mb-text', JSON.stringify({ text: pick([() => 'a'.repeat(MB), () => words(MB / 2), () => '. '.repeat(MB / 2)])() }));
      else if (r < 0.873 && f % 3 === 0) line('json-too-large', JSON.stringify({ text: 'z'.repeat(plan.maxBytes + 10) }), ['too-large']);
      else if (r < 0.9) line('blank', pick(['', '   ', '\t']));
      else line('json-duplicate', JSON.stringify({ text: makeArticle(i % 50) }), ['stored', 'unchanged']);
    }
    writeFileSync(path, Buffer.concat(chunks));
  }

  // a JSON lines file with a NUL near its start is read as one binary file
  const nul = join(dir, `${String(serial++).padStart(5, '0')}-nul.jsonl`);
  writeFileSync(nul, Buffer.concat([Buffer.from(JSON.stringify({ text: story() }) + '\n'), Buffer.from([0]), Buffer.from('\n' + JSON.stringify({ text: story() }) + '\n')]));
  items.push({ origin: nul, kind: 'jsonl-with-nul', expect: ['binary'] });
  return items;
}
