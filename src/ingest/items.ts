import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { InputFormat } from '../model/article.js';
import { skip, type Skipped } from '../model/errors.js';
import { decodeBytes } from './decode.js';
import { detectFormat } from './format.js';
import { expandPaths } from './paths.js';

/** Metadata that came with the input itself (a JSON line's fields): trusted over anything inferred. */
export interface GivenMeta {
  title?: string;
  date?: string;
  url?: string;
  source?: string;
  /** where a page fetched from the web came from (`entente watch`), kept in the article's metadata */
  fetched?: FetchedMeta;
}

/** A fetched page's provenance: the URL asked for (a feed's link), when, the feed, and its summary. */
export interface FetchedMeta {
  /** the URL asked for; `url` is where the redirects ended */
  from: string;
  /** ISO time the page came */
  at: string;
  /** the feed whose entry linked it */
  feed?: string;
  /** the feed entry's summary, plain text */
  summary?: string;
}

/** One article's raw input, decoded, with its format known: what `analyze()` takes. */
export interface RawItem {
  origin: string;
  text: string;
  format: InputFormat;
  encoding: string;
  given: GivenMeta;
}

export interface ReadOptions {
  /** an item larger than this is skipped as too large (a JSON lines file is judged line by line) */
  maxBytes: number;
  /** what `-` reads (default: standard input) */
  stdin?: AsyncIterable<Buffer | string>;
  /**
   * Stops the reading: no further file is opened, and standard input is read no further, but the
   * lines already read from it still come out (they cannot be read again).
   */
  signal?: AbortSignal;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads every input item under the given paths: one per file, one per JSON line, one for
 * standard input. Never throws for bad input: each bad item comes out as a `Skipped`.
 *
 * @example
 * for await (const item of readItems(['examples/'])) if (!('skipped' in item)) console.log(item.origin, item.format);
 */
export async function* readItems(paths: string[], opts: ReadOptions = { maxBytes: DEFAULT_MAX_BYTES }): AsyncGenerator<RawItem | Skipped> {
  for await (const p of expandPaths(paths)) {
    if (opts.signal?.aborted) return;
    if (p.kind === 'missing') {
      yield skip('unreadable', p.path, 'no such file or folder, or the pattern matched nothing');
    } else if (p.kind === 'stdin') {
      yield* readStdin(untilAborted(opts.stdin ?? process.stdin, opts.signal), opts);
    } else {
      // a file can be read again: its rest is left for the next run
      for await (const item of readFile(p.path, opts)) {
        yield item;
        if (opts.signal?.aborted) return;
      }
    }
  }
}

/**
 * The chunks of `input` until `signal` aborts, even while waiting on an idle stream (a terminal,
 * `tail -f`); the wait is dropped and the stream released, so the process can end.
 */
async function* untilAborted(input: AsyncIterable<Buffer | string>, signal: AbortSignal | undefined): AsyncGenerator<Buffer | string> {
  const source = input[Symbol.asyncIterator]();
  if (!signal) {
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    return;
  }
  const aborted = new Promise<'aborted'>((res) => (signal.aborted ? res('aborted') : signal.addEventListener('abort', () => res('aborted'), { once: true })));
  try {
    for (;;) {
      const pending = source.next();
      // after an abort this read is never awaited: its failure (the stream destroyed) is no one's
      pending.catch(() => {});
      const next = await Promise.race([pending, aborted]);
      if (next === 'aborted' || next.done) return;
      yield next.value;
    }
  } finally {
    if (signal.aborted) {
      void source.return?.()?.catch(() => {});
      if (input === process.stdin) process.stdin.destroy();
    }
  }
}

async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<RawItem | Skipped> {
  let size: number;
  let head: Buffer;
  try {
    size = (await stat(path)).size;
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(Math.min(size, 64 * 1024));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (cause) {
    yield skip('unreadable', path, `cannot read the file: ${(cause as Error).message}`);
    return;
  }
  if (size === 0) {
    yield skip('empty', path, 'the file has 0 bytes');
    return;
  }
  const headText = head.toString('utf8');
  if (detectFormat(headText, path) === 'jsonl' && !head.includes(0)) {
    // a .json file may be one document (an article object, or an array of them) spread over lines
    if (/\.json$/i.test(path) && size <= opts.maxBytes) {
      const doc = await readJsonDocument(path);
      if (doc !== undefined) {
        yield* fromJsonDocument(doc, path, opts);
        return;
      }
    }
    yield* readJsonLines(path, opts);
    return;
  }
  if (size > opts.maxBytes) {
    yield skip('too-large', path, `the file has ${mb(size)} MB, over the ${mb(opts.maxBytes)} MB limit for one article (--max-bytes)`);
    return;
  }
  let bytes: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      bytes = (await fh.readFile()) as Buffer;
    } finally {
      await fh.close();
    }
  } catch (cause) {
    yield skip('unreadable', path, `cannot read the file: ${(cause as Error).message}`);
    return;
  }
  yield* fromBytes(bytes, path, opts);
}

function* fromBytes(bytes: Uint8Array, origin: string, opts: ReadOptions): Generator<RawItem | Skipped> {
  if (bytes.length > opts.maxBytes) {
    yield skip('too-large', origin, `the input has ${mb(bytes.length)} MB, over the ${mb(opts.maxBytes)} MB limit for one article (--max-bytes)`);
    return;
  }
  const decoded = decodeBytes(bytes, origin);
  if ('skipped' in decoded) {
    yield decoded;
    return;
  }
  if (!/\S/.test(decoded.text)) {
    yield skip('empty', origin, `the input holds only white space (${bytes.length} bytes)`);
    return;
  }
  const format = detectFormat(decoded.text, origin);
  if (format === 'jsonl') {
    let n = 0;
    for (const line of decoded.text.split('\n')) {
      n++;
      if (line.trim()) yield fromJsonLine(line, `${origin}#${n}`, opts);
    }
    return;
  }
  yield { origin, text: decoded.text, format, encoding: decoded.encoding, given: {} };
}

