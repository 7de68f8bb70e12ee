import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clean, META_LIMITS } from '../../src/clean/index.js';
import type { Cleaned } from '../../src/model/article.js';
import type { RawItem } from '../../src/ingest/items.js';
import { entente } from '../cli/_run.js';

const BODY = 'Russia accused the European Union of meddling in the talks on Tuesday, officials in Brussels said.';

function cleaned(raw: Partial<RawItem>): Cleaned {
  const c = clean({ origin: 'x.json#1', text: BODY, format: 'text', encoding: 'utf-8', given: {}, ...raw });
  assert.ok(!('skipped' in c), JSON.stringify(c));
  return c;
}

test('given title, outlet and address over their limits are cut, and the record says so', () => {
  const c = cleaned({ given: { title: 'T'.repeat(100_000), source: 'S'.repeat(5000), url: `https://example.org/${'u'.repeat(10_000)}` } });
  for (const k of ['title', 'source', 'url'] as const) {
    const f = c.meta[k]!;
    assert.equal(f.value.length, META_LIMITS[k], k);
    assert.match(f.cut ?? '', new RegExp(`cut to ${META_LIMITS[k]} characters`), k);
  }
  assert.match(c.meta.title!.cut!, /of 100,000/);
});

test('metadata found in the page (an og:title, an author meta tag) over the limit is cut too', () => {
  const head = `<meta property="og:title" content="${'Headline words '.repeat(5000)}"><meta name="author" content="${'A'.repeat(3000)}">`;
  const html = cleaned({ format: 'html', text: `<html><head>${head}</head><body><article><p>${BODY}</p><p>${BODY}</p></article></body></html>` });
  assert.ok(html.meta.title && html.meta.author, JSON.stringify(Object.keys(html.meta)));
  for (const k of ['title', 'author'] as const) {
    assert.ok(html.meta[k]!.value.length <= META_LIMITS[k], `${k}: ${html.meta[k]!.value.length}`);
    assert.ok((html.meta[k]!.evidence ?? '').length <= 501, `${k} evidence: ${html.meta[k]!.evidence?.length}`);
  }
  assert.match(html.meta.author!.cut ?? '', /cut to 200 characters of 3,000/);
});

test('values within the limits are kept whole and carry no note; a cut never splits a surrogate pair', () => {
  const c = cleaned({ given: { title: 'Talks in Brussels', source: 'Wire One' } });
  assert.deepEqual([c.meta.title?.value, c.meta.title?.cut, c.meta.source?.value], ['Talks in Brussels', undefined, 'Wire One']);
  const emoji = cleaned({ given: { title: 'a' + '😀'.repeat(META_LIMITS.title) } }).meta.title!.value;
  assert.ok(emoji.length <= META_LIMITS.title);
  assert.doesNotMatch(emoji, /[\ud800-\udbff]$/, 'no lone high surrogate at the end');
});

test('ingest stores the cut title; list prints it and show gives the reason', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-caps-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, JSON.stringify({ title: 'T'.repeat(100_000), text: BODY }) + '\n');
  const r = entente(['ingest', '--db', db, '--threads', '0', input]);
  assert.equal(r.status, 0, r.stderr);
  const listed = entente(['list', '--db', db]);
  assert.ok(listed.stdout.length < 1000, `list printed ${listed.stdout.length} characters`);
  const id = listed.stdout.split(' ')[0];
  const shown = entente(['show', id, '--db', db]).stdout;
  assert.match(shown, /title +T{500} +\[by given.*cut to 500 characters of 100,000/);
});
