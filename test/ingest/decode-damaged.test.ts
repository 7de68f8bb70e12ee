import { test } from 'node:test';
import assert from 'node:assert/strict';
import { damagedUtf8, decodeBytes } from '../../src/ingest/decode.js';

const STORY = '“We will not sign,” the minister said in Zürich. Négociations à Genève — résumé.';

test('decode: UTF-8 cut in the middle of its last character stays UTF-8, the cut character replaced', () => {
  const bytes = Buffer.from(STORY + ' 中', 'utf8');
  const d = decodeBytes(bytes.subarray(0, bytes.length - 1), 'cut.txt');
  assert.ok(!('skipped' in d));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, STORY + ' \ufffd');
});

test('decode: UTF-8 with one stray byte among its accents stays UTF-8', () => {
  const bytes = Buffer.concat([Buffer.from(STORY.slice(0, 20), 'utf8'), Buffer.from([0xff]), Buffer.from(STORY.slice(20), 'utf8')]);
  const d = decodeBytes(bytes, 'stray.txt');
  assert.ok(!('skipped' in d));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, STORY.slice(0, 20) + '\ufffd' + STORY.slice(20));
});

test('decode: Windows-1252 stays Windows-1252, even when it ends in an accented letter that looks like a cut sequence', () => {
  const cp1252 = Buffer.from([...Buffer.from('Le caf'), 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0xe0, 0x20, 0x4f, 0x72, 0x6c, 0xe9, 0x61, 0x6e, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9]);
  assert.equal(damagedUtf8(cp1252), false);
  const d = decodeBytes(cp1252, 'old.txt');
  assert.ok(!('skipped' in d));
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.text, 'Le café “ok” à Orléans café');
});

test('decode: invalid bytes that outnumber the valid sequences are not UTF-8', () => {
  // one valid "é", then four lone accented bytes
  assert.equal(damagedUtf8(Buffer.from([0xc3, 0xa9, 0x20, 0xe9, 0x20, 0xe8, 0x20, 0xe0, 0x20, 0xf4, 0x20])), false);
});
