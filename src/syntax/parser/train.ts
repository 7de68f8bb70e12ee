/**
 * Training of the arc-hybrid parser: an averaged perceptron (Collins 2002) with a static oracle, as
 * in the greedy parser of Honnibal's "Parsing English in 500 lines of Python" (2013) but with labels
 * predicted with the transition. Each epoch walks the projective training sentences in a seeded
 * shuffled order; at each configuration the oracle's transition is compared with the best allowed
 * one under the current weights, a mistake adds 1 to the oracle's class of every feature and takes
 * 1 from the guess's, and the oracle's transition is applied. Training reads the gold UPOS tags;
 * dev and test are parsed with the tagger's predicted tags. Non-projective training sentences are
 * skipped (the static oracle cannot build them). The epochs are chosen on dev LAS.
 */
import { prng } from '../../data/prng.js';
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

/** Train on `train`, choosing the number of epochs on `dev` (tagged by the tagger); `log` hears one line per epoch. */
export function trainParser(train: readonly ConlluToken[][], dev: readonly Tagged[], o: TrainOptions, log: (line: string) => void = () => {}): TrainResult {
  const labels = [...new Set(train.flatMap((s) => s.map((w) => w.deprel)))].sort();
  const nl = labels.length, nc = 1 + 2 * nl;
  const size = (1 << o.bits) * nc, shift = 32 - o.bits;
  const w = new Float32Array(size), totals = new Float64Array(size), stamps = new Float64Array(size);
  const tables: ParserTables = { bits: o.bits, labels, weights: w };
  const live = new Parser(tables), c = live.config;
  const projective = train.filter(isProjective);
  const sents = projective.map((s) => ({
    words: s.map((x) => x.form),
    tags: Uint8Array.from(s, (x) => UPOS.indexOf(x.upos as (typeof UPOS)[number])),
    heads: Int32Array.from([-1, ...s.map((x) => x.head)]),
    rels: Int32Array.from([-1, ...s.map((x) => labels.indexOf(x.deprel))]),
  }));
  const random = prng(o.seed);
  let step = 0, best: Float32Array | undefined, bestLas = -1, bestEpoch = 0;
  const devByEpoch: number[] = [];
  const averaged = (): Float32Array => {
    const avg = new Float32Array(size);
    for (let k = 0; k < size; k++) avg[k] = (totals[k] + (step - stamps[k]) * w[k]) / step;
    return avg;
  };
  const bump = (k: number, d: number): void => {
    totals[k] += (step - stamps[k]) * w[k];
    stamps[k] = step;
    w[k] += d;
  };
  let pending = new Int32Array(0);
  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    for (let i = sents.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sents[i], sents[j]] = [sents[j], sents[i]];
    }
    let right = 0, all = 0;
    for (const { words, tags, heads, rels } of sents) {
      c.reset(words, tags);
      if (pending.length < heads.length) pending = new Int32Array(heads.length * 2);
      pending.fill(0, 0, heads.length);
      for (let i = 1; i < heads.length; i++) pending[heads[i]]++;
      while (!c.done()) {
        const s0 = c.stack[c.sp - 1], s1 = c.sp >= 2 ? c.stack[c.sp - 2] : -1;
        let gold: number;
        if (c.canLeft() && heads[s0] === c.b) gold = 1 + rels[s0];
        else if (c.canRight() && heads[s0] === s1 && pending[s0] === 0) gold = 1 + nl + rels[s0];
        else if (c.canShift()) gold = 0;
        else throw new Error(`the oracle is stuck on a sentence of ${words.length} words`);
        step++;
        const guess = live.best();
        if (guess !== gold) {
          for (const f of live.feats) {
            const base = (f >>> shift) * nc;
            bump(base + gold, 1);
            bump(base + guess, -1);
          }
        } else right++;
        all++;
        if (gold !== 0) pending[heads[s0]]--;
        live.apply(gold);
      }
    }
    const avg = averaged();
    const { uas, las } = attachment(new Parser({ ...tables, weights: avg }), dev);
    devByEpoch.push(las);
    log(`epoch ${epoch}: train transitions ${(right / all).toFixed(4)}, dev UAS ${uas.toFixed(4)} LAS ${las.toFixed(4)}`);
    if (las > bestLas) { bestLas = las; best = avg; bestEpoch = epoch; }
    else if (epoch - bestEpoch >= o.patience) break;
  }
  return { tables: { ...tables, weights: best! }, epochs: bestEpoch, devByEpoch, nonProjective: train.length - projective.length, sentences: projective.length };
}
