/**
 * Builds `data/syntax/lemmas.json` from UD English EWT train (src/syntax/lemma-train.ts): suffix
 * rules per UPOS tag and the words they get wrong. Facts about the treebank, not its text; the file
 * names the source and its licence. Deterministic: the same treebank writes the same file.
 * Prints the lemma accuracy of the written file on dev and test (gold words and tags; VERB, NOUN,
 * AUX and ADJ; case-insensitive); `npm run eval` scores it with the tagger's tags.
 *
 * @example node --import tsx scripts/build-lemmas.ts [TREEBANK_DIR]
 */
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu } from '../src/syntax/conllu.js';
import { learnLemmas } from '../src/syntax/lemma-train.js';
import { decodeLemmas, lemmatize } from '../src/syntax/lemma.js';

const TREEBANK = resolve(process.argv[2] ?? '../shared/treebank');
const OUT = resolve('data/syntax/lemmas.json');
const SCORED = new Set(['VERB', 'NOUN', 'AUX', 'ADJ']);

const [train, dev, test] = ['train', 'dev', 'test'].map((s) => readConllu(join(TREEBANK, `en_ewt-ud-${s}.conllu`)));
const learnt = learnLemmas(train);
const json = {
  $comment: 'Lemmas for src/syntax/lemma.ts, written by scripts/build-lemmas.ts from the lemmas of UD English EWT train. rules: per UPOS tag, word suffix → "strip:add" (drop that many final characters, append the rest), the longest matching suffix wins, "" is the default; learnt over distinct words. words: per UPOS tag, lower-cased form → lemma where the most frequent lemma in train is not what the rules give. Proper nouns keep their form. Curly apostrophes are read straight.',
  source: 'UD_English-EWT (github.com/UniversalDependencies/UD_English-EWT) @ 15d613d8: train',
  licence: 'CC BY-SA 4.0',
  ...learnt,
};
writeFileSync(`${OUT}.tmp`, JSON.stringify(json, null, 0) + '\n');
renameSync(`${OUT}.tmp`, OUT);

const tables = decodeLemmas(json, OUT);
for (const [name, sentences] of [['dev', dev], ['test', test]] as const) {
  let right = 0, all = 0;
  for (const s of sentences) {
    for (const w of s) {
      if (!SCORED.has(w.upos)) continue;
      all++;
      if (lemmatize(tables, w.form, w.upos).toLowerCase() === w.lemma.toLowerCase()) right++;
    }
  }
  console.log(`${name}: lemma accuracy ${(right / all).toFixed(4)} on ${all} VERB/NOUN/AUX/ADJ words (gold tags)`);
}
const words = Object.values(learnt.words).reduce((n, t) => n + Object.keys(t).length, 0);
const rules = Object.values(learnt.rules).reduce((n, t) => n + Object.keys(t).length, 0);
console.log(`${words} words, ${rules} rules, ${(statSync(OUT).size / 1e3).toFixed(0)} kB → ${OUT}`);
