import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextBuilder, toInputOffset, toInputSpan } from '../../src/model/source-map.js';

test('source-map: exact copies map character by character, inserts map to the previous end', () => {
  const input = 'xxHello, yyyyworld!';
  const b = new TextBuilder();
  b.append('Hello,', 2);
  b.insert(' ');
  b.append('world!', 13);
  assert.equal(b.text, 'Hello, world!');
  const map = b.sourceMap();
  for (let o = 0; o < b.text.length; o++) {
    if (o === 6) continue; // the inserted space
    assert.equal(input[toInputOffset(map, o)], b.text[o], `offset ${o}`);
  }
  assert.equal(toInputOffset(map, 6), 8);
  assert.deepEqual(toInputSpan(map, { start: 7, end: 13 }), { start: 13, end: 19 });
});

test('source-map: a run that changed length (entity decoded) maps to its input bounds', () => {
  const input = '<p>Kyiv &amp; Minsk</p>';
  const b = new TextBuilder();
  b.append('Kyiv & Minsk', 3, 19);
  const map = b.sourceMap();
  assert.deepEqual(toInputSpan(map, { start: 0, end: 12 }), { start: 3, end: 19 });
  assert.equal(input.slice(3, 19), 'Kyiv &amp; Minsk');
});

test('source-map: contiguous exact appends merge into one segment', () => {
  const b = new TextBuilder();
  b.append('ab', 0);
  b.append('cd', 2);
  b.append('ef', 10);
  assert.equal(b.sourceMap().segments.length, 2);
  assert.equal(toInputOffset(b.sourceMap(), 5), 11);
});
