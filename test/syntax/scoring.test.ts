/**
 * The tagger's and the parser's run-time scoring is written for speed (sums in registers, the first
 * best kept, dictionary words hashed only as far as their neighbours need). These tests score the
 * same features the plain way, every class summed feature by feature into an array of scores and
 * the first best allowed one taken, and require the very same tags, heads and labels on every
 * sentence of EWT dev.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readConllu } from '../../src/syntax/conllu.js';
import { defaultTagger, type Tagger } from '../../src/syntax/tagger/model.js';
import { extract as tagFeatures, NFEATURES as NTAG_FEATURES, NTAGS, SentenceHashes } from '../../src/syntax/tagger/features.js';
import { defaultParser, type Parser } from '../../src/syntax/parser/model.js';
import { extract, LEFT, NFEATURES, SHIFT, TSTRIDE } from '../../src/syntax/parser/features.js';
import { extractLabel, NLABEL_FEATURES } from '../../src/syntax/parser/labels.js';
import { sharedPath } from '../_shared.js';

/** The tags of `words` scored the plain way: every word hashed in full, 17 scores summed feature by feature. */
function plainTags(tagger: Tagger, words: readonly string[]): number[] {
  const { weights, rowAt, dict, classes, bits } = tagger.tables;
  // where row r starts: loaded, the rows without a weight share one row of zeros (`rowAt`)
  const row = (r: number): number => (rowAt ? rowAt[r] : r * NTAGS);
  const h = new SentenceHashes(), feats = new Uint32Array(NTAG_FEATURES), scores = new Float64Array(NTAGS);
  h.fill(words, classes);
  const out: number[] = [];
  let p1 = -1, p2 = -1;
  for (let i = 0; i < words.length; i++) {
    let t = dict.get(words[i]);
    if (t === undefined) {
      tagFeatures(h, i, p1, p2, feats);
      scores.fill(0);
      for (const f of feats) for (let k = 0; k < NTAGS; k++) scores[k] += weights[row(f >>> (32 - bits)) + k];
      t = 0;
      for (let k = 1; k < NTAGS; k++) if (scores[k] > scores[t]) t = k;
    }
    out.push(t);
    p2 = p1; p1 = t;
  }
  return out;
}

/** The parse of `words` scored the plain way, on the parser's own configuration and tables. */
function plainParse(parser: Parser, words: readonly string[], tags: ArrayLike<number>): { head: number[]; label: number[] } {
  const { transitions, labelWeights, labels, candidates, bits, labelBits } = parser.tables;
  const c = parser.config, feats = new Uint32Array(NFEATURES), lfeats = new Uint32Array(NLABEL_FEATURES);
  const allowed = [(): boolean => c.canShift(), (): boolean => c.canLeft(), (): boolean => c.canRight()];
  c.reset(words, tags, parser.classes);
  while (!c.done()) {
    extract(c, feats);
    const sc = [0, 0, 0];
    for (const f of feats) for (let t = 0; t < 3; t++) sc[t] += transitions[(f >>> (32 - bits)) * TSTRIDE + t];
    let best = -1;
    for (let t = 0; t < 3; t++) if ((best < 0 || sc[t] > sc[best]) && allowed[t]()) best = t;
    if (best === SHIFT) { c.shift(); continue; }
    const d = c.dependent(), h = best === LEFT ? c.b : c.stack[c.sp - 2];
    let label = parser.root;
    if (h !== 0) {
      const own = candidates[c.tag[d] * 2 + (d > h ? 1 : 0)];
      const cand = own.length ? Array.from(own) : [...labels.keys()].filter((l) => l !== parser.root);
      extractLabel(c, h, d, lfeats);
      const ls = cand.map(() => 0);
      for (const f of lfeats) cand.forEach((l, j) => (ls[j] += labelWeights[(f >>> (32 - labelBits)) * labels.length + l]));
      let j = 0;
      for (let k = 1; k < cand.length; k++) if (ls[k] > ls[j]) j = k;
      label = cand[j];
    }
    c.arc(h, d, label);
    c.pop();
  }
  return { head: Array.from(c.head.subarray(1, words.length + 1)), label: Array.from(c.label.subarray(1, words.length + 1)) };
}

test('scoring: the tagger and the parser give on every EWT dev sentence what plain scoring gives', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  const tagger = defaultTagger(), parser = defaultParser();
  const sents = readConllu(join(dir, 'en_ewt-ud-dev.conllu')).map((s) => s.map((w) => w.form));
  let tagDiffs = 0, parseDiffs = 0;
  for (const words of sents) {
    const tags = tagger.tagIds(words);
    if (Array.from(tags).join() !== plainTags(tagger, words).join()) tagDiffs++;
    const fast = parser.parse(words, tags), plain = plainParse(parser, words, tags);
    if (fast.head.join() !== plain.head.join() || fast.deprel.join() !== plain.label.map((l) => parser.tables.labels[l]).join()) parseDiffs++;
  }
  t.diagnostic(`${sents.length} sentences: ${tagDiffs} tagged differently, ${parseDiffs} parsed differently`);
  assert.equal(tagDiffs, 0);
  assert.equal(parseDiffs, 0);
});

test('scoring: a sentence of our own, with dictionary words, unknown words and a number', () => {
  const words = 'The Zorblatt ministers of Quenland signed the 1987 treaty in Geneva on Monday , officials said .'.split(' ');
  const tagger = defaultTagger(), parser = defaultParser();
  const tags = tagger.tagIds(words);
  assert.deepEqual(Array.from(tags), plainTags(tagger, words));
  const fast = parser.parse(words, tags), plain = plainParse(parser, words, tags);
  assert.deepEqual(fast.head, plain.head);
  assert.deepEqual(fast.deprel, plain.label.map((l) => parser.tables.labels[l]));
});
