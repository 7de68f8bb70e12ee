import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readItems } from '../../src/ingest/items.js';
import { makeArticle } from '../_fixtures.js';

test('ingest/items: JSON lines on standard input are read as they come, not gathered first', async () => {
  const total = 2_000;
  let pulled = 0;
  async function* feed() {
    for (let i = 0; i < total; i++) {
      pulled++;
      yield Buffer.from(JSON.stringify({ text: makeArticle(i), title: `T${i}` }) + '\n');
    }
  }
  let pulledAtFirst = -1;
  const origins: string[] = [];
  for await (const it of readItems(['-'], { maxBytes: 1 << 20, stdin: feed() })) {
    if (pulledAtFirst < 0) pulledAtFirst = pulled;
    assert.ok(!('skipped' in it), JSON.stringify(it));
    origins.push(it.origin);
  }
  assert.equal(origins.length, total);
  assert.deepEqual(origins.slice(0, 2), ['-#1', '-#2']);
  assert.ok(pulledAtFirst < total / 4, `the first item came after ${pulledAtFirst} of ${total} lines were read`);
});

test('ingest/items: other input on standard input is one article, and too large is said so without keeping it', async () => {
  const one = [];
  for await (const it of readItems(['-'], { maxBytes: 1 << 20, stdin: (async function* () { yield Buffer.from(makeArticle(1)); })() })) one.push(it);
  assert.equal(one.length, 1);
  assert.ok(!('skipped' in one[0]) && one[0].origin === '-' && one[0].format === 'text');
  async function* big() {
    for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 'a');
  }
  const large = [];
  for await (const it of readItems(['-'], { maxBytes: 1 << 20, stdin: big() })) large.push(it);
  assert.equal(large.length, 1);
  assert.ok('skipped' in large[0] && large[0].reason === 'too-large', JSON.stringify(large[0]));
});

test('ingest/items: JSON lines on an idle standard input come out as they arrive, and an abort ends the wait with none dropped (issue 14 #10)', async () => {
  const stop = new AbortController();
  async function* idle() {
    yield Buffer.from(JSON.stringify({ text: makeArticle(1) }) + '\n' + JSON.stringify({ text: makeArticle(2) }) + '\n');
    await new Promise(() => {}); // a terminal or `tail -f` with nothing more to say
  }
  const origins: string[] = [];
  for await (const it of readItems(['-'], { maxBytes: 1 << 20, stdin: idle(), signal: stop.signal })) {
    assert.ok(!('skipped' in it), JSON.stringify(it));
    origins.push(it.origin);
    if (origins.length === 2) stop.abort();
  }
  assert.deepEqual(origins, ['-#1', '-#2']);
});
