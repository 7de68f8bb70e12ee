/**
 * Two kinds of failure, two mechanisms (docs/style.md §6):
 * - a bug or a bad data/configuration file throws an `EntenteError` with a stable `code`;
 * - bad input is a value, `Skipped`, that the batch records before moving on.
 */
export class EntenteError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(`[entente] ${message}`, options);
    this.name = 'EntenteError';
    this.code = code;
  }
}

/** A data file under `data/` is malformed. @example new DataFileError('data/x.json', 'duplicate id "a"') */
export class DataFileError extends EntenteError {
  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super('E_DATA_FILE', `[${file}] ${detail}`, options);
    this.name = 'DataFileError';
  }
}

/** The user asked for something that cannot be done (bad flag, missing path). */
export class UsageError extends EntenteError {
  constructor(message: string) {
    super('E_USAGE', message);
    this.name = 'UsageError';
  }
}

export type SkipReason =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'malformed-html'
  | 'malformed-json'
  | 'no-body'
  | 'not-english'
  | 'unreadable'
  | 'pipeline-error';

/** Why one input item was not stored. Recorded in the store and printed in the batch summary. */
export interface Skipped {
  skipped: true;
  reason: SkipReason;
  /** the input item: a path, `path#line`, or `-` */
  origin: string;
  /** a sentence a person can act on */
  detail: string;
}

/** @example skip('empty', 'a.txt', 'the file has 0 bytes') */
export function skip(reason: SkipReason, origin: string, detail: string): Skipped {
  return { skipped: true, reason, origin, detail };
}

export function isSkipped(x: unknown): x is Skipped {
  return typeof x === 'object' && x !== null && (x as Skipped).skipped === true;
}
