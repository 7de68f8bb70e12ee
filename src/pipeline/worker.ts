/**
 * A worker thread of the analyzer pool: runs the pure stages on batches of raw items and sends
 * back packed articles or skips. It touches no store, file or clock.
 *
 * In a chain (`pool.ts`) a thread has one of two parts: the first runs the early stages and sends
 * each batch's drafts straight to the finishing thread over its own port; the finishing thread
 * runs the last stages on them and sends the packed articles back to the pool.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeBatch, draftBatch, finishBatch, selectStages, type Draft } from './index.js';
import { decodeSpans, encodeSpans, packArticle, type PackedArticle } from '../store/codec.js';
import type { RawItem } from '../ingest/items.js';
import type { Skipped } from '../model/errors.js';

export interface WorkRequest {
  batch: number;
  items: RawItem[];
}

/** What a first thread of a chain sends its finishing thread, and the port it is sent on. */
export interface DraftBatch {
  batch: number;
  drafts: (SentDraft | Skipped)[];
}

/**
 * A draft as it crosses from a chain's first thread to its finishing thread: the sentence and
 * token spans as bytes (the store's encoding). Copied between threads, a story's hundreds of
 * small span objects took as long as the parser, on both sides; bytes copy at once.
 */
type SentDraft = Omit<Draft, 'sentences' | 'tokens'> & { sentenceBytes: Uint8Array; tokenBytes: Uint8Array };

function send(d: Draft): SentDraft {
  const { sentences, tokens, ...rest } = d;
  return { ...rest, sentenceBytes: encodeSpans(sentences ?? []), tokenBytes: encodeSpans(tokens ?? []) };
}

function received(d: SentDraft): Draft {
  const { sentenceBytes, tokenBytes, ...rest } = d;
  return { ...rest, sentences: decodeSpans(sentenceBytes), tokens: decodeSpans(tokenBytes) };
}

/** How the pool gives the finishing thread a first thread's end of their port. */
export interface FinisherPort {
  port: MessagePort;
}

export type WorkReply =
  | { batch: number; started: true }
  /** a chain's first thread has sent the batch's drafts on: its time limit stops here */
  | { batch: number; handed: true }
  | { batch: number; results: (PackedArticle | Skipped)[] }
  | { batch: number; error: { name: string; code?: string; message: string; stack?: string } };

/**
 * `part`: absent for a thread that runs every stage it is given; `first` sends drafts on `port`;
 * `finish` takes them and runs the stages of `stages` from the `from`-th on (the whole list is
 * checked, as one pipeline).
 */
export interface WorkerData {
  stages?: readonly string[];
  part?: 'first' | 'finish';
  port?: MessagePort;
  from?: number;
}

const data = (workerData ?? {}) as WorkerData;
const stages = selectStages(data.stages).slice(data.part === 'finish' ? data.from : 0);

// the stages load their dictionaries at first use (about a second): done here, before any batch,
// so that a batch's time limit measures the batch and not the thread's start (a finishing thread
// has no limit, and its drafts come from stages it does not load)
if (data.part !== 'finish') analyzeBatch([{ text: 'Germany praised France on Monday, officials in Paris said.\n\n“We agree,” the foreign minister told reporters.' }], stages);

/** The reply for a batch that `cause` stopped: only a contract or data-file error gets here (the stages turn the rest into skips). */
function failure(batch: number, cause: unknown): WorkReply {
  const e = cause as Error & { code?: string };
  return { batch, error: { name: e.name, code: e.code, message: e.message, stack: e.stack } };
}

if (data.part === 'finish') {
  // the first threads' ports come in messages, one per thread (a replaced thread brings a new one)
  parentPort!.on('message', ({ port }: FinisherPort) => {
    port.on('message', (d: DraftBatch) => {
      let reply: WorkReply;
      try {
        reply = { batch: d.batch, results: finishBatch(d.drafts.map((x) => ('skipped' in x ? x : received(x))), stages).map((a) => ('skipped' in a ? a : packArticle(a))) };
      } catch (cause) {
        reply = failure(d.batch, cause);
      }
      parentPort!.postMessage(reply);
    });
  });
} else {
  parentPort!.on('message', (req: WorkRequest) => {
    // the pool's time limit for the batch starts now
    parentPort!.postMessage({ batch: req.batch, started: true } satisfies WorkReply);
    try {
      if (data.part === 'first') {
        data.port!.postMessage({ batch: req.batch, drafts: draftBatch(req.items, stages).map((x) => ('skipped' in x ? x : send(x))) } satisfies DraftBatch);
        parentPort!.postMessage({ batch: req.batch, handed: true } satisfies WorkReply);
      } else parentPort!.postMessage({ batch: req.batch, results: analyzeBatch(req.items, stages).map((a) => ('skipped' in a ? a : packArticle(a))) } satisfies WorkReply);
    } catch (cause) {
      // the finishing thread never sees a batch that failed here
      parentPort!.postMessage(failure(req.batch, cause));
    }
  });
}
