/**
 * Speed of the syntax models in one thread on UD English EWT test (gold tokenisation): tagging
 * alone, parsing alone (on tags computed beforehand) and both, warm, the median of several passes;
 * and each model file's size and the time to read and check it (in a fresh child process, so no
 * cache of an earlier load counts). Run by `npm run bench` (or `npm run bench -- syntax`), or alone:
 * `node dist/bench/syntax.js [TREEBANK_DIR]`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu } from '../src/syntax/conllu.js';
import { dataPath } from '../src/data/read.js';
import { defaultTagger, TAGGER_FILE } from '../src/syntax/tagger/model.js';
import { defaultParser, PARSER_FILE } from '../src/syntax/parser/model.js';

export interface SyntaxBench {
  sentences: number;
  tokens: number;
  /** Tokens per second, median of `passes` warm passes over EWT test. */
  taggingTokensPerSec: number;
  parsingTokensPerSec: number;
  bothTokensPerSec: number;
  passes: number;
  models: { file: string; mb: number; loadMs: number }[];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Tokens per second of `run` over the sentences: one warm-up pass, then the median of `passes`. */
function rate(tokens: number, passes: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return tokens / (median(times) / 1000);
}

/** Milliseconds to load and check one model in a fresh process (the minimum of three). */
function loadMs(which: 'tagger' | 'parser'): number {
  const self = fileURLToPath(import.meta.url);
  const runs = [0, 1, 2].map(() => Number(execFileSync(process.execPath, [self, '--load', which], { encoding: 'utf8' }).trim()));
  return Math.min(...runs);
}

export function benchSyntax(treebank: string, passes = 5): SyntaxBench {
  const sents = readConllu(join(treebank, 'en_ewt-ud-test.conllu')).map((s) => s.map((w) => w.form));
  const tokens = sents.reduce((n, s) => n + s.length, 0);
  const tagger = defaultTagger(), parser = defaultParser();
  const tags = sents.map((s) => tagger.tagIds(s));
  const taggingTokensPerSec = rate(tokens, passes, () => { for (const s of sents) tagger.tagIds(s); });
  const parsingTokensPerSec = rate(tokens, passes, () => { for (let i = 0; i < sents.length; i++) parser.parse(sents[i], tags[i]); });
  const bothTokensPerSec = rate(tokens, passes, () => { for (const s of sents) parser.parse(s, tagger.tagIds(s)); });
  const models = ([['tagger', TAGGER_FILE], ['parser', PARSER_FILE]] as const).map(([which, file]) => ({ file, mb: statSync(dataPath(file)).size / 1e6, loadMs: loadMs(which) }));
  return { sentences: sents.length, tokens, taggingTokensPerSec, parsingTokensPerSec, bothTokensPerSec, passes, models };
}

export function printSyntax(b: SyntaxBench): void {
  console.log(`Syntax models in one thread on UD English EWT test (${b.sentences} sentences, ${b.tokens} tokens, gold tokenisation; median of ${b.passes} warm passes)`);
  console.log(`  tagging alone          ${Math.round(b.taggingTokensPerSec).toString().padStart(8)} tokens/s`);
  console.log(`  parsing alone          ${Math.round(b.parsingTokensPerSec).toString().padStart(8)} tokens/s`);
  console.log(`  tagging + parsing      ${Math.round(b.bothTokensPerSec).toString().padStart(8)} tokens/s   (target ≥ 50,000)`);
  for (const m of b.models) console.log(`  ${m.file.padEnd(24)} ${m.mb.toFixed(2).padStart(6)} MB, loaded and checked in ${m.loadMs.toFixed(0)} ms (fresh process; target ≤ 500 ms)`);
}

/** Run and print the benchmark on the treebank in `dir`, or say why it is skipped. */
export function runSyntaxBench(dir: string): SyntaxBench | undefined {
  if (!existsSync(join(dir, 'en_ewt-ud-test.conllu'))) {
    console.log(`syntax: skipped, ${dir} has no en_ewt-ud-test.conllu (../shared absent)`);
    return undefined;
  }
  const b = benchSyntax(dir);
  printSyntax(b);
  return b;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--load');
  if (at >= 0) {
    const t0 = performance.now();
    if (process.argv[at + 1] === 'tagger') defaultTagger(); else defaultParser();
    console.log(performance.now() - t0);
  } else runSyntaxBench(resolve(process.argv[2] ?? '../shared/treebank'));
}
