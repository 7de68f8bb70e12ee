import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { TEXT_STAGE_NAMES, threadLimits } from '../src/pipeline/pool.js';
import { analyze, analyzeBatch, STAGES } from '../src/pipeline/index.js';
import { BATCH } from '../src/pipeline/pool.js';
import { fromJsonLine, type RawItem } from '../src/ingest/items.js';

export interface StageBench {
  articles: number;
  sentences: number;
  /** ms per article for the foundation stages (ingest → clean → nlp), and for the whole pipeline */
  foundationMsPerArticle: number;
  /** foundation + actors + quotes (issue 4's budget: at most +50 % on the foundation) */
  actorsQuotesMsPerArticle: number;
  fullMsPerArticle: number;
  /** how much actors and quotes add to the foundation's time per article (median over rounds) */
  addedShare: number;
  /** the lowest and highest of the rounds' shares, for the noise */
  addedShareRange: [number, number];
  /** how much the events stage adds on top of actors and quotes */
  eventsShare: number;
  /** every stage but syntax */
  noSyntaxMsPerArticle: number;
  /** how much the syntax stage adds to the other stages' time (median over rounds), and its part of the whole */
  syntaxShare: number;
  syntaxPartOfFull: number;
  /** sentences and words the syntax stage parsed, and words parsed a second of its time */
  parsedSentences: number;
  parsedWords: number;
  parsedWordsPerSec: number;
  fullSentencesPerSec: number;
  noSyntaxSentencesPerSec: number;
  /**
   * The same two and the words/s over the process's CPU time rather than the wall clock (best round
   * each): on a machine shared with other work, time spent waiting for a core is left out.
   */
  cpu: { fullSentencesPerSec: number; noSyntaxSentencesPerSec: number; parsedWordsPerSec: number };
  /** the stages counted as "later" */
  later: string[];
  peakRssMB: number;
}

/** Articles a variant runs before the next takes its turn. */
const CHUNK = 500;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The stages of the foundation pipeline (issue 3): everything before actors and quotes. */
export const FOUNDATION_STAGES = TEXT_STAGE_NAMES;
const FOUNDATION = new Set(FOUNDATION_STAGES);

/**
 * Times the pipeline in one thread on a JSON lines corpus: the foundation stages only, with actors
 * and quotes, every stage but syntax, and every stage, alternating so that warm-up falls on all,
 * and keeps the fastest round of each.
 *
 * @example const r = benchStages('../shared/corpus/reuters21578.jsonl'); r.addedShare // 0.4
 */
export function benchStages(corpus: string, rounds = 7): StageBench {
  const items: RawItem[] = [];
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const it = fromJsonLine(line, 'bench', { maxBytes: 1e8 });
    if (!('skipped' in it)) items.push(it);
  }
  const foundation = STAGES.filter((s) => FOUNDATION.has(s.name));
  const withQuotes = STAGES.filter((s) => s.name !== 'events' && s.name !== 'syntax');
  const noSyntax = STAGES.filter((s) => s.name !== 'syntax');
  const later = STAGES.filter((s) => !FOUNDATION.has(s.name)).map((s) => s.name);
  // one article through every stage first, so dictionaries load outside the timing
  analyze(items[0]);
  // The variants take turns on chunks of the corpus (in a rotating order), so that whatever
  // else the machine does at a moment, and the heap's state, fall on all alike; a round's
  // time per variant is the sum over its chunks. The fastest round of each variant is kept (other
  // load only ever adds time), and the shares are the median over rounds of the per-round ratios.
  const variants = [foundation, withQuotes, noSyntax, STAGES];
  const nv = variants.length;
  const best = variants.map(() => Infinity);
  const bestCpu = variants.map(() => Infinity);
  const added: number[] = [];
  const events: number[] = [];
  const syntax: number[] = [];
  let sentences = 0;
  let parsedSentences = 0;
  let parsedWords = 0;
  for (let r = 0; r < rounds; r++) {
    const t = variants.map(() => 0);
    const cpu = variants.map(() => 0);
    sentences = parsedSentences = parsedWords = 0;
    for (let c = 0, chunk = 0; c < items.length; c += CHUNK, chunk++) {
      const part = items.slice(c, c + CHUNK);
      for (let k = 0; k < nv; k++) {
        const v = (chunk + k) % nv;
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        // in the batches an analysis thread gets from ingest, each run stage by stage
        for (let b = 0; b < part.length; b += BATCH) {
          for (const a of analyzeBatch(part.slice(b, b + BATCH), variants[v])) {
            if (v !== nv - 1 || 'skipped' in a) continue;
            sentences += a.spans.sentences.length;
            parsedSentences += a.spans.syntax!.length;
            for (const p of a.spans.syntax!) parsedWords += p.words.length;
          }
        }
        t[v] += performance.now() - t0;
        const c1 = process.cpuUsage(c0);
        cpu[v] += (c1.user + c1.system) / 1000;
      }
    }
    for (let v = 0; v < nv; v++) best[v] = Math.min(best[v], t[v]);
    for (let v = 0; v < nv; v++) bestCpu[v] = Math.min(bestCpu[v], cpu[v]);
    added.push(t[1] / t[0] - 1);
    events.push(t[2] / t[1] - 1);
    syntax.push(t[3] / t[2] - 1);
  }
  const [tFound, tQuotes, tNoSyntax, tFull] = best;
  const n = items.length;
  return {
    articles: items.length,
    sentences,
    foundationMsPerArticle: tFound / n,
    actorsQuotesMsPerArticle: tQuotes / n,
    fullMsPerArticle: tFull / n,
    addedShare: median(added),
    eventsShare: median(events),
    addedShareRange: [Math.min(...added), Math.max(...added)],
    noSyntaxMsPerArticle: tNoSyntax / n,
    syntaxShare: median(syntax),
    syntaxPartOfFull: 1 - tNoSyntax / tFull,
    parsedSentences,
    parsedWords,
    parsedWordsPerSec: parsedWords / ((tFull - tNoSyntax) / 1000),
    fullSentencesPerSec: sentences / (tFull / 1000),
    noSyntaxSentencesPerSec: sentences / (tNoSyntax / 1000),
    cpu: {
      fullSentencesPerSec: sentences / (bestCpu[3] / 1000),
      noSyntaxSentencesPerSec: sentences / (bestCpu[2] / 1000),
      parsedWordsPerSec: parsedWords / ((bestCpu[3] - bestCpu[2]) / 1000),
    },
    later,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * `benchStages` in a worker thread with the heap bounds of entente's analysis threads
 * (`threadLimits()`, every stage): the pipeline timed as ingest runs it, not with the main thread's defaults.
 *
 * @example const r = await benchStagesInThread('../shared/corpus/reuters21578.jsonl'); r.addedShare // 0.4
 */
export function benchStagesInThread(corpus: string, rounds = 7): Promise<StageBench> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./stages-thread.js', import.meta.url), { workerData: { corpus, rounds }, resourceLimits: { ...threadLimits() } });
    w.once('message', (r: StageBench) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`the stages benchmark thread exited with code ${code}`)));
  });
}