function readJsonLines(path: string, opts: ReadOptions): AsyncGenerator<RawItem | Skipped> {
  return jsonLines(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), path, opts);
}

async function* jsonLines(input: NodeJS.ReadableStream, origin: string, opts: ReadOptions): AsyncGenerator<RawItem | Skipped> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim()) yield fromJsonLine(n === 1 ? line.replace(/^\uFEFF/, '') : line, `${origin}#${n}`, opts);
    }
  } catch (cause) {
    yield skip('unreadable', `${origin}#${n + 1}`, `reading stopped: ${(cause as Error).message}`);
  }
}

/** The whole file as one JSON value, or undefined when it is not one (then it is read as JSON lines). */
async function readJsonDocument(path: string): Promise<unknown> {
  try {
    const text = (await readFileUtf8(path)).replace(/^\uFEFF/, '');
    // one object per line also parses line by line; only a document that needs its line breaks is one
    if (!/^\s*[[{][^\n]*\n\s*["\]}{]/.test(text)) return undefined;
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function* fromJsonDocument(doc: unknown, path: string, opts: ReadOptions): Generator<RawItem | Skipped> {
  if (Array.isArray(doc)) {
    for (let i = 0; i < doc.length; i++) yield fromJsonValue(doc[i], `${path}#${i + 1}`, opts);
  } else yield fromJsonValue(doc, path, opts);
}

async function readFileUtf8(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

const TEXT_FIELDS = ['text', 'html', 'body', 'content'] as const;

/**
 * One JSON line → one raw item. It must be an object with a `text` or `html` string; optional
 * `title`, `date`, `url`, `source` strings are taken as given (a `date` is read by the clean stage).
 *
 * @example fromJsonLine('{"text":"Hi there."}', 'a.jsonl#1', { maxBytes: 1e6 }).format // 'text'
 */
export function fromJsonLine(line: string, origin: string, opts: ReadOptions): RawItem | Skipped {
  if (line.length > opts.maxBytes) {
    return skip('too-large', origin, `the line has ${mb(line.length)} MB, over the ${mb(opts.maxBytes)} MB limit (--max-bytes)`);
  }
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (cause) {
    return skip('malformed-json', origin, `not valid JSON: ${(cause as Error).message}`);
  }
  return fromJsonValue(obj, origin, opts);
}

/** One parsed JSON value → one raw item, or a skip saying what the value lacks. */
export function fromJsonValue(obj: unknown, origin: string, opts: ReadOptions): RawItem | Skipped {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return skip('malformed-json', origin, 'a JSON line must be an object with a "text" or "html" field');
  }
  const rec = obj as Record<string, unknown>;
  const field = TEXT_FIELDS.find((f) => typeof rec[f] === 'string');
  if (!field) return skip('malformed-json', origin, 'the object has no "text" or "html" string field');
  const text = rec[field] as string;
  if (!text.trim()) return skip('empty', origin, `the "${field}" field is empty`);
  const str = (k: string) => (typeof rec[k] === 'string' && (rec[k] as string).trim() ? (rec[k] as string).trim() : undefined);
  const detected = detectFormat(text, '');
  const format: InputFormat = field === 'html' || detected === 'html' ? 'html' : detected === 'markdown' ? 'markdown' : 'text';
  // a date that is not a string is still a given date: a number is read as its digits
  // (PETRARCH's 20210323), anything else is rejected by the clean stage with its reason, on record
  const date = rec.date === undefined || rec.date === null || typeof rec.date === 'string' ? str('date') : typeof rec.date === 'number' ? String(rec.date) : JSON.stringify(rec.date);
  return { origin, text, format, encoding: 'utf-8', given: { title: str('title'), date, url: str('url'), source: str('source') } };
}

/**
 * Standard input: JSON lines are read line by line as they come, so a stream of any length
 * (`generate | entente ingest -`) keeps memory flat; anything else is one article, read whole.
 */
async function* readStdin(input: AsyncIterable<Buffer | string>, opts: ReadOptions): AsyncGenerator<RawItem | Skipped> {
  const source = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  // up to 64 KiB decide the format, or less: a first whole line that is a JSON object says JSON
  // lines, and they are read as they come (an idle `tail -f` feed is not held back)
  while (size < 64 * 1024) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(10) && firstLineIsJson(Buffer.concat(head))) break;
  }
  const start = Buffer.concat(head);
  if (detectFormat(start.toString('utf8'), '-') === 'jsonl' && !start.includes(0)) {
    const rest = async function* () {
      yield start;
      if (!ended) for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    };
    yield* jsonLines(Readable.from(rest(), { objectMode: false }), '-', opts);
    return;
  }
  const chunks: Buffer[] = [start];
  if (!ended) {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      size += chunk.length;
      // past the limit the input is only counted, not kept
      if (size <= opts.maxBytes) chunks.push(chunk);
    }
  }
  if (size > opts.maxBytes) {
    yield skip('too-large', '-', `the input has ${mb(size)} MB, over the ${mb(opts.maxBytes)} MB limit for one article (--max-bytes)`);
    return;
  }
  yield* fromBytes(Buffer.concat(chunks), '-', opts);
}

function firstLineIsJson(head: Buffer): boolean {
  const text = head.toString('utf8');
  return detectFormat(text.slice(0, text.indexOf('\n') + 1), '-') === 'jsonl';
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
