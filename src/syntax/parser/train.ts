/**
 * Training of the arc-hybrid parser: averaged perceptrons (Collins 2002), as in the greedy parser of
 * Honnibal's "Parsing English in 500 lines of Python" (2013), with the dynamic oracle of Goldberg and
 * Nivre (2013). Each epoch walks the training sentences in a seeded shuffled order; at each
 * configuration the cost of a transition is the number of gold arcs it makes unreachable; when the
 * best allowed transition under the current weights has a cost, 1 is added to the best zero-cost
 * transition's weight of every feature and 1 taken from the guess's, and from epoch 2 the guess is
 * followed with probability `explore` (else the zero-cost one), so the parser learns to recover from
 * its own mistakes. Each arc built that is a gold arc also trains the label perceptron on its gold
 * label. Training reads the tags it is given (gold, or jackknifed: `trainTags`); dev and test are
 * parsed with the tagger's predicted tags. The costs assume a projective gold tree: non-projective
 * training sentences are lifted (`liftedHeads`) or skipped. The epochs are chosen on dev LAS.
 */
import { prng, shuffle } from '../../data/prng.js';
import { AveragedWeights } from '../perceptron.js';
import type { ConlluToken } from '../conllu.js';
import { UPOS } from '../tagger/features.js';
import type { Tagger } from '../tagger/model.js';
import { Parser, type TrainedTables } from './model.js';
import { LEFT, SHIFT, TSTRIDE } from './features.js';

export interface TrainOptions {
  seed: number;
  /** log2 of the rows of the transition table and of the label table. */
  bits: number;
  labelBits: number;
  /** Train on non-projective sentences lifted to projective trees (else they are skipped). */
  lift: boolean;
  maxEpochs: number;
  /** Stop after this many epochs without a better dev LAS. */
  patience: number;
  /** From epoch 2, the probability of following the model's wrong transition (dynamic oracle); 0 for a static oracle. */
  explore: number;
}

export interface TrainResult {
  tables: TrainedTables;
  epochs: number;
  /** Dev LAS after each epoch. */
  devByEpoch: number[];
  /** Training sentences skipped (non-projective, unless lifted), and used. */
  nonProjective: number;
  sentences: number;
}

/** Whether the gold tree of `s` is projective: every word between a head and its dependent descends from the head. */
export function isProjective(s: readonly ConlluToken[]): boolean {
  for (const w of s) {
    const h = w.head, lo = Math.min(h, w.id), hi = Math.max(h, w.id);
    for (let k = lo + 1; k < hi; k++) {
      let a = k, steps = 0;
      while (a !== h && a !== 0 && steps++ <= s.length) a = s[a - 1].head;
      if (a !== h) return false;
    }
  }
  return true;
}

/** Sentences with their words and the tagger's predicted tag ids, ready for scoring. */
export interface Tagged { gold: readonly ConlluToken[]; words: string[]; tags: Uint8Array }

/** Tag `sentences` once with `tagger`. */
export function tagAll(tagger: Tagger, sentences: readonly ConlluToken[][]): Tagged[] {
  return sentences.map((gold) => { const words = gold.map((w) => w.form); return { gold, words, tags: tagger.tagIds(words) }; });
}

/**
 * Unlabelled and labelled attachment scores of `parser` on tagged sentences, every word (punctuation included).
 * @example attachment(parser, tagAll(tagger, dev)) // { uas: 0.8…, las: 0.8…, tokens: 25148 }
 */
export function attachment(parser: Parser, sentences: readonly Tagged[]): { uas: number; las: number; tokens: number } {
  let u = 0, l = 0, all = 0;
  for (const { gold, words, tags } of sentences) {
    const p = parser.parse(words, tags);
    for (let i = 0; i < gold.length; i++) {
      if (p.head[i] === gold[i].head) { u++; if (p.deprel[i] === gold[i].deprel) l++; }
    }
    all += gold.length;
  }
  return all === 0 ? { uas: 0, las: 0, tokens: 0 } : { uas: u / all, las: l / all, tokens: all };
}

/**
 * The gold heads (index 1..n; 0 the root) of `s`, made projective by lifting (Nivre and Nilsson 2005):
 * while an arc is not projective, the shortest such arc moves up to its head's head; labels stay as
 * they are. Undefined when a lift would reach the root (the parser builds one root arc only).
 */
export function liftedHeads(s: readonly ConlluToken[]): Int32Array | undefined {
  const heads = Int32Array.from([-1, ...s.map((x) => x.head)]), n = s.length;
  const projective = (d: number): boolean => {
    const h = heads[d], lo = Math.min(h, d), hi = Math.max(h, d);
    for (let k = lo + 1; k < hi; k++) {
      let a = k, steps = 0;
      while (a !== h && a !== 0 && steps++ <= n) a = heads[a];
      if (a !== h) return false;
    }
    return true;
  };
  for (let round = 0; round <= n * n; round++) {
    let worst = -1;
    for (let d = 1; d <= n; d++) if (!projective(d) && (worst < 0 || Math.abs(heads[d] - d) < Math.abs(heads[worst] - worst))) worst = d;
    if (worst < 0) return heads;
    heads[worst] = heads[heads[worst]];
    if (heads[worst] === 0) return undefined;
  }
  return undefined;
}

