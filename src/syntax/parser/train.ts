/**
 * Training of the arc-hybrid parser: an averaged perceptron (Collins 2002), as in the greedy parser of
 * Honnibal's "Parsing English in 500 lines of Python" (2013) but with labels predicted with the
 * transition, and the dynamic oracle of Goldberg and Nivre (2013). Each epoch walks the projective
 * training sentences in a seeded shuffled order; at each configuration the cost of a transition is
 * the number of gold arcs (and labels) it makes unreachable; when the best allowed transition under
 * the current weights has a cost, 1 is added to the best zero-cost class of every feature and 1 taken
 * from the guess's, and from epoch 2 the guess is followed with probability `explore` (else the
 * zero-cost class), so the parser learns to recover from its own mistakes. Training reads the tags it
 * is given (gold, or jackknifed: `trainTags`); dev and test are parsed with the tagger's predicted
 * tags. Non-projective training sentences are skipped (the costs assume a projective gold tree).
 * The epochs are chosen on dev LAS.
 */
import { prng, shuffle } from '../../data/prng.js';
import { AveragedWeights } from '../perceptron.js';
import type { ConlluToken } from '../conllu.js';
import { UPOS } from '../tagger/features.js';
import type { Tagger } from '../tagger/model.js';
import { Parser, type ParserTables } from './model.js';

export interface TrainOptions {
  seed: number;
  bits: number;
  maxEpochs: number;
  /** Stop after this many epochs without a better dev LAS. */
  patience: number;
  /** From epoch 2, the probability of following the model's wrong transition (dynamic oracle); 0 for a static oracle. */
  explore: number;
}

export interface TrainResult {
  tables: ParserTables;
  epochs: number;
  /** Dev LAS after each epoch. */
  devByEpoch: number[];
  /** Training sentences skipped as non-projective, and used. */
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
 * Train on `train`, choosing the number of epochs on `dev` (tagged by the tagger); `log` hears one line per
 * epoch. `trainTags` (tag ids, one array per training sentence) replaces the gold tags, e.g. jackknifed ones.
 */
export function trainParser(train: readonly ConlluToken[][], dev: readonly Tagged[], o: TrainOptions, log: (line: string) => void = () => {}, trainTags?: readonly Uint8Array[]): TrainResult {
  const labels = [...new Set(train.flatMap((s) => s.map((w) => w.deprel)))].sort();
  const nl = labels.length, nc = 1 + 2 * nl;
  const size = (1 << o.bits) * nc, shift = 32 - o.bits;
  const aw = new AveragedWeights(size), w = aw.w;
  const tables: ParserTables = { bits: o.bits, labels, weights: w };
  const live = new Parser(tables), c = live.config;
  const projective = train.map((s, i) => ({ s, i })).filter(({ s }) => isProjective(s));
  const sents = projective.map(({ s, i }) => ({
    words: s.map((x) => x.form),
    tags: trainTags?.[i] ?? Uint8Array.from(s, (x) => UPOS.indexOf(x.upos as (typeof UPOS)[number])),
    heads: Int32Array.from([-1, ...s.map((x) => x.head)]),
    rels: Int32Array.from([-1, ...s.map((x) => labels.indexOf(x.deprel))]),
  }));
  const random = prng(o.seed);
  let best: Float32Array | undefined, bestLas = -1, bestEpoch = 0;
  const devByEpoch: number[] = [];
  const bump = (k: number, d: number): void => aw.bump(k, d);
  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    shuffle(sents, random);
    let right = 0, all = 0;
    for (const { words, tags, heads, rels } of sents) {
      c.reset(words, tags);
      /** The gold arcs that transition class `k` would make unreachable (Goldberg and Nivre 2013), label included. */
      const cost = (k: number): number => {
        const s0 = c.stack[c.sp - 1], s1 = c.sp >= 2 ? c.stack[c.sp - 2] : -1, n = c.n;
        let lost = 0;
        if (k === 0) {
          const b0 = c.b;
          for (let i = 0; i < c.sp; i++) { const x = c.stack[i]; if (heads[x] === b0 || (heads[b0] === x && x !== s0)) lost++; }
          return lost;
        }
        for (let x = c.b; x <= n; x++) if (heads[x] === s0) lost++;
        if (k <= nl) {
          if (heads[s0] === s1 || heads[s0] > c.b) lost++;
          else if (heads[s0] === c.b && rels[s0] !== k - 1) lost++;
        } else {
          if (heads[s0] >= c.b) lost++;
          else if (heads[s0] === s1 && rels[s0] !== k - 1 - nl) lost++;
        }
        return lost;
      };
      while (!c.done()) {
        aw.step++;
        const guess = live.best();
        let gold = -1;
        for (let k = 0; k < nc; k++) if (live.allowed(k) && cost(k) === 0 && (gold < 0 || live.scores[k] > live.scores[gold])) gold = k;
        if (gold < 0) throw new Error(`no transition of zero cost on a sentence of ${words.length} words`);
        if (cost(guess) !== 0) {
          for (const f of live.feats) {
            const base = (f >>> shift) * nc;
            bump(base + gold, 1);
            bump(base + guess, -1);
          }
        } else right++;
        all++;
        live.apply(epoch > 1 && o.explore > 0 && guess !== gold && random() < o.explore ? guess : gold);
      }
    }
    const avg = aw.averaged();
    const { uas, las } = attachment(new Parser({ ...tables, weights: avg }), dev);
    devByEpoch.push(las);
    log(`epoch ${epoch}: train transitions ${(right / all).toFixed(4)}, dev UAS ${uas.toFixed(4)} LAS ${las.toFixed(4)}`);
    if (las > bestLas) { bestLas = las; best = avg; bestEpoch = epoch; }
    else if (epoch - bestEpoch >= o.patience) break;
  }
  return { tables: { ...tables, weights: best! }, epochs: bestEpoch, devByEpoch, nonProjective: train.length - projective.length, sentences: projective.length };
}
