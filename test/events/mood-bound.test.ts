import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMood } from '../../src/events/mood.js';
import { loadGrammar, type EventGrammar } from '../../src/events/grammar.js';
import type { SentenceView } from '../../src/events/sentence.js';

/** A view of words we make up: no mentions, no clause breaks. */
function view(words: string[]): SentenceView {
  return { index: 0, span: { start: 0, end: 0 }, toks: [], words, mention: new Int32Array(words.length).fill(-1), breaks: new Uint8Array(words.length) };
}

/** The grammar with its conditional openers counting how often they are looked up. */
function counting(): { g: EventGrammar; lookups: () => number } {
  const g = loadGrammar();
  let n = 0;
  const words = new Set(g.conditionalOpeners.words);
  const has = words.has.bind(words);
  words.has = (w: string) => (n++, has(w));
  return { g: { ...g, conditionalOpeners: { ...g.conditionalOpeners, words } }, lookups: () => n };
}

test('events/mood: a condition at the start of a long sentence makes every later act hypothetical, whatever the distance', () => {
  const words = ['if', 'they', 'agree', ',', ...Array.from({ length: 5_000 }, (_, i) => (i % 2 ? 'talks' : 'more')), 'they', 'will', 'sign'];
  const m = readMood(view(words), words.length - 1, -1, loadGrammar());
  assert.equal(m.modality, 'hypothetical');
  assert.equal(m.cue, 'if');
  // no opener before the act: asserted
  assert.equal(readMood(view(['they', 'sign', 'if', 'asked']), 1, -1, loadGrammar()).modality, 'asserted');
});

test('events/mood: the conditional openers of a sentence are looked for once, not once an act (one giant sentence stayed quadratic)', () => {
  const { g, lookups } = counting();
  const n = 4_000;
  const words = Array.from({ length: n }, (_, i) => (i % 3 ? 'talks' : 'met'));
  const v = view(words);
  for (let from = 10; from < n; from += 10) readMood(v, from, -1, g);
  // one pass over the sentence (and the few words before each act), not 400 passes
  assert.ok(lookups() <= 2 * n, `${lookups()} lookups for ${n / 10} acts in a sentence of ${n} words`);
});
