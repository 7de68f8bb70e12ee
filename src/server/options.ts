import { EntenteError } from '../model/errors.js';
import type { Analyzer } from '../pipeline/index.js';

/**
 * What `createApp` takes beside the store; every limit has its default here and nowhere else.
 */
export interface ServerOptions {
  /** when set, write routes need `Authorization: Bearer <token>` */
  token?: string;
  /**
   * true when the server listens beyond loopback: reads then need the token too (unless
   * `publicRead`); false (loopback) answers only requests addressed to a loopback name
   */
  exposed: boolean;
  /** an exposed server's reads are open to anyone who can reach it */
  publicRead: boolean;
  /** the dashboard's built files, served at `/`; none when absent */
  webDir?: string;
  /** items a list route answers when no `limit` is given */
  defaultLimit: number;
  /** the largest `limit` a list route accepts */
  maxLimit: number;
  /** articles one ingest request may carry */
  ingestMaxItems: number;
  /** bytes one ingest request may carry (413 beyond) */
  ingestMaxBytes: number;
  /** bytes one article of an ingest request may have, as `entente ingest --max-bytes` (skipped as too-large beyond) */
  articleMaxBytes: number;
  /** milliseconds one ingested article may take to analyse (skipped as too-large beyond) */
  analyzeTimeoutMs: number;
  /** the threads that analyse ingested articles; by default a pool started at the first ingest */
  analyzer?: Analyzer;
  /** uncached relation answers computed or waiting at once; more are refused with 503 and Retry-After */
  maxAggregations: number;
  /** items of one annotation layer (sentences, mentions…) an article's answer carries; the rest by `layer` pages */
  layerMaxItems: number;
  /** where failures that are bugs are written (standard error by default) */
  log: (message: string) => void;
}

/** The defaults: a dashboard page of 50, an ingest request of at most 100 articles and 10 MiB. */
export const DEFAULT_SERVER_OPTIONS: Readonly<ServerOptions> = Object.freeze({
  exposed: false,
  publicRead: false,
  defaultLimit: 50,
  maxLimit: 500,
  ingestMaxItems: 100,
  ingestMaxBytes: 10 * 1024 * 1024,
  articleMaxBytes: 10 * 1024 * 1024,
  analyzeTimeoutMs: 30_000,
  maxAggregations: 4,
  layerMaxItems: 2000,
  log: (message: string) => process.stderr.write(message + '\n'),
});

/** @example serverOptions({ token: 's3cret' }).maxLimit // 500 */
export function serverOptions(given: Partial<ServerOptions> = {}): Readonly<ServerOptions> {
  const o = { ...DEFAULT_SERVER_OPTIONS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  for (const k of ['defaultLimit', 'maxLimit', 'ingestMaxItems', 'ingestMaxBytes', 'articleMaxBytes', 'analyzeTimeoutMs', 'maxAggregations', 'layerMaxItems'] as const) {
    if (!Number.isSafeInteger(o[k]) || o[k] <= 0) throw new EntenteError('E_SERVER_OPTIONS', `server option ${k} must be a positive whole number, got ${o[k]}`);
  }
  if (o.defaultLimit > o.maxLimit) throw new EntenteError('E_SERVER_OPTIONS', `server option defaultLimit (${o.defaultLimit}) is over maxLimit (${o.maxLimit})`);
  if (o.token !== undefined && o.token.trim() === '') throw new EntenteError('E_SERVER_OPTIONS', 'server option token is empty');
  if (o.exposed && o.token === undefined) throw new EntenteError('E_SERVER_OPTIONS', 'an exposed server needs a token: anyone who can reach it could write to the store');
  return Object.freeze(o);
}
