/**
 * The labelled dependency parser at run time: greedy arc-hybrid transitions (`features.ts`), each
 * the best-scoring allowed one of SHIFT, LEFT and RIGHT under an averaged perceptron over hashed
 * features; the label of each arc built is then chosen by a second perceptron over features of
 * that arc (`labels.ts`), among the labels training saw for the dependent's tag on that side of its
 * head. Scoring 3 transitions, and a few labels only for the arcs built, is what makes it fast: the
 * first version scored 1 + 2 × 51 transition+label classes at every step. The
 * model file (`data/syntax/parser.json`) is JSON with a header and the two weight tables in the
 * tagger's format (`../weights.ts`); it is checked when it is loaded, and a malformed file is a
 * `DataFileError` naming it.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../../model/errors.js';
import { dataPath } from '../../data/read.js';
import { expectNumber, expectObject, expectWords } from '../../data/validate.js';
import { decodeWeights, encodeWeights } from '../weights.js';
import { defaultTagger } from '../tagger/model.js';
import { UPOS } from '../tagger/features.js';
import { Config, extract, LEFT, NFEATURES, RIGHT, SHIFT, TSTRIDE } from './features.js';
import { extractLabel, NLABEL_FEATURES } from './labels.js';

/** The tables a parser needs; what `train.ts` produces and the model file stores. */
export interface ParserTables {
  /** log2 of the number of rows of the transition table, and of the label table. */
  bits: number;
  labelBits: number;
  /** The dependency relations; one of them is `root`. */
  labels: readonly string[];
  /**
   * Row-major weights, `2^bits × 4`: SHIFT, LEFT, RIGHT and a padding column; float in training,
   * int16 as the model file stores them once loaded (only their ranking counts).
   */
  transitions: Float32Array | Int16Array;
  /** Row-major weights, `2^labelBits × labels`, float or int16 likewise. */
  labelWeights: Float32Array | Int16Array;
  /**
   * The labels an arc may take by its dependent's tag and side, at `tag * 2 + (dependent after head ? 1 : 0)`:
   * those seen so in training (NOUN on the left: nsubj, compound, obl:tmod…), so that about a fifth of
   * the label table's columns are scored; empty where training saw none (then every label is).
   */
  candidates: readonly Int32Array[];
}

/** The tables as training holds them, with float weights (what the model file encodes). */
export type TrainedTables = ParserTables & { transitions: Float32Array; labelWeights: Float32Array };

/** A dependency parse: `head[i]` is the 1-based head of word i (0 for the root), `deprel[i]` its relation. */
export interface Parse { head: number[]; deprel: string[] }

/** A loaded parser. Not safe to share between threads mid-call (it reuses buffers). */
export class Parser {
  readonly config = new Config();
  /** The feature hashes and scores of the last configuration `transition` scored, and the feature hashes of the last arc `label` scored (training reads them). */
  readonly feats = new Uint32Array(NFEATURES);
  readonly tscores = new Float64Array(3);
  readonly lfeats = new Uint32Array(NLABEL_FEATURES);
  /** The label table's row offsets of `lfeats`. */
  private readonly lbases = new Int32Array(NLABEL_FEATURES);
  readonly root: number;
  /** Every label but root: the candidates where the tables have none. */
  private readonly allLabels: Int32Array;
  private readonly tshift: number;
  private readonly lshift: number;

  /** `classes`: the tagger's ambiguity classes (`TaggerTables.classes`), which the features read. */
  constructor(readonly tables: ParserTables, readonly classes: ReadonlyMap<string, number>) {
    this.root = tables.labels.indexOf('root');
    if (this.root < 0) throw new Error('the parser labels lack "root"');
    this.allLabels = Int32Array.from(tables.labels.keys()).filter((k) => k !== this.root);
    this.tshift = 32 - tables.bits;
    this.lshift = 32 - tables.labelBits;
  }

  /**
   * Parse `words` with UPOS tag ids `tags` (from the tagger).
   * @example parser.parse(['Talks', 'resumed'], tagger.tagIds(['Talks', 'resumed'])) // { head: [2, 0], deprel: ['nsubj', 'root'] }
   */
  parse(words: readonly string[], tags: ArrayLike<number>): Parse {
    const c = this.config;
    c.reset(words, tags, this.classes);
    while (!c.done()) {
      const t = this.transition();
      if (t === SHIFT) c.shift();
      else this.attach(t, this.label(t));
    }
    const n = words.length, head = new Array<number>(n), deprel = new Array<string>(n), { labels } = this.tables;
    for (let i = 0; i < n; i++) { head[i] = c.head[i + 1]; deprel[i] = labels[c.label[i + 1]]; }
    return { head, deprel };
  }

  /** Whether transition `t` is allowed in the current configuration. */
  allowed(t: number): boolean {
    const c = this.config;
    return t === SHIFT ? c.canShift() : t === LEFT ? c.canLeft() : c.canRight();
  }

  /** The best-scoring allowed transition in the current configuration (scores in `tscores`). */
  transition(): number {
    const w = this.tables.transitions, feats = this.feats, shift = this.tshift, c = this.config;
    extract(c, feats);
    let s = 0, l = 0, r = 0;
    for (let f = 0; f < NFEATURES; f++) {
      const base = (feats[f] >>> shift) * TSTRIDE;
      s += w[base]; l += w[base + 1]; r += w[base + 2];
    }
    const sc = this.tscores;
    sc[SHIFT] = s; sc[LEFT] = l; sc[RIGHT] = r;
    // `allowed` written out (this runs at every step): the first best allowed, SHIFT before LEFT before RIGHT
    const canLeft = c.sp >= 2 && c.b <= c.n;
    let best = c.b <= c.n ? SHIFT : -1, top = s;
    if (canLeft && (best < 0 || l > top)) { best = LEFT; top = l; }
    if (c.canRight() && (best < 0 || r > top)) best = RIGHT;
    return best;
  }

