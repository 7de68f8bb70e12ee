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

/** Tokens per second by the wall clock, and per second of the process's CPU time. */
export interface Rate { wall: number; cpu: number }

export interface SyntaxBench {
  sentences: number;
  tokens: number;
  /** Tokens per second, median of `passes` warm passes over EWT test. */
  tagging: Rate;
  parsing: Rate;
  both: Rate;
  passes: number;
  models: { file: string; mb: number; loadMs: number }[];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Tokens per second of `run` over the sentences: one warm-up pass, then the median of `passes`, by
 * the wall clock and by the process's CPU time (on a machine shared with other jobs the second is
 * the one that says what the code costs).
 */
function rate(tokens: number, passes: number, run: () => void): Rate {
  run();
  const wall: number[] = [], cpu: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: tokens / (median(wall) / 1000), cpu: tokens / (median(cpu) / 1000) };
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
  const tagging = rate(tokens, passes, () => { for (const s of sents) tagger.tagIds(s); });
  const parsing = rate(tokens, passes, () => { for (let i = 0; i < sents.length; i++) parser.parse(sents[i], tags[i]); });
  const both = rate(tokens, passes, () => { for (const s of sents) parser.parse(s, tagger.tagIds(s)); });
  const models = ([['tagger', TAGGER_FILE], ['parser', PARSER_FILE]] as const).map(([which, file]) => ({ file, mb: statSync(dataPath(file)).size / 1e6, loadMs: loadMs(which) }));
  return { sentences: sents.length, tokens, tagging, parsing, both, passes, models };
}

export function printSyntax(b: SyntaxBench): void {
  console.log(`Syntax models in one thread on UD English EWT test (${b.sentences} sentences, ${b.tokens} tokens, gold tokenisation; median of ${b.passes} warm passes)`);
  const row = (name: string, r: Rate, note = ''): void => console.log(`  ${name.padEnd(22)} ${Math.round(r.wall).toString().padStart(8)} tokens/s  ${Math.round(r.cpu).toString().padStart(8)} tokens per CPU-second${note}`);
  row('tagging alone', b.tagging);
  row('parsing alone', b.parsing);
  row('tagging + parsing', b.both, '   (target ≥ 50,000)');
  // the parser's features read the tagger's ambiguity classes, so loading the parser loads the tagger too
  for (const m of b.models) console.log(`  ${m.file.padEnd(24)} ${m.mb.toFixed(2).padStart(6)} MB, loaded and checked in ${m.loadMs.toFixed(0)} ms${m.file === PARSER_FILE ? ' with the tagger' : ''} (fresh process; target ≤ 500 ms)`);
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
