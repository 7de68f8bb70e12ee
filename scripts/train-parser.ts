/**
 * Trains the dependency parser (src/syntax/parser) on UD English EWT and writes `data/syntax/parser.json`:
 * train on `train` (projective sentences only unless PARSER_LIFT=1, tags jackknifed over PARSER_FOLDS=5 folds), the number of epochs chosen on `dev`
 * LAS with the committed tagger's predicted tags, `test` scored once for the header. The shuffles
 * are seeded, so a run with the same seed and treebank writes the same file. The written file is
 * read back through the run-time loader, and the scores in its header are those of the file as
 * loaded (quantised and pruned weights). Run after scripts/train-syntax.ts (npm run train:syntax runs both).
 *
 * @example node --import tsx scripts/train-parser.ts [TREEBANK_DIR] [--seed N]
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConllu } from '../src/syntax/conllu.js';
import { loadTaggerFile, Tagger } from '../src/syntax/tagger/model.js';
import { TAGGER_SETTINGS, trainTagger } from '../src/syntax/tagger/train.js';
import { encodeParser, loadParserFile, type ParserHeader } from '../src/syntax/parser/model.js';
import { attachment, tagAll, trainParser, type TrainOptions } from '../src/syntax/parser/train.js';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
const TREEBANK = resolve(args[0] ?? '../shared/treebank');
const OUT = resolve(process.env.PARSER_OUT ?? 'data/syntax/parser.json');
const PRUNE = Number(process.env.PARSER_PRUNE ?? 0.5);

const options: TrainOptions = { seed, bits: Number(process.env.PARSER_BITS ?? 21), labelBits: Number(process.env.PARSER_LABEL_BITS ?? 17), lift: process.env.PARSER_LIFT === '1', maxEpochs: Number(process.env.PARSER_EPOCHS ?? 15), patience: 3, explore: Number(process.env.PARSER_EXPLORE ?? 0.9) };

const t0 = performance.now();
const tagger = loadTaggerFile(resolve('data/syntax/tagger.json'), 'data/syntax/tagger.json').tagger;
const [train, devGold, testGold] = ['train', 'dev', 'test'].map((s) => readConllu(join(TREEBANK, `en_ewt-ud-${s}.conllu`)));
const [dev, test] = [devGold, testGold].map((s) => tagAll(tagger, s));
// Jackknifed training tags: each of FOLDS parts of train tagged by a tagger trained on the others.
const FOLDS = Number(process.env.PARSER_FOLDS ?? 5);
let trainTags: Uint8Array[] | undefined;
if (FOLDS > 1) {
  trainTags = new Array<Uint8Array>(train.length);
  for (let f = 0; f < FOLDS; f++) {
    const rest = train.filter((_, i) => i % FOLDS !== f);
    const fold = trainTagger(rest, devGold, { seed, ...TAGGER_SETTINGS, maxEpochs: 7, patience: 7 }).tables;
    const t = new Tagger(fold);
    for (let i = f; i < train.length; i += FOLDS) trainTags[i] = t.tagIds(train[i].map((w) => w.form));
    console.log(`jackknife fold ${f + 1}/${FOLDS} tagged`);
  }
}
const result = trainParser(train, dev, tagger.tables.classes, options, (line) => console.log(line), trainTags);
const seconds = (performance.now() - t0) / 1000;

const round = (x: number): number => Number(x.toFixed(4));
const header = (scores: ParserHeader['scores']): ParserHeader => ({
  $comment: 'Labelled dependency parser of src/syntax/parser (greedy arc-hybrid transitions, then the label of each arc, each by an averaged perceptron over hashed features; dynamic oracle), written by scripts/train-parser.ts (npm run train:syntax). Trained on the Universal Dependencies English Web Treebank; model weights derived from it are shared under its licence. labels: the relations, in the order of the columns of the label table; transitions: the 2^bits × 4 table (SHIFT, LEFT, RIGHT, padding), labelling: the 2^labelBits × labels table, each as the non-zero weights, row-major, as LEB128 gaps (rows) and int16 × scale (values), base64; candidates: the labels scored for a dependent of each UPOS tag before (<) or after (>) its head, those training saw. The features read the ambiguity classes of data/syntax/tagger.json, so the two models are trained together. scores: UAS and LAS of this file on EWT dev and test, gold tokenisation, tags predicted by data/syntax/tagger.json, punctuation included.',
  source: 'UD_English-EWT (github.com/UniversalDependencies/UD_English-EWT) @ 15d613d8: train (jackknifed UPOS unless folds is 1; non-projective sentences lifted or skipped, see training.lift), dev for the epochs, test reported',
  licence: 'CC BY-SA 4.0',
  training: {
    ...options, prune: PRUNE, epochs: result.epochs, devLasByEpoch: result.devByEpoch.map(round),
    trainSentences: result.sentences, nonProjectiveSkipped: result.nonProjective, tags: FOLDS > 1 ? `training: jackknifed, ${FOLDS} folds each tagged by a tagger trained on the others (7 epochs); dev/test: data/syntax/tagger.json` : 'gold at training, data/syntax/tagger.json at dev/test', folds: FOLDS,
  },
  scores,
});

mkdirSync(dirname(OUT), { recursive: true });
const write = (json: unknown): void => {
  writeFileSync(`${OUT}.tmp`, JSON.stringify(json) + '\n');
  renameSync(`${OUT}.tmp`, OUT);
};
write(encodeParser(result.tables, header({ devUas: 0, devLas: 0, testUas: 0, testLas: 0 }), PRUNE));
const loaded = loadParserFile(OUT, OUT, tagger.tables.classes).parser;
const d = attachment(loaded, dev);
const t1 = performance.now();
const t = attachment(loaded, test);
const speed = t.tokens / ((performance.now() - t1) / 1000);
write(encodeParser(result.tables, header({ devUas: round(d.uas), devLas: round(d.las), testUas: round(t.uas), testLas: round(t.las) }), PRUNE));
loadParserFile(OUT, OUT, tagger.tables.classes);
console.log(`trained in ${seconds.toFixed(1)} s, ${result.epochs} epochs, ${result.nonProjective} non-projective sentences skipped; as written: dev UAS ${round(d.uas)} LAS ${round(d.las)}, test UAS ${round(t.uas)} LAS ${round(t.las)}; ${Math.round(speed)} tokens/s (parsing only); ${(statSync(OUT).size / 1e6).toFixed(2)} MB → ${OUT}`);