  /**
   * The best-scoring label of the arc that transition `t` (LEFT or RIGHT) would build; `root` onto the root, never elsewhere.
   * Each candidate's score is summed over the features in turn (the order training sums in), and
   * the first best kept: what summing feature by feature into an array of scores gave, without it.
   */
  label(t: number): number {
    const c = this.config, d = c.dependent(), h = c.headOf(t);
    if (h === 0) return this.root;
    const w = this.tables.labelWeights, feats = this.lfeats, bases = this.lbases, nl = this.tables.labels.length, shift = this.lshift;
    let cand = this.tables.candidates[c.tag[d] * 2 + (d > h ? 1 : 0)];
    if (cand === undefined || cand.length === 0) cand = this.allLabels;
    extractLabel(c, h, d, feats);
    for (let f = 0; f < NLABEL_FEATURES; f++) bases[f] = (feats[f] >>> shift) * nl;
    let best = 0, top = 0;
    for (let j = 0; j < cand.length; j++) {
      const col = cand[j];
      let sum = 0;
      for (let f = 0; f < NLABEL_FEATURES; f++) sum += w[bases[f] + col];
      if (j === 0 || sum > top) { best = col; top = sum; }
    }
    return best;
  }

  /** Build the arc of transition `t` (LEFT or RIGHT) with label `l`, and pop its dependent. */
  attach(t: number, l: number): void {
    const c = this.config;
    c.arc(c.headOf(t), c.dependent(), l);
    c.pop();
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

const KEYS = ['$comment', 'source', 'licence', 'training', 'scores', 'labels', 'bits', 'labelBits', 'transitions', 'labelling', 'candidates'];

/** The file's key of candidates slot `k`: the dependent's tag and "<" (before its head) or ">" (after). */
const candidateKey = (k: number): string => `${UPOS[k >> 1]}${k & 1 ? '>' : '<'}`;

/** The model file's JSON for `tables` with `header`; weights with |w| < `prune` are dropped. */
export function encodeParser(tables: TrainedTables, header: ParserHeader, prune: number): Record<string, unknown> {
  return {
    ...header, labels: [...tables.labels], bits: tables.bits, labelBits: tables.labelBits,
    transitions: encodeWeights(tables.transitions, prune), labelling: encodeWeights(tables.labelWeights, prune),
    candidates: Object.fromEntries(tables.candidates.flatMap((c, k) => (c.length ? [[candidateKey(k), Array.from(c, (l) => tables.labels[l])]] : []))),
  };
}

/** Check and decode a parsed model file; `file` names it in errors; `classes` as `Parser` takes them. */
export function decodeParser(json: unknown, file: string, classes: ReadonlyMap<string, number>): { parser: Parser; header: ParserHeader } {
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
  const bits = expectNumber(file, o, 'bits', 8, 24), labelBits = expectNumber(file, o, 'labelBits', 8, 24);
  if (!Number.isInteger(bits) || !Number.isInteger(labelBits)) throw new DataFileError(file, '"bits" and "labelBits" must be integers');
  const table = (k: string): Record<string, unknown> => {
    if (typeof o[k] !== 'object' || o[k] === null) throw new DataFileError(file, `"${k}" must be an object`);
    return o[k] as Record<string, unknown>;
  };
  const transitions = decodeWeights(`${file} (transitions)`, table('transitions'), (1 << bits) * TSTRIDE, true);
  const labelWeights = decodeWeights(`${file} (labelling)`, table('labelling'), (1 << labelBits) * labels.length, true);
  if (typeof o.candidates !== 'object' || o.candidates === null || Array.isArray(o.candidates)) throw new DataFileError(file, '"candidates" must be an object');
  const byKey = new Map(Array.from({ length: UPOS.length * 2 }, (_, k) => [candidateKey(k), k]));
  const candidates: Int32Array[] = Array.from({ length: UPOS.length * 2 }, () => new Int32Array(0));
  for (const [key, v] of Object.entries(o.candidates)) {
    const k = byKey.get(key);
    if (k === undefined) throw new DataFileError(file, `"candidates" has the key ${JSON.stringify(key)}, not a UPOS tag followed by < or >`);
    if (!Array.isArray(v) || v.some((l) => typeof l !== 'string' || l === 'root' || !labels.includes(l))) throw new DataFileError(file, `"candidates" of ${key} must be labels of "labels" other than root`);
    candidates[k] = Int32Array.from(v as string[], (l) => labels.indexOf(l));
  }
  const header: ParserHeader = {
    $comment: o.$comment as string, source: o.source as string, licence: o.licence as string, training: o.training as Record<string, unknown>,
    scores: { devUas: sc.devUas as number, devLas: sc.devLas as number, testUas: sc.testUas as number, testLas: sc.testLas as number },
  };
  return { parser: new Parser({ bits, labelBits, labels: Object.freeze([...labels]), transitions, labelWeights, candidates }, classes), header };
}

/** Read and check a model file at `path`. @example loadParserFile('/tmp/parser.json').header.scores.testLas */
export function loadParserFile(path: string, name = path, classes = defaultTagger().tables.classes): { parser: Parser; header: ParserHeader } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataFileError(name, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  return decodeParser(json, name, classes);
}

export const PARSER_FILE = 'data/syntax/parser.json';
let cached: Parser | undefined;

/** The committed parser, loaded and checked once. @example defaultParser().parse(words, defaultTagger().tagIds(words)) */
export function defaultParser(): Parser {
  cached ??= loadParserFile(dataPath(PARSER_FILE), PARSER_FILE).parser;
  return cached;
}
