/**
 * A small CoNLL-U reader (https://universaldependencies.org/format.html): sentences of syntactic
 * words with their form, lemma, tags, head and relation. Multiword-token ranges (`1-2`) and empty
 * nodes (`1.1`) are skipped, comment lines are dropped; a malformed line throws a `ConlluError`
 * naming the file and the line.
 */

import { readFileSync } from 'node:fs';

/** One syntactic word of a CoNLL-U sentence. `head` is 0 for the root, 1-based otherwise. */
export interface ConlluToken {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  head: number;
  deprel: string;
}

/** A CoNLL-U file or text is malformed. @example new ConlluError('x.conllu', 3, 'expected 10 columns') */
export class ConlluError extends Error {
  constructor(readonly file: string, readonly line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'ConlluError';
  }
}

const RANGE = /^\d+-\d+$/;
const EMPTY = /^\d+\.\d+$/;
const INT = /^\d+$/;

/**
 * Read and parse a CoNLL-U file.
 * @example readConllu('../shared/treebank/en_ewt-ud-dev.conllu').length // 2001
 */
export function readConllu(path: string): ConlluToken[][] {
  return parseConllu(readFileSync(path, 'utf8'), path);
}

/**
 * Parse CoNLL-U text into sentences; `file` only names the source in errors.
 * @example parseConllu('1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n', 'x.conllu') // [[{ id: 1, form: 'Hi', … }]]
 */
export function parseConllu(text: string, file: string): ConlluToken[][] {
  const sentences: ConlluToken[][] = [];
  let current: ConlluToken[] = [];
  let lineOf: number[] = [];
  const flush = (): void => {
    for (let k = 0; k < current.length; k++) {
      if (current[k].head > current.length) {
        throw new ConlluError(file, lineOf[k], `HEAD ${current[k].head} beyond the sentence's ${current.length} words`);
      }
    }
    if (current.length > 0) sentences.push(current);
    current = [];
    lineOf = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(file, i + 1, `expected 10 tab-separated columns, got ${cols.length}`);
    const [id, form, lemma, upos, xpos, , head, deprel] = cols;
    if (RANGE.test(id) || EMPTY.test(id)) continue;
    if (!INT.test(id)) throw new ConlluError(file, i + 1, `bad ID ${JSON.stringify(id)}`);
    const n = Number(id);
    if (n !== current.length + 1) throw new ConlluError(file, i + 1, `ID ${n} out of sequence (expected ${current.length + 1})`);
    if (!INT.test(head)) throw new ConlluError(file, i + 1, `bad HEAD ${JSON.stringify(head)}`);
    if (form === '' || upos === '' || deprel === '') throw new ConlluError(file, i + 1, 'empty FORM, UPOS or DEPREL');
    current.push({ id: n, form, lemma, upos, xpos, head: Number(head), deprel });
    lineOf.push(i + 1);
  }
  flush();
  return sentences;
}
