import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { readConllu } from '../../src/syntax/conllu.js';
import { decodeLemmas, defaultLemmas, editOf, guess, lemmatize, LEMMA_FILE } from '../../src/syntax/lemma.js';
import { learnLemmas } from '../../src/syntax/lemma-train.js';
import { readDataJson } from '../../src/data/read.js';
import { sharedPath } from '../_shared.js';

test('lemma: the verbs, nouns and auxiliaries an event coder reads', () => {
  const t = defaultLemmas();
  const cases: [string, string, string][] = [
    ['accused', 'VERB', 'accuse'], ['waging', 'VERB', 'wage'], ['met', 'VERB', 'meet'], ['was', 'AUX', 'be'], ["'s", 'AUX', 'be'],
    ['Urged', 'VERB', 'urge'], ['negotiating', 'VERB', 'negotiate'], ['taken', 'VERB', 'take'], ['stopped', 'VERB', 'stop'],
    ['sanctions', 'NOUN', 'sanction'], ['ministries', 'NOUN', 'ministry'], ['children', 'NOUN', 'child'], ['Talks', 'NOUN', 'talk'],
    ['Lavrov', 'PROPN', 'Lavrov'], ['bigger', 'ADJ', 'big'], ["n't", 'PART', 'not'],
  ];
  for (const [form, upos, lemma] of cases) assert.equal(lemmatize(t, form, upos), lemma, `${form}/${upos}`);
});

test('lemma: an edit and its rule', () => {
  assert.deepEqual(editOf('waging', 'wage'), { strip: 3, add: 'e' });
  assert.deepEqual(editOf('met', 'meet'), { strip: 1, add: 'et' });
  const rules = new Map([['ing', { strip: 3, add: '' }], ['ting', { strip: 3, add: 'e' }], ['ating', { strip: 3, add: 'e' }]]);
  const known = new Set(['create', 'talk', 'vote', 'wait']);
  assert.equal(guess(rules, known, 'creating', 'VERB'), 'create');
  assert.equal(guess(rules, known, 'talking', 'VERB'), 'talk');
  assert.equal(guess(rules, known, 'waiting', 'VERB'), 'wait', 'a shorter suffix\'s rule when only it gives a known lemma');
  assert.equal(guess(rules, known, 'skating', 'VERB'), 'skate', 'the longest suffix\'s rule when none gives a known lemma');
  assert.equal(guess(rules, known, 'ing', 'VERB'), 'ing', 'a rule keeps a character of stem');
});

test('lemma: a malformed lemma file is an error naming the file and the field', () => {
  const good = readDataJson(LEMMA_FILE) as Record<string, unknown>;
  assert.throws(() => decodeLemmas({ ...good, licence: '' }, 'x.json'), (e: unknown) => e instanceof DataFileError && /x\.json.*licence/.test(e.message));
  assert.throws(() => decodeLemmas({ ...good, rules: { VERB: { ing: 'three' } } }, 'x.json'), (e: unknown) => e instanceof DataFileError && /rules\.VERB.*"ing"/.test(e.message));
  assert.throws(() => decodeLemmas({ ...good, known: ['meet', ''] }, 'x.json'), (e: unknown) => e instanceof DataFileError && /x\.json.*known/.test(e.message));
  assert.throws(() => decodeLemmas({ ...good, words: { VERB: { met: 5 } } }, 'x.json'), (e: unknown) => e instanceof DataFileError && /words\.VERB.*met/.test(e.message));
});

test('lemma: learnt from EWT train, right on ≥ 98% of dev VERB/NOUN/AUX/ADJ words (gold tags), and the committed file is what the script learns', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  const learnt = learnLemmas(readConllu(join(dir, 'en_ewt-ud-train.conllu')));
  const committed = readDataJson(LEMMA_FILE) as Record<string, unknown>;
  assert.deepEqual({ known: committed.known, words: committed.words, rules: committed.rules }, learnt, 'data/syntax/lemmas.json is stale: run node --import tsx scripts/build-lemmas.ts');
  const tables = defaultLemmas();
  let right = 0, all = 0;
  for (const s of readConllu(join(dir, 'en_ewt-ud-dev.conllu'))) {
    for (const w of s) {
      if (!['VERB', 'NOUN', 'AUX', 'ADJ'].includes(w.upos)) continue;
      all++;
      if (lemmatize(tables, w.form, w.upos).toLowerCase() === w.lemma.toLowerCase()) right++;
    }
  }
  t.diagnostic(`EWT dev lemma accuracy (gold tags) ${(right / all).toFixed(4)} over ${all} words`);
  assert.ok(right / all >= 0.98, `${right}/${all}`);
});
