import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/ingest/decode.js';
import { detectFormat } from '../../src/ingest/format.js';
import { fromJsonLine } from '../../src/ingest/items.js';

const TEXT = 'Café society in Zürich said “no” – twice.';

const rows: [string, Uint8Array, string, string][] = [
  ['utf-8', Buffer.from(TEXT, 'utf8'), 'utf-8', TEXT],
  ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8', TEXT],
  ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le', TEXT],
  ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), 'utf-16be', TEXT],
  ['utf-16le without BOM', Buffer.from(TEXT + ' And more words here.', 'utf16le'), 'utf-16le', TEXT + ' And more words here.'],
  ['windows-1252', Buffer.from([...Buffer.from('Caf'), 0xe9, 0x20, 0x93, 0x6e, 0x6f, 0x94, 0x20, 0x96, 0x20, 0x6f, 0x6b]), 'windows-1252', 'Café “no” – ok'],
];

for (const [name, bytes, encoding, text] of rows) {
  test(`decode: ${name}`, () => {
    const d = decodeBytes(bytes, 'x.txt');
    assert.ok(!('skipped' in d), JSON.stringify(d));
    assert.equal(d.encoding, encoding);
    assert.equal(d.text, text);
  });
}

test('decode: empty and binary input are skipped with a reason that says why', () => {
  const empty = decodeBytes(new Uint8Array(0), 'a.txt');
  assert.ok('skipped' in empty && empty.reason === 'empty' && empty.origin === 'a.txt');
  const bin = decodeBytes(Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256), 'b.bin');
  assert.ok('skipped' in bin && bin.reason === 'binary', JSON.stringify(bin));
  const controls = decodeBytes(Uint8Array.from({ length: 4096 }, (_, i) => (i % 5 === 0 ? 1 : 65)), 'c.dat');
  assert.ok('skipped' in controls && controls.reason === 'binary');
});

const formats: [string, string, string][] = [
  ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'page.txt', 'html'],
  ['  <html lang="en"><head>', 'noext', 'html'],
  ['{"text": "Hello"}\n{"text": "Again"}', 'feed.json', 'jsonl'],
  ['{"text": "Hello"}', 'a.ndjson', 'jsonl'],
  ['# Title\n\nSome **bold** text and a [link](#).', 'a.txt', 'markdown'],
  ['Plain words. More words.', 'a.md', 'markdown'],
  ['Plain words. More words.', 'a.txt', 'text'],
  ['<p>One</p><p>Two</p><p>Three</p><div>Four</div><a href="#">Five</a>', 'frag.txt', 'html'],
];
for (const [content, name, want] of formats) {
  test(`format: ${name} ${JSON.stringify(content.slice(0, 24))} → ${want}`, () => assert.equal(detectFormat(content, name), want));
}

test('json line: fields are taken as given, bad lines are skipped with the line named', () => {
  const ok = fromJsonLine('{"text":"Paris and Berlin agreed.","title":"T","date":"2021-03-23","url":"https://e.com/a","source":"E"}', 'f.jsonl#3', { maxBytes: 1e6 });
  assert.ok(!('skipped' in ok));
  assert.deepEqual(ok.given, { title: 'T', date: '2021-03-23', url: 'https://e.com/a', source: 'E' });
  const bad = fromJsonLine('{"text": "unterminated', 'f.jsonl#4', { maxBytes: 1e6 });
  assert.ok('skipped' in bad && bad.reason === 'malformed-json' && bad.origin === 'f.jsonl#4');
  const noText = fromJsonLine('{"title": "only"}', 'f.jsonl#5', { maxBytes: 1e6 });
  assert.ok('skipped' in noText && /no "text" or "html"/.test(noText.detail));
  const html = fromJsonLine('{"html": "<p>Hi</p>"}', 'f.jsonl#6', { maxBytes: 1e6 });
  assert.ok(!('skipped' in html) && html.format === 'html');
});
