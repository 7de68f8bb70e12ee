import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { dataPath } from '../../src/data/read.js';
import { readConllu } from '../../src/syntax/conllu.js';
import { defaultTagger, UPOS } from '../../src/syntax/tagger/model.js';
import { defaultParser, loadParserFile, PARSER_FILE } from '../../src/syntax/parser/model.js';
import { attachment, isProjective, liftedHeads, tagAll } from '../../src/syntax/parser/train.js';
import { sharedPath } from '../_shared.js';

test('parser: the committed model on EWT dev and test (UAS/LAS, predicted tags, punctuation included)', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  const { header } = loadParserFile(dataPath(PARSER_FILE), PARSER_FILE);
  const tagger = defaultTagger(), parser = defaultParser();
  const dev = attachment(parser, tagAll(tagger, readConllu(join(dir, 'en_ewt-ud-dev.conllu'))));
  const tst = attachment(parser, tagAll(tagger, readConllu(join(dir, 'en_ewt-ud-test.conllu'))));
  const s = header.scores;
  t.diagnostic(`dev UAS ${dev.uas.toFixed(4)} LAS ${dev.las.toFixed(4)} (header ${s.devUas} ${s.devLas}); test UAS ${tst.uas.toFixed(4)} LAS ${tst.las.toFixed(4)} (header ${s.testUas} ${s.testLas})`);
  for (const [got, want, name] of [[dev.uas, s.devUas, 'dev UAS'], [dev.las, s.devLas, 'dev LAS'], [tst.uas, s.testUas, 'test UAS'], [tst.las, s.testLas, 'test LAS']] as const) {
    assert.ok(got >= want - 0.003, `${name} ${got} below the header's ${want} - 0.003`);
  }
});

test('parser: a short sentence of our own whose tree is not in doubt', () => {
  const words = 'The ministers signed the treaty .'.split(' ');
  const p = defaultParser().parse(words, defaultTagger().tagIds(words));
  assert.deepEqual(p.head, [2, 3, 0, 5, 3, 3]);
  assert.deepEqual(p.deprel, ['det', 'nsubj', 'root', 'det', 'obj', 'punct']);
  assert.deepEqual(defaultParser().parse([], []), { head: [], deprel: [] });
});

test('parser: every parse is a tree with one root', () => {
  const words = 'Talks between the two sides , which resumed on Monday in Geneva after a pause of three years , ended without a deal'.split(' ');
  const p = defaultParser().parse(words, defaultTagger().tagIds(words));
  assert.equal(p.head.filter((h) => h === 0).length, 1);
  for (let i = 0; i < words.length; i++) {
    let a = i + 1, steps = 0;
    while (a !== 0 && steps++ <= words.length) a = p.head[a - 1];
    assert.equal(a, 0, `word ${i + 1} does not reach the root`);
  }
});

test('parser: each label is one training saw for the dependent\'s tag on that side of its head', () => {
  const parser = defaultParser(), { labels, candidates } = parser.tables;
  const words = 'Lavrov accused the EU of waging a “ hybrid war ” against Moscow , and said talks would resume on Monday .'.split(' ');
  const tags = defaultTagger().tagIds(words);
  const p = parser.parse(words, tags);
  assert.equal(p.deprel.filter((l) => l === 'root').length, 1);
  for (let i = 0; i < words.length; i++) {
    if (p.head[i] === 0) { assert.equal(p.deprel[i], 'root'); continue; }
    const cand = candidates[tags[i] * 2 + (i + 1 > p.head[i] ? 1 : 0)];
    assert.ok(cand.length > 0 && Array.from(cand, (l) => labels[l]).includes(p.deprel[i]), `${words[i]}: ${p.deprel[i]}`);
  }
  // the candidates narrow the labels: a determiner before its head is never, say, a clausal complement
  const det = candidates[UPOS.indexOf('DET') * 2];
  assert.ok(det.length < labels.length / 2 && !Array.from(det, (l) => labels[l]).includes('ccomp'));
});

test('parser: projectivity of gold trees', () => {
  const tok = (id: number, head: number) => ({ id, form: 'w', lemma: 'w', upos: 'X', xpos: '_', head, deprel: 'dep' });
  assert.equal(isProjective([tok(1, 2), tok(2, 0), tok(3, 2)]), true);
  assert.equal(isProjective([tok(1, 3), tok(2, 0), tok(3, 2), tok(4, 1)]), false);
});

test('parser: a non-projective gold tree is lifted to a projective one, never onto the root', () => {
  const tok = (id: number, head: number) => ({ id, form: 'w', lemma: 'w', upos: 'X', xpos: '_', head, deprel: 'dep' });
  // "A hearing is scheduled on Monday": the arc 2 → 5 passes over 3 and 4, which do not descend from 2
  const tree = [tok(1, 2), tok(2, 4), tok(3, 4), tok(4, 0), tok(5, 2), tok(6, 4)];
  assert.equal(isProjective(tree), false);
  const lifted = liftedHeads(tree)!;
  assert.deepEqual([...lifted].slice(1), [2, 4, 4, 0, 4, 4]);
  assert.equal(isProjective(tree.map((w) => ({ ...w, head: lifted[w.id] }))), true);
  // with two words on the root (not UD, but a file may hold it) lifting 1 → 3 over 2 reaches the root
  assert.equal(liftedHeads([tok(1, 0), tok(2, 0), tok(3, 1)]), undefined);
});

test('parser: a corrupt model file is refused with an error naming it', () => {
  const good = JSON.parse(readFileSync(dataPath(PARSER_FILE), 'utf8')) as Record<string, unknown>;
  const tr = good.transitions as { rows: string; values: string }, lb = good.labelling as { rows: string; values: string };
  const dir = mkdtempSync(join(tmpdir(), 'entente-parser-'));
  try {
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"$comment": "x", ', /cannot read as JSON/],
      ['no-root.json', JSON.stringify({ ...good, labels: (good.labels as string[]).filter((l) => l !== 'root') }), /"labels" must include "root"/],
      ['short-values.json', JSON.stringify({ ...good, transitions: { ...tr, values: tr.values.slice(0, 400) } }), /\(transitions\)\] "values" holds/],
      ['short-rows.json', JSON.stringify({ ...good, labelling: { ...lb, rows: lb.rows.slice(0, 400) } }), /\(labelling\)\] "rows" ends/],
      ['bad-candidates.json', JSON.stringify({ ...good, candidates: { ...(good.candidates as object), 'NOUN^': ['nsubj'] } }), /"candidates" has the key "NOUN\^"/],
      ['root-candidate.json', JSON.stringify({ ...good, candidates: { 'VERB<': ['root'] } }), /"candidates" of VERB< must be labels/],
      ['no-labelling.json', JSON.stringify({ ...good, labelling: undefined }), /missing field "labelling"/],
      ['fewer-labels.json', JSON.stringify({ ...good, labels: (good.labels as string[]).slice(1) }), /\(labelling\)\] "rows" points past/],
      ['no-licence.json', JSON.stringify({ ...good, licence: undefined }), /missing field "licence"/],
      ['bad-score.json', JSON.stringify({ ...good, scores: { ...(good.scores as object), testLas: 1.5 } }), /"testLas" must be a number/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      assert.throws(() => loadParserFile(file), (err: unknown) => {
        assert.ok(err instanceof DataFileError, name);
        assert.ok(err.message.includes(file), `${name}: ${err.message}`);
        assert.match(err.message, message);
        return true;
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
