import { UsageError } from '../model/errors.js';
import type { Article } from '../model/article.js';
import { analyze } from '../pipeline/index.js';
import { DEFAULT_MAX_BYTES, readItems } from '../ingest/index.js';
import { forTerminal } from './terminal-text.js';

/** Exit codes, the same for every command (documented in `--help` and the README). */
export const EXIT = Object.freeze({ ok: 0, fatal: 1, usage: 2, skipped: 3, environment: 4, corrupt: 5 });

/** The exit codes as `--help` states them. */
export const EXIT_HELP =
  `Exit code: ${EXIT.ok} done; ${EXIT.skipped} done, some inputs skipped (listed); ${EXIT.usage} usage error; ${EXIT.fatal} fatal error; ` +
  `${EXIT.environment} the machine refused (disk full, read-only or missing database, no permission, a path through a file); ${EXIT.corrupt} the database is damaged.`;

/** @example parseMaxBytes('1048576') // 1048576 */
export function parseMaxBytes(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive whole number of bytes, got "${String(v)}"`);
  return n;
}

/** The positional PATH… of a command, de-duplicated, in the order given. */
export function pathsOf(args: { _: unknown[] } & Record<string, unknown>, first: string): string[] {
  return [String(args[first]), ...args._.slice(1).map(String)].filter((p, i, all) => all.indexOf(p) === i);
}

/** `--threads`: a whole number ≥ 0, or `auto`. @example parseThreads('auto', 1) // 1 */
export function parseThreads(v: unknown, auto: number): number {
  if (v === undefined || v === 'auto') return auto;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--threads must be auto or a whole number from 0 to 64, got "${String(v)}"`);
  return n;
}

/**
 * The loop of the commands that print one record per article without storing (`extract`,
 * `quotes`, `actors`): read, analyse, and print each article, or its skip (as a JSON line with
 * --json, else on standard error); the exit code says whether anything was skipped.
 *
 * @example await eachArticle(['a.txt'], 1e6, true, (a) => ({ id: a.id }), (a) => a.id);
 */
export async function eachArticle(
  paths: string[],
  maxBytes: number,
  json: boolean,
  record: (a: Article) => unknown,
  readable: (a: Article) => string,
): Promise<void> {
  let skipped = 0;
  for await (const item of readItems(paths, { maxBytes })) {
    const a = 'skipped' in item ? item : analyze(item);
    if ('skipped' in a) {
      skipped++;
      if (json) process.stdout.write(JSON.stringify({ file: a.origin, skipped: { reason: a.reason, detail: a.detail } }) + '\n');
      else process.stderr.write(forTerminal(`skipped ${a.origin}: ${a.reason}: ${a.detail}`) + '\n');
      continue;
    }
    process.stdout.write(json ? JSON.stringify(record(a)) + '\n' : forTerminal(readable(a)));
  }
  process.exitCode = skipped > 0 ? EXIT.skipped : EXIT.ok;
}

/** The arguments of the commands that print one record per article without storing. */
export const ARTICLE_ARGS = {
  paths: { type: 'positional', description: 'files, folders, globs or - (standard input)', required: true, valueHint: 'PATH…' },
  json: { type: 'boolean', description: 'one JSON line per input (otherwise a readable listing)', default: false },
  'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
} as const;
