/**
 * The averaged-perceptron UPOS tagger at run time: greedy, left to right, each word scored by the
 * sum of its hashed features' weight rows (`features.ts`); frequent unambiguous words are tagged
 * from a dictionary without scoring. The model file (`data/syntax/tagger.json`) is JSON with a
 * header and the weights as base64: row indexes as LEB128 deltas, weights as int16 times `scale`.
 * It is checked when it is loaded; a malformed file is a `DataFileError` naming it.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../../model/errors.js';
import { dataPath } from '../../data/read.js';
import { expectNumber, expectObject, freezeMap } from '../../data/validate.js';
import { decodeRowTable, encodeWeights } from '../weights.js';
import { extract, NFEATURES, NTAGS, SentenceHashes, UPOS } from './features.js';

export type Upos = (typeof UPOS)[number];

/** The tables a tagger needs; what `train.ts` produces and the model file stores. */
export interface TaggerTables {
  /** log2 of the number of weight rows. */
  bits: number;
  /**
   * Row-major weights, `2^bits × NTAGS`: float in training, int16 as the model file stores them once
   * loaded (without the file's scale: only their ranking counts; half the memory of floats).
   * Loaded, the rows without a weight are one shared row of zeros and `rowAt` gives where each row starts.
   */
  weights: Float32Array | Int16Array;
  /** Where each of the `2^bits` rows starts in `weights` when its empty rows are shared (`RowTable`); absent: row r at r × NTAGS. */
  rowAt?: Int32Array;
  /** Exact form → tag index, for frequent words that (almost) always take one tag. */
  dict: ReadonlyMap<string, number>;
  /** Normalised form → bit mask of the tags it took in training. */
  classes: ReadonlyMap<string, number>;
}

/** A loaded tagger. Not safe to share between threads mid-call (it reuses buffers). */
export class Tagger {
  private readonly hashes = new SentenceHashes();
  /** The feature hashes of the last word `best` scored (training reads them to update). */
  readonly feats = new Uint32Array(NFEATURES);
  /** The weight table's row offsets of `feats`. */
  private readonly bases = new Int32Array(NFEATURES);
  private readonly shift: number;

  constructor(readonly tables: TaggerTables) {
    this.shift = 32 - tables.bits;
  }

  /** Tag indexes (into `UPOS`) of `words`. @example tagger.tagIds(['We', 'agree']) // Uint8Array [10, 15] */
  tagIds(words: readonly string[], out = new Uint8Array(words.length)): Uint8Array {
    const { dict } = this.tables;
    this.prepare(words);
    let p1 = -1, p2 = -1;
    for (let i = 0; i < words.length; i++) {
      const known = dict.get(words[i]);
      const t = known ?? this.best(i, p1, p2);
      out[i] = t;
      p2 = p1; p1 = t;
    }
    return out;
  }

  /** UPOS tags of `words`. @example tagger.tag(['We', 'agree', '.']) // ['PRON', 'VERB', 'PUNCT'] */
  tag(words: readonly string[]): Upos[] {
    return Array.from(this.tagIds(words), (t) => UPOS[t]);
  }

  /** Hash the words of a sentence before `best` is called on them (on those not in the dictionary: it skips their own hashes). */
  prepare(words: readonly string[]): void {
    this.hashes.fill(words, this.tables.classes, this.tables.dict);
  }

  /**
   * The best-scoring tag of word `i` given the previous two tags (after `prepare`). Each tag's score
   * is summed over the features in turn, in a register, and the first best kept: what summing
   * feature by feature into an array of 17 scores gave, without the array.
   */
  best(i: number, p1: number, p2: number): number {
    const { weights } = this.tables;
    const feats = this.feats, bases = this.bases, shift = this.shift;
    extract(this.hashes, i, p1, p2, feats);
    const rowAt = this.tables.rowAt;
    if (rowAt) for (let f = 0; f < NFEATURES; f++) bases[f] = rowAt[feats[f] >>> shift];
    else for (let f = 0; f < NFEATURES; f++) bases[f] = (feats[f] >>> shift) * NTAGS;
    let bestT = 0, top = 0;
    for (let t = 0; t < NTAGS; t++) {
      let sum = 0;
      for (let f = 0; f < NFEATURES; f++) sum += weights[bases[f] + t];
      if (t === 0 || sum > top) { bestT = t; top = sum; }
    }
    return bestT;
  }
}

