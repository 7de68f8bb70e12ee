/**
 * The labelled dependency parser at run time: greedy arc-hybrid transitions (`features.ts`), each
 * chosen as the best-scoring allowed transition+label under an averaged perceptron over hashed
 * features. The model file (`data/syntax/parser.json`) is JSON with a header and the weights in the
 * tagger's format (`../weights.ts`); it is checked when it is loaded, and a malformed file is a
 * `DataFileError` naming it.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../../model/errors.js';
import { dataPath } from '../../data/read.js';
import { expectNumber, expectObject, expectWords } from '../../data/validate.js';
import { decodeWeights, encodeWeights } from '../weights.js';
import { Config, extract, NFEATURES } from './features.js';

/** The tables a parser needs; what `train.ts` produces and the model file stores. */
export interface ParserTables {
  /** log2 of the number of weight rows. */
  bits: number;
  /** The dependency relations; one of them is `root`. */
  labels: readonly string[];
  /** Row-major weights, `2^bits × (1 + 2 × labels)`: SHIFT, LEFT-l…, RIGHT-l…. */
  weights: Float32Array;
}

/** A dependency parse: `head[i]` is the 1-based head of word i (0 for the root), `deprel[i]` its relation. */
export interface Parse { head: number[]; deprel: string[] }

/** A loaded parser. Not safe to share between threads mid-call (it reuses buffers). */
export class Parser {
  readonly config = new Config();
  /** The feature hashes of the last configuration `best` scored (training reads them to update). */
  readonly feats = new Uint32Array(NFEATURES);
  readonly nclasses: number;
  readonly root: number;
  /** The scores of every class in the last configuration `best` scored. */
  readonly scores: Float64Array;
  private readonly shift: number;

  constructor(readonly tables: ParserTables) {
    this.nclasses = 1 + 2 * tables.labels.length;
    this.root = tables.labels.indexOf('root');
    if (this.root < 0) throw new Error('the parser labels lack "root"');
    this.scores = new Float64Array(this.nclasses);
    this.shift = 32 - tables.bits;
  }

  /**
   * Parse `words` with UPOS tag ids `tags` (from the tagger).
   * @example parser.parse(['Talks', 'resumed'], tagger.tagIds(['Talks', 'resumed'])) // { head: [2, 0], deprel: ['nsubj', 'root'] }
   */
  parse(words: readonly string[], tags: ArrayLike<number>): Parse {
    const c = this.config;
    c.reset(words, tags);
    while (!c.done()) this.apply(this.best());
    const head: number[] = [], deprel: string[] = [];
    for (let i = 1; i <= words.length; i++) { head.push(c.head[i]); deprel.push(this.tables.labels[c.label[i]]); }
    return { head, deprel };
  }

  /** Whether transition class `k` is allowed in the current configuration. */
  allowed(k: number): boolean {
    const c = this.config, nl = this.tables.labels.length;
    if (k === 0) return c.canShift();
    if (k <= nl) return k - 1 !== this.root && c.canLeft();
    return c.canRight() && (k - 1 - nl === this.root) === c.rightIsRoot();
  }

  /** Apply transition class `k`. */
  apply(k: number): void {
    const nl = this.tables.labels.length;
    if (k === 0) this.config.shift();
    else if (k <= nl) this.config.left(k - 1);
    else this.config.right(k - 1 - nl);
  }

  /** The best-scoring allowed transition class in the current configuration. */
  best(): number {
    const { weights } = this.tables;
    const feats = this.feats, scores = this.scores, shift = this.shift, nc = this.nclasses;
    extract(this.config, feats);
    scores.fill(0);
    for (let f = 0; f < NFEATURES; f++) {
      const base = (feats[f] >>> shift) * nc;
      for (let t = 0; t < nc; t++) scores[t] += weights[base + t];
    }
    let bestK = -1;
    for (let t = 0; t < nc; t++) if ((bestK < 0 || scores[t] > scores[bestK]) && this.allowed(t)) bestK = t;
    return bestK;
  }
}

/** The header fields of the model file, all required. */
export interface ParserHeader {
  $comment: string;
  source: string;
  licence: string;
  training: Record<string, unknown>;
  /** Attachment scores with the tagger's predicted tags, punctuation included. */
  scores: { devUas: number; devLas: number; testUas: number; testLas: number };
}

const KEYS = ['$comment', 'source', 'licence', 'training', 'scores', 'labels', 'bits', 'scale', 'count', 'rows', 'values'];

/** The model file's JSON for `tables` with `header`; weights with |w| < `prune` are dropped. */
export function encodeParser(tables: ParserTables, header: ParserHeader, prune: number): Record<string, unknown> {
  return { ...header, labels: [...tables.labels], bits: tables.bits, ...encodeWeights(tables.weights, prune) };
}

/** Check and decode a parsed model file; `file` names it in errors. */
export function decodeParser(json: unknown, file: string): { parser: Parser; header: ParserHeader } {
  const o = expectObject(file, json, KEYS);
  for (const k of ['source', 'licence'] as const) {
    if (typeof o[k] !== 'string' || o[k] === '') throw new DataFileError(file, `"${k}" must be a non-empty string`);
  }
  if (typeof o.training !== 'object' || o.training === null) throw new DataFileError(file, '"training" must be an object');
  const sc = o.scores as Record<string, unknown> | null;
  if (typeof sc !== 'object' || sc === null) throw new DataFileError(file, '"scores" must be an object');
  for (const k of ['devUas', 'devLas', 'testUas', 'testLas']) expectNumber(file, sc, k, 0, 1);
  const labels = expectWords(file, o, 'labels');
  if (!labels.includes('root')) throw new DataFileError(file, '"labels" must include "root"');
  const bits = expectNumber(file, o, 'bits', 8, 24);
  if (!Number.isInteger(bits)) throw new DataFileError(file, '"bits" must be an integer');
  const weights = decodeWeights(file, o, (1 << bits) * (1 + 2 * labels.length));
  const header: ParserHeader = {
    $comment: o.$comment as string, source: o.source as string, licence: o.licence as string, training: o.training as Record<string, unknown>,
    scores: { devUas: sc.devUas as number, devLas: sc.devLas as number, testUas: sc.testUas as number, testLas: sc.testLas as number },
  };
  return { parser: new Parser({ bits, labels: Object.freeze([...labels]), weights }), header };
}

/** Read and check a model file at `path`. @example loadParserFile('/tmp/parser.json').header.scores.testLas */
export function loadParserFile(path: string, name = path): { parser: Parser; header: ParserHeader } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataFileError(name, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  return decodeParser(json, name);
}

export const PARSER_FILE = 'data/syntax/parser.json';
let cached: Parser | undefined;

/** The committed parser, loaded and checked once. @example defaultParser().parse(words, defaultTagger().tagIds(words)) */
export function defaultParser(): Parser {
  cached ??= loadParserFile(dataPath(PARSER_FILE), PARSER_FILE).parser;
  return cached;
}
