/**
 * A worker thread of the analyzer pool: runs the pure stages on batches of raw items and sends
 * back packed articles or skips. It touches no store, file or clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeBatch, selectStages } from './index.js';
import { packArticle, type PackedArticle } from '../store/codec.js';
import type { RawItem } from '../ingest/items.js';
import type { Skipped } from '../model/errors.js';

export interface WorkRequest {
  batch: number;
  items: RawItem[];
}

export type WorkReply =
  | { batch: number; started: true }
  | { batch: number; results: (PackedArticle | Skipped)[] }
  | { batch: number; error: { name: string; code?: string; message: string; stack?: string } };

const stages = selectStages((workerData as { stages?: string[] } | null)?.stages);

// the stages load their dictionaries at first use (about a second): done here, before any batch,
// so that a batch's time limit measures the batch and not the thread's start
analyzeBatch([{ text: 'Germany praised France on Monday, officials in Paris said.\n\n“We agree,” the foreign minister told reporters.' }], stages);

parentPort!.on('message', (req: WorkRequest) => {
  // the pool's time limit for the batch starts now
  parentPort!.postMessage({ batch: req.batch, started: true } satisfies WorkReply);
  let reply: WorkReply;
  try {
    reply = {
      batch: req.batch,
      results: analyzeBatch(req.items, stages).map((a) => ('skipped' in a ? a : packArticle(a))),
    };
  } catch (cause) {
    // only a contract or data-file error gets here (analyze turns the rest into skips)
    const e = cause as Error & { code?: string };
    reply = { batch: req.batch, error: { name: e.name, code: e.code, message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
