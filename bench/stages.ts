import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { THREAD_LIMITS } from '../src/pipeline/pool.js';
import { analyze, STAGES } from '../src/pipeline/index.js';
import { fromJsonLine, type RawItem } from '../src/ingest/items.js';

export interface StageBench {
  articles: number;
  sentences: number;
  /** ms per article for the foundation stages (ingest → clean → nlp), and for the whole pipeline */
  foundationMsPerArticle: number;
  /** foundation + actors + quotes (issue 4's budget: at most +50 % on the foundation) */
  actorsQuotesMsPerArticle: number;
  fullMsPerArticle: number;
  /** how much actors and quotes add to the foundation's time per article */
  addedShare: number;
  /** how much the events stage adds on top of actors and quotes */
  eventsShare: number;
  fullSentencesPerSec: number;
  /** the stages counted as "later" */
  later: string[];
  peakRssMB: number;
}

/** The stages of the foundation pipeline (issue 3): everything before actors and quotes. */
export const FOUNDATION_STAGES: readonly string[] = ['clean', 'sentences', 'tokens', 'language', 'identity'];
const FOUNDATION = new Set(FOUNDATION_STAGES);

/**
 * Times the pipeline in one thread on a JSON lines corpus, first with the foundation stages only,
 * then with every stage, alternating rounds so that warm-up falls on both, and keeps the fastest
 * round of each.
 *
 * @example const r = benchStages('../shared/corpus/reuters21578.jsonl'); r.addedShare // 0.4
 */
export function benchStages(corpus: string, rounds = 5): StageBench {
  const items: RawItem[] = [];
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const it = fromJsonLine(line, 'bench', { maxBytes: 1e8 });
    if (!('skipped' in it)) items.push(it);
  }
  const foundation = STAGES.filter((s) => FOUNDATION.has(s.name));
  const withQuotes = STAGES.filter((s) => s.name !== 'events');
  const later = STAGES.filter((s) => !FOUNDATION.has(s.name)).map((s) => s.name);
  // one article through every stage first, so dictionaries load outside the timing
  analyze(items[0]);
  // the fastest round of each: other load on the machine only ever adds time
  let tFound = Infinity;
  let tQuotes = Infinity;
  let tFull = Infinity;
  let sentences = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (const it of items) analyze(it, foundation);
    tFound = Math.min(tFound, performance.now() - t);
    t = performance.now();
    for (const it of items) analyze(it, withQuotes);
    tQuotes = Math.min(tQuotes, performance.now() - t);
    t = performance.now();
    sentences = 0;
    for (const it of items) {
      const a = analyze(it);
      if (!('skipped' in a)) sentences += a.spans.sentences.length;
    }
    tFull = Math.min(tFull, performance.now() - t);
  }
  const n = items.length;
  return {
    articles: items.length,
    sentences,
    foundationMsPerArticle: tFound / n,
    actorsQuotesMsPerArticle: tQuotes / n,
    fullMsPerArticle: tFull / n,
    addedShare: tQuotes / tFound - 1,
    eventsShare: tFull / tQuotes - 1,
    fullSentencesPerSec: sentences / (tFull / 1000),
    later,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * `benchStages` in a worker thread with the heap bounds of entente's analysis threads
 * (`THREAD_LIMITS`): the pipeline timed as ingest runs it, not with the main thread's defaults.
 *
 * @example const r = await benchStagesInThread('../shared/corpus/reuters21578.jsonl'); r.addedShare // 0.4
 */
export function benchStagesInThread(corpus: string, rounds = 5): Promise<StageBench> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./stages-thread.js', import.meta.url), { workerData: { corpus, rounds }, resourceLimits: { ...THREAD_LIMITS } });
    w.once('message', (r: StageBench) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`the stages benchmark thread exited with code ${code}`)));
  });
}