/** The header fields of the model file, all required. */
export interface TaggerHeader {
  $comment: string;
  source: string;
  licence: string;
  training: Record<string, unknown>;
  accuracy: { dev: number; test: number };
}

const KEYS = ['$comment', 'source', 'licence', 'training', 'accuracy', 'tags', 'bits', 'scale', 'count', 'rows', 'values', 'dict', 'classes'];

/** The model file's JSON for `tables` with `header`; weights with |w| < `prune` are dropped. */
export function encodeTagger(tables: TaggerTables & { weights: Float32Array }, header: TaggerHeader, prune: number): Record<string, unknown> {
  const dict: Record<string, string> = {};
  for (const [k, t] of [...tables.dict].sort((a, b) => (a[0] < b[0] ? -1 : 1))) dict[k] = UPOS[t];
  const classes: Record<string, number> = {};
  for (const [k, m] of [...tables.classes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) classes[k] = m;
  return {
    ...header,
    tags: [...UPOS],
    bits: tables.bits,
    ...encodeWeights(tables.weights, prune),
    dict,
    classes,
  };
}

/**
 * Check and decode a parsed model file; `file` names it in errors.
 * @example decodeTagger(JSON.parse(text), 'data/syntax/tagger.json').tag(['Hi'])
 */
export function decodeTagger(json: unknown, file: string): { tagger: Tagger; header: TaggerHeader } {
  const o = expectObject(file, json, KEYS);
  for (const k of ['source', 'licence'] as const) {
    if (typeof o[k] !== 'string' || o[k] === '') throw new DataFileError(file, `"${k}" must be a non-empty string`);
  }
  if (typeof o.training !== 'object' || o.training === null) throw new DataFileError(file, '"training" must be an object');
  const acc = o.accuracy as Record<string, unknown> | null;
  if (typeof acc !== 'object' || acc === null) throw new DataFileError(file, '"accuracy" must be an object');
  expectNumber(file, acc, 'dev', 0, 1);
  expectNumber(file, acc, 'test', 0, 1);
  if (!Array.isArray(o.tags) || o.tags.join(' ') !== UPOS.join(' ')) throw new DataFileError(file, `"tags" must be the 17 UPOS tags in the order ${UPOS.join(' ')}`);
  const bits = expectNumber(file, o, 'bits', 8, 24);
  if (!Number.isInteger(bits)) throw new DataFileError(file, '"bits" must be an integer');
  const { rowAt, weights } = decodeRowTable(file, o, 1 << bits, NTAGS);
  const dict = new Map<string, number>();
  if (typeof o.dict !== 'object' || o.dict === null || Array.isArray(o.dict)) throw new DataFileError(file, '"dict" must be an object');
  for (const [k, v] of Object.entries(o.dict)) {
    const t = UPOS.indexOf(v as Upos);
    if (t < 0) throw new DataFileError(file, `"dict" gives "${k}" the unknown tag ${JSON.stringify(v)}`);
    dict.set(k, t);
  }
  const classes = new Map<string, number>();
  if (typeof o.classes !== 'object' || o.classes === null || Array.isArray(o.classes)) throw new DataFileError(file, '"classes" must be an object');
  for (const [k, v] of Object.entries(o.classes)) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v >= 1 << NTAGS) throw new DataFileError(file, `"classes" gives "${k}" a bad tag mask ${JSON.stringify(v)}`);
    classes.set(k, v);
  }
  const header: TaggerHeader = { $comment: o.$comment as string, source: o.source as string, licence: o.licence as string, training: o.training as Record<string, unknown>, accuracy: { dev: acc.dev as number, test: acc.test as number } };
  return { tagger: new Tagger({ bits, weights, rowAt, dict: freezeMap(dict), classes: freezeMap(classes) }), header };
}

/** Read and check a model file at `path`. @example loadTaggerFile('/tmp/tagger.json').header.accuracy.dev */
export function loadTaggerFile(path: string, name = path): { tagger: Tagger; header: TaggerHeader } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataFileError(name, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  return decodeTagger(json, name);
}

export const TAGGER_FILE = 'data/syntax/tagger.json';
let cached: Tagger | undefined;

/** The committed tagger, loaded and checked once. @example defaultTagger().tag(['Talks', 'resumed']) */
export function defaultTagger(): Tagger {
  cached ??= loadTaggerFile(dataPath(TAGGER_FILE), TAGGER_FILE).tagger;
  return cached;
}

export { UPOS };
