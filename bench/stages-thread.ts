/**
 * Runs `benchStages` inside a worker thread, for `benchStagesInThread`: the stages are timed with
 * the heap bounds entente's analysis threads have, as `entente ingest` runs them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { benchStages } from './stages.js';

const { corpus, rounds } = workerData as { corpus: string; rounds: number };
parentPort!.postMessage(benchStages(corpus, rounds));
