import { EntenteError } from '../model/errors.js';

/**
 * What `createApp` takes beside the store; every limit has its default here and nowhere else.
 */
export interface ServerOptions {
  /** when set, write routes need `Authorization: Bearer <token>` */
  token?: string;
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
  /** where failures that are bugs are written (standard error by default) */
  log: (message: string) => void;
}

/** The defaults: a dashboard page of 50, an ingest request of at most 100 articles and 10 MiB. */
export const DEFAULT_SERVER_OPTIONS: Readonly<ServerOptions> = Object.freeze({
  defaultLimit: 50,
  maxLimit: 500,
  ingestMaxItems: 100,
  ingestMaxBytes: 10 * 1024 * 1024,
  articleMaxBytes: 10 * 1024 * 1024,
  log: (message: string) => process.stderr.write(message + '\n'),
});

/** @example serverOptions({ token: 's3cret' }).maxLimit // 500 */
export function serverOptions(given: Partial<ServerOptions> = {}): Readonly<ServerOptions> {
  const o = { ...DEFAULT_SERVER_OPTIONS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  for (const k of ['defaultLimit', 'maxLimit', 'ingestMaxItems', 'ingestMaxBytes', 'articleMaxBytes'] as const) {
    if (!Number.isSafeInteger(o[k]) || o[k] <= 0) throw new EntenteError('E_SERVER_OPTIONS', `server option ${k} must be a positive whole number, got ${o[k]}`);
  }
  if (o.defaultLimit > o.maxLimit) throw new EntenteError('E_SERVER_OPTIONS', `server option defaultLimit (${o.defaultLimit}) is over maxLimit (${o.maxLimit})`);
  if (o.token !== undefined && o.token.trim() === '') throw new EntenteError('E_SERVER_OPTIONS', 'server option token is empty');
  return Object.freeze(o);
}
