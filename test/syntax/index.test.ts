import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseSentence, parseText } from '../../src/syntax/index.js';
import { tokenize } from '../../src/nlp/index.js';
import { goldTokenisation, ownTokenisation, readGold } from '../../eval/syntax.js';
import { sharedPath } from '../_shared.js';

test('syntax: parseSentence gives UD words as spans of the text, with lemmas and one tree', () => {
  const text = 'Intro. Russia’s envoy can’t accept a long-term deal.';
  const sentence = { start: 7, end: text.length };
  const p = parseSentence(text, sentence, tokenize(text, [sentence]), 1);
  assert.equal(p.sentence, 1);
  assert.deepEqual(p.words.map((w) => text.slice(w.start, w.end)), ['Russia', '’s', 'envoy', 'ca', 'n’t', 'accept', 'a', 'long', '-', 'term', 'deal', '.']);
  assert.equal(p.words.filter((w) => w.head === -1).length, 1);
  for (const w of p.words) assert.ok(w.head >= -1 && w.head < p.words.length && w.start >= sentence.start && w.end <= sentence.end);
  const at = (form: string) => p.words.find((w) => text.slice(w.start, w.end) === form)!;
  assert.equal(at('accept').deprel, 'root');
  assert.equal(at('envoy').deprel, 'nsubj');
  assert.equal(at('deal').deprel, 'obj');
  assert.equal(at('ca').lemma, 'can');
  assert.equal(at('n’t').lemma, 'not');
});

test('syntax: parseText splits sentences and parses each; nothing for no text', () => {
  const parsed = parseText('Lavrov met Wang Yi in Guilin. They talked.');
  assert.equal(parsed.length, 2);
  assert.deepEqual(parsed.map((s) => s.sentence), [0, 1]);
  assert.equal(parsed[0].words.find((w) => w.lemma === 'meet')?.deprel, 'root');
  assert.deepEqual(parseText(''), []);
});

test('syntax: on EWT test, entente\'s own tokenisation of the text parses within 0.02 UAS of the treebank\'s words', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  const test = readGold(join(dir, 'en_ewt-ud-test.conllu'));
  const gold = goldTokenisation(test), own = ownTokenisation(test);
  t.diagnostic(`gold tokenisation UAS ${gold.uas.toFixed(4)} LAS ${gold.las.toFixed(4)}; own UAS ${own.uas.toFixed(4)} LAS ${own.las.toFixed(4)}, ${own.aligned}/${own.words} words aligned`);
  assert.equal(own.words, gold.words);
  assert.ok(own.aligned / own.words >= 0.985);
  assert.ok(own.uas <= gold.uas + 0.002 && own.uas >= gold.uas - 0.02, `own ${own.uas} vs gold ${gold.uas}`);
});

test('syntax: gold offsets of multiword tokens split the token', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  for (const s of readGold(join(dir, 'en_ewt-ud-dev.conllu'))) {
    assert.equal(s.spans.length, s.words.length, s.id);
    s.words.forEach((w, j) => {
      const sp = s.spans[j];
      if (sp.end - sp.start === w.form.length) assert.equal(s.text.slice(sp.start, sp.end), w.form, `${s.id} word ${j + 1}`);
    });
  }
});
