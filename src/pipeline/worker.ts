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
  | { batch: number; results: (PackedArticle | Skipped)[] }
  | { batch: number; error: { name: string; code?: string; message: string; stack?: string } };

const stages = selectStages((workerData as { stages?: string[] } | null)?.stages);

parentPort!.on('message', (req: WorkRequest) => {
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