/**
 * Train on `train`, choosing the number of epochs on `dev` (tagged by the tagger), with the tagger's ambiguity
 * `classes` (as `Parser` takes them); `log` hears one line per
 * epoch. `trainTags` (tag ids, one array per training sentence) replaces the gold tags, e.g. jackknifed ones.
 */
export function trainParser(train: readonly ConlluToken[][], dev: readonly Tagged[], classes: ReadonlyMap<string, number>, o: TrainOptions, log: (line: string) => void = () => {}, trainTags?: readonly Uint8Array[]): TrainResult {
  const labels = [...new Set(train.flatMap((s) => s.map((w) => w.deprel)))].sort();
  const nl = labels.length, shift = 32 - o.bits, lshift = 32 - o.labelBits;
  const tw = new AveragedWeights((1 << o.bits) * TSTRIDE), lw = new AveragedWeights((1 << o.labelBits) * nl);
  const tables: TrainedTables = { bits: o.bits, labelBits: o.labelBits, labels, transitions: tw.w, labelWeights: lw.w, candidates: [] };
  const usable = train.map((s, i) => ({ s, i, heads: isProjective(s) ? Int32Array.from([-1, ...s.map((x) => x.head)]) : o.lift ? liftedHeads(s) : undefined }))
    .filter((x): x is { s: ConlluToken[]; i: number; heads: Int32Array } => x.heads !== undefined);
  const sents = usable.map(({ s, i, heads }) => ({
    words: s.map((x) => x.form),
    tags: trainTags?.[i] ?? Uint8Array.from(s, (x) => UPOS.indexOf(x.upos as (typeof UPOS)[number])),
    heads,
    rels: Int32Array.from([-1, ...s.map((x) => labels.indexOf(x.deprel))]),
  }));
  // the labels each dependent tag took on each side of its head, with the training tags (jackknifed ones carry the tagger's confusions)
  const seen = Array.from({ length: UPOS.length * 2 }, () => new Set<number>());
  for (const { tags, heads, rels } of sents) for (let d = 1; d < heads.length; d++) if (heads[d] !== 0) seen[tags[d - 1] * 2 + (d > heads[d] ? 1 : 0)].add(rels[d]);
  tables.candidates = seen.map((x) => Int32Array.from([...x].sort((a, b) => a - b)));
  const live = new Parser(tables, classes), c = live.config;
  const random = prng(o.seed);
  let best: TrainedTables | undefined, bestLas = -1, bestEpoch = 0;
  const devByEpoch: number[] = [];
  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    shuffle(sents, random);
    let right = 0, all = 0;
    for (const { words, tags, heads, rels } of sents) {
      c.reset(words, tags, classes);
      /** The gold arcs that transition `t` would make unreachable (Goldberg and Nivre 2013). */
      const cost = (t: number): number => {
        const s0 = c.stack[c.sp - 1], s1 = c.sp >= 2 ? c.stack[c.sp - 2] : -1, n = c.n, b0 = c.b;
        let lost = 0;
        if (t === SHIFT) {
          for (let i = 0; i < c.sp; i++) { const x = c.stack[i]; if (heads[x] === b0 || (heads[b0] === x && x !== s0)) lost++; }
          return lost;
        }
        for (let x = b0; x <= n; x++) if (heads[x] === s0) lost++;
        if (t === LEFT) { if (heads[s0] === s1 || heads[s0] > b0) lost++; }
        else if (heads[s0] >= b0) lost++;
        return lost;
      };
      while (!c.done()) {
        tw.step++;
        const guess = live.transition();
        let gold = -1;
        for (let t = 0; t < 3; t++) if (live.allowed(t) && cost(t) === 0 && (gold < 0 || live.tscores[t] > live.tscores[gold])) gold = t;
        if (gold < 0) throw new Error(`no transition of zero cost on a sentence of ${words.length} words`);
        if (cost(guess) !== 0) {
          for (const f of live.feats) {
            const base = (f >>> shift) * TSTRIDE;
            tw.bump(base + gold, 1);
            tw.bump(base + guess, -1);
          }
        } else right++;
        all++;
        const t = epoch > 1 && o.explore > 0 && guess !== gold && random() < o.explore ? guess : gold;
        if (t === SHIFT) { c.shift(); continue; }
        const d = c.dependent(), h = c.headOf(t), rel = rels[d];
        // the label is learnt on the arcs that are right; a wrong arc keeps its dependent's gold label
        if (heads[d] === h && h !== 0) {
          lw.step++;
          const l = live.label(t);
          if (l !== rel) {
            for (const f of live.lfeats) {
              const base = (f >>> lshift) * nl;
              lw.bump(base + rel, 1);
              lw.bump(base + l, -1);
            }
          }
        }
        live.attach(t, h === 0 ? live.root : rel);
      }
    }
    const avg: TrainedTables = { ...tables, transitions: tw.averaged(), labelWeights: lw.averaged() };
    const { uas, las } = attachment(new Parser(avg, classes), dev);
    devByEpoch.push(las);
    log(`epoch ${epoch}: train transitions ${(right / all).toFixed(4)}, dev UAS ${uas.toFixed(4)} LAS ${las.toFixed(4)}`);
    if (las > bestLas) { bestLas = las; best = avg; bestEpoch = epoch; }
    else if (epoch - bestEpoch >= o.patience) break;
  }
  return { tables: best!, epochs: bestEpoch, devByEpoch, nonProjective: train.length - sents.length, sentences: sents.length };
}
