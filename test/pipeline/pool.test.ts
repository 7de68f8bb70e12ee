import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/index.js';
import { createAnalyzer, threadLimits } from '../../src/pipeline/pool.js';
import { unpackArticle } from '../../src/store/codec.js';
import type { RawItem } from '../../src/ingest/items.js';
import { FRENCH_ARTICLE, makeArticle } from '../_fixtures.js';

const items: RawItem[] = [
  ...Array.from({ length: 100 }, (_, i) => ({ origin: `a${i}.txt`, text: makeArticle(i), format: 'text' as const, encoding: 'utf-8', given: {} })),
  { origin: 'fr.txt', text: FRENCH_ARTICLE, format: 'text', encoding: 'utf-8', given: {} },
  { origin: 'p.html', text: `<html><body><article><p>${makeArticle(500).replace(/\n\n/g, '</p><p>')}</p></article></body></html>`, format: 'html', encoding: 'utf-8', given: {} },
];

// Inline analysis of each item, done once for the file: every pool test compares with the same answers.
const inlineResults = new Map<number, ReturnType<typeof analyze>>();
function inline(i: number): ReturnType<typeof analyze> {
  if (!inlineResults.has(i)) inlineResults.set(i, analyze(items[i]));
  return inlineResults.get(i)!;
}

/** Every item through `pool`, each result checked against inline analysis; the results. */
async function sameAsInline(pool: ReturnType<typeof createAnalyzer>) {
  const results = await Promise.all(items.map((it) => pool.analyze(it)));
  results.forEach((r, i) => {
    const want = inline(i);
    if ('skipped' in want) assert.deepEqual(r, want);
    else {
      assert.ok('packed' in r, `item ${i} came back packed`);
      assert.deepEqual(unpackArticle(r), want);
    }
  });
  return results;
}

test('pipeline/pool: worker threads give exactly what inline analysis gives, in input order', async () => {
  const pool = createAnalyzer(2);
  try {
    const results = await sameAsInline(pool);
    // a page in another language is kept, not coded (issue 18)
    const other = results[100];
    assert.ok(!('skipped' in other) && other.meta.language?.value === 'other' && other.events.length === 0 && other.quotes.length === 0);
  } finally {
    await pool.close();
  }
});

test('pipeline/pool: 0 threads analyses inline', async () => {
  const pool = createAnalyzer(0);
  const r = await pool.analyze(items[0]);
  assert.deepEqual(r, inline(0));
  await pool.close();
});

test('pipeline/pool: an analysis thread that finds actors, quotes or events gets a larger nursery than one running the text stages alone', () => {
  const text = threadLimits(['clean', 'sentences', 'tokens', 'language', 'identity']);
  const all = threadLimits();
  assert.ok(all.maxYoungGenerationSizeMb! > text.maxYoungGenerationSizeMb!);
  assert.equal(threadLimits(['clean', 'sentences', 'tokens', 'actors']).maxYoungGenerationSizeMb, all.maxYoungGenerationSizeMb);
  assert.equal(text.maxOldGenerationSizeMb, all.maxOldGenerationSizeMb);
});

test('pipeline/pool: an article still analysing after the time limit is skipped as too large, its thread replaced, and the next article is analysed', async () => {
  // the limit leaves a fresh thread's first ordinary article (about 15 ms warm) room on a loaded
  // machine: at 200 ms, with the whole suite running on two cores, the next article overran too
  const pool = createAnalyzer(1, undefined, { timeoutMs: 500 });
  try {
    // ~4 MiB of wire copy: over 2 s of analysis here, far more than 500 ms on any machine
    const long = { ...items[0], origin: 'long.txt', text: Array.from({ length: 2400 }, (_, i) => makeArticle(i)).join('\n\n') };
    const slow = await pool.analyze(long);
    const next = await pool.analyze(items[1]);
    assert.ok('skipped' in slow, 'the long article is skipped');
    assert.equal(slow.reason, 'too-large');
    assert.match(slow.detail, /took more than 500 ms to analyse/);
    assert.equal(pool.replaced, 1, 'alone in its batch, the article is not tried a second time');
    assert.deepEqual('packed' in next ? unpackArticle(next) : next, inline(1), 'the article behind it is analysed as ever');
  } finally {
    await pool.close();
  }
});

test('pipeline/pool: a chain of two threads (the parser and the event coder in the second) gives exactly what inline analysis gives, in input order', async () => {
  const pool = createAnalyzer(1, undefined, { chain: true });
  try {
    const results = await sameAsInline(pool);
    // the invented wire copy names countries that act on each other: the second thread parsed and coded
    assert.ok(results.some((r) => 'packed' in r && unpackArticle(r).events.length > 0 && unpackArticle(r).spans.syntax?.length));
  } finally {
    await pool.close();
  }
});

test('pipeline/pool: in a chain, an article overrunning the time limit in the first thread is skipped as too large and the next one still goes through both threads', async () => {
  const pool = createAnalyzer(1, undefined, { chain: true, timeoutMs: 500 });
  try {
    const long = { ...items[0], origin: 'long.txt', text: Array.from({ length: 2400 }, (_, i) => makeArticle(i)).join('\n\n') };
    const slow = await pool.analyze(long);
    const next = await pool.analyze(items[1]);
    assert.ok('skipped' in slow && slow.reason === 'too-large');
    assert.equal(pool.replaced, 1);
    assert.deepEqual('packed' in next ? unpackArticle(next) : next, inline(1));
  } finally {
    await pool.close();
  }
});

test('pipeline/pool: each thread of a chain gets a smaller nursery than a thread running every stage', () => {
  assert.ok(threadLimits(['syntax', 'events'], true).maxYoungGenerationSizeMb! < threadLimits().maxYoungGenerationSizeMb!);
  assert.equal(threadLimits(['syntax', 'events'], true).maxOldGenerationSizeMb, threadLimits().maxOldGenerationSizeMb);
});
