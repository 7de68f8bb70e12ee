import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '../../src/model/errors.js';
import { dataPath } from '../../src/data/read.js';
import { readConllu } from '../../src/syntax/conllu.js';
import { decodeTagger, defaultTagger, encodeTagger, loadTaggerFile, TAGGER_FILE, Tagger } from '../../src/syntax/tagger/model.js';
import { NTAGS } from '../../src/syntax/tagger/features.js';
import { accuracy } from '../../src/syntax/tagger/train.js';
import { sharedPath } from '../_shared.js';

test('tagger: the committed model on EWT dev and test (UPOS, gold tokenisation)', (t) => {
  const dir = sharedPath(t, 'treebank');
  if (!dir) return;
  const { header } = loadTaggerFile(dataPath(TAGGER_FILE), TAGGER_FILE);
  const tagger = defaultTagger();
  const dev = accuracy(tagger, readConllu(join(dir, 'en_ewt-ud-dev.conllu')));
  const testAcc = accuracy(tagger, readConllu(join(dir, 'en_ewt-ud-test.conllu')));
  t.diagnostic(`UPOS dev ${dev.toFixed(4)} (header ${header.accuracy.dev}), test ${testAcc.toFixed(4)} (header ${header.accuracy.test})`);
  assert.ok(dev >= header.accuracy.dev - 0.002, `dev ${dev} below the header's ${header.accuracy.dev} - 0.002`);
  assert.ok(testAcc >= 0.95, `test ${testAcc} below 0.95`);
  assert.ok(testAcc >= header.accuracy.test - 0.002, `test ${testAcc} below the header's ${header.accuracy.test} - 0.002`);
});

test('tagger: sentences of our own whose tags are not in doubt', () => {
  const rows: [string, string][] = [
    ['The ministers met in Paris on Tuesday .', 'DET NOUN VERB ADP PROPN ADP PROPN PUNCT'],
    ['She did not sign the treaty , but they will .', 'PRON AUX PART VERB DET NOUN PUNCT CCONJ PRON AUX PUNCT'],
    ['Exports of arms rose 5 % in 2023 .', 'NOUN ADP NOUN VERB NUM SYM ADP NUM PUNCT'],
  ];
  const tagger = defaultTagger();
  for (const [text, tags] of rows) assert.equal(tagger.tag(text.split(' ')).join(' '), tags, text);
  assert.deepEqual(tagger.tag([]), []);
});

test('tagger: the model file format keeps the weights (to the int16 step) and drops pruned ones', () => {
  const bits = 8, weights = new Float32Array((1 << bits) * NTAGS);
  weights[5] = 2.5; weights[17 * 40 + 3] = -1.25; weights[17 * 255 + 16] = 0.01; weights[300] = 1000;
  const tables = { bits, weights, dict: new Map([['the', 5]]), classes: new Map([['run', (1 << 7) | (1 << 15)]]) };
  const header = { $comment: 'test', source: 'own', licence: 'MIT', training: {}, accuracy: { dev: 0.5, test: 0.5 } };
  const loaded = decodeTagger(JSON.parse(JSON.stringify(encodeTagger(tables, header, 0.05))), 'x.json').tagger.tables;
  // loaded, the rows without a weight share one row of zeros: index the dense table through `rowAt`
  assert.ok(loaded.rowAt && loaded.weights.length === 4 * NTAGS, 'three rows with weights and the zero row');
  const back = { ...loaded, weights: Array.from({ length: weights.length }, (_, i) => loaded.weights[loaded.rowAt![Math.floor(i / NTAGS)] + (i % NTAGS)]) };
  // loaded as the stored int16 steps of 1000 / 32767, the largest weight's
  const step = back.weights[300] / 1000;
  assert.equal(back.weights[300], 32767);
  assert.ok(Math.abs(back.weights[5] / step - 2.5) <= 1 / step && Math.abs(back.weights[17 * 40 + 3] / step + 1.25) <= 1 / step);
  assert.equal(back.weights[17 * 255 + 16], 0);
  assert.deepEqual([...back.dict], [['the', 5]]);
  assert.deepEqual([...back.classes], [['run', (1 << 7) | (1 << 15)]]);
  assert.ok(new Tagger(loaded).tag(['the']).length === 1);
});

test('tagger: a corrupt model file is refused with an error naming it', () => {
  const good = JSON.parse(readFileSync(dataPath(TAGGER_FILE), 'utf8')) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'entente-tagger-'));
  try {
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"$comment": "x", ', /cannot read as JSON/],
      ['bad-tag.json', JSON.stringify({ ...good, dict: { the: 'ARTICLE' } }), /unknown tag "ARTICLE"/],
      ['short-values.json', JSON.stringify({ ...good, values: (good.values as string).slice(0, 400) }), /"values" holds/],
      ['short-rows.json', JSON.stringify({ ...good, rows: (good.rows as string).slice(0, 400) }), /"rows" ends/],
      ['no-licence.json', JSON.stringify({ ...good, licence: undefined }), /missing field "licence"/],
      ['tags.json', JSON.stringify({ ...good, tags: ['NOUN', 'VERB'] }), /"tags" must be/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      assert.throws(() => loadTaggerFile(file), (err: unknown) => {
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
