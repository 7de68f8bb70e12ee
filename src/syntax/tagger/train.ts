/**
 * Training of the averaged-perceptron tagger (Collins 2002; the greedy tagger of Honnibal's
 * "A good part-of-speech tagger in about 200 lines of Python", 2013): each epoch walks the training
 * sentences in a seeded shuffled order, tags each word greedily with the current weights, and on an
 * error adds 1 to the true tag's weight of every feature and takes 1 from the guessed tag's; the
 * weights kept are the averages over all steps (kept lazily with time stamps). The number of
 * epochs is the one that scores best on dev.
 */
import { prng, shuffle } from '../../data/prng.js';
import { AveragedWeights } from '../perceptron.js';
import type { ConlluToken } from '../conllu.js';
import { NTAGS, normalise, UPOS } from './features.js';
import { Tagger, type TaggerTables } from './model.js';

export interface TrainOptions {
  seed: number;
  bits: number;
  maxEpochs: number;
  /** Stop after this many epochs without a better dev score. */
  patience: number;
  /** A word goes into the tag dictionary when seen ≥ dictMinCount times with one tag ≥ dictMinShare of them. */
  dictMinCount: number;
  dictMinShare: number;
  /** A normalised form gets an ambiguity class when seen ≥ classMinCount times; tags under classMinShare are left out of it. */
  classMinCount: number;
  classMinShare: number;
}

/** The settings of the committed tagger (all but the seed), chosen on dev. */
export const TAGGER_SETTINGS: Omit<TrainOptions, 'seed'> = {
  bits: 19, maxEpochs: 12, patience: 3, dictMinCount: 20, dictMinShare: 0.97, classMinCount: 3, classMinShare: 0.05,
};

export interface TrainResult {
  tables: TaggerTables & { weights: Float32Array };
  epochs: number;
  /** Dev accuracy after each epoch. */
  devByEpoch: number[];
}

function tagIndex(upos: string): number {
  const t = UPOS.indexOf(upos as (typeof UPOS)[number]);
  if (t < 0) throw new Error(`unknown UPOS tag ${JSON.stringify(upos)}`);
  return t;
}

/** Tag dictionary and ambiguity classes counted over the training sentences. */
function lexicon(train: readonly ConlluToken[][], o: TrainOptions): Pick<TaggerTables, 'dict' | 'classes'> {
  const byForm = new Map<string, Uint32Array>(), byNorm = new Map<string, Uint32Array>();
  const count = (m: Map<string, Uint32Array>, k: string, t: number): void => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Uint32Array(NTAGS)));
    c[t]++;
  };
  for (const s of train) for (const w of s) { const t = tagIndex(w.upos); count(byForm, w.form, t); count(byNorm, normalise(w.form), t); }
  const dict = new Map<string, number>(), classes = new Map<string, number>();
  for (const [form, c] of byForm) {
    let n = 0, best = 0;
    for (let t = 0; t < NTAGS; t++) { n += c[t]; if (c[t] > c[best]) best = t; }
    if (n >= o.dictMinCount && c[best] / n >= o.dictMinShare) dict.set(form, best);
  }
  for (const [norm, c] of byNorm) {
    let n = 0, mask = 0;
    for (let t = 0; t < NTAGS; t++) n += c[t];
    if (n < o.classMinCount) continue;
    for (let t = 0; t < NTAGS; t++) if (c[t] / n >= o.classMinShare) mask |= 1 << t;
    if (mask !== 0) classes.set(norm, mask);
  }
  return { dict, classes };
}

/**
 * UPOS accuracy of `tagger` on gold sentences (every word, punctuation included).
 * @example accuracy(tagger, readConllu('../shared/treebank/en_ewt-ud-dev.conllu')) // 0.95…
 */
export function accuracy(tagger: Tagger, sentences: readonly ConlluToken[][]): number {
  let right = 0, all = 0;
  for (const s of sentences) {
    const got = tagger.tagIds(s.map((w) => w.form));
    for (let i = 0; i < s.length; i++) if (UPOS[got[i]] === s[i].upos) right++;
    all += s.length;
  }
  return all === 0 ? 0 : right / all;
}

/** Train on `train`, choosing the number of epochs on `dev`; `log` hears one line per epoch. */
export function trainTagger(train: readonly ConlluToken[][], dev: readonly ConlluToken[][], o: TrainOptions, log: (line: string) => void = () => {}): TrainResult {
  const { dict, classes } = lexicon(train, o);
  const size = (1 << o.bits) * NTAGS, shift = 32 - o.bits;
  const aw = new AveragedWeights(size), w = aw.w;
  const live = new Tagger({ bits: o.bits, weights: w, dict, classes });
  const sents = train.map((s) => ({ words: s.map((x) => x.form), gold: s.map((x) => tagIndex(x.upos)) }));
  const random = prng(o.seed);
  let best: Float32Array | undefined, bestAcc = -1, bestEpoch = 0;
  const devByEpoch: number[] = [];
  const bump = (k: number, d: number): void => aw.bump(k, d);
  for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
    shuffle(sents, random);
    let right = 0, all = 0;
    for (const { words, gold } of sents) {
      live.prepare(words);
      let p1 = -1, p2 = -1;
      for (let i = 0; i < words.length; i++) {
        const known = dict.get(words[i]);
        let guess: number;
        if (known !== undefined) guess = known;
        else {
          aw.step++;
          guess = live.best(i, p1, p2);
          if (guess !== gold[i]) {
            for (const f of live.feats) {
              const base = (f >>> shift) * NTAGS;
              bump(base + gold[i], 1);
              bump(base + guess, -1);
            }
          }
        }
        if (guess === gold[i]) right++;
        all++;
        p2 = p1; p1 = guess;
      }
    }
    const avg = aw.averaged();
    const acc = accuracy(new Tagger({ bits: o.bits, weights: avg, dict, classes }), dev);
    devByEpoch.push(acc);
    log(`epoch ${epoch}: train ${(right / all).toFixed(4)}, dev ${acc.toFixed(4)}`);
    if (acc > bestAcc) { bestAcc = acc; best = avg; bestEpoch = epoch; }
    else if (epoch - bestEpoch >= o.patience) break;
  }
  return { tables: { bits: o.bits, weights: best!, dict, classes }, epochs: bestEpoch, devByEpoch };
}
