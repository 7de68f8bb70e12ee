import { defineCommand } from 'citty';
import { createAnalyzer, defaultThreads } from '../../pipeline/pool.js';
import type { Article } from '../../model/article.js';
import type { PackedArticle } from '../../store/codec.js';
import { DEFAULT_MAX_BYTES, readItems } from '../../ingest/index.js';
import { openStore } from '../../store/index.js';
import type { SkipReason, Skipped } from '../../model/errors.js';
import { Progress } from '../progress.js';
import { EXIT, parseMaxBytes, parseThreads, pathsOf } from '../shared.js';

/** Articles in flight between reading and writing: enough to keep the threads busy, small enough to keep memory flat. */
const WINDOW = 512;

export default defineCommand({
  meta: {
    name: 'ingest',
    description:
      'Read articles (files, folders, globs, JSON lines, - for standard input), clean them and store them. ' +
      `Exit code: ${EXIT.ok} all stored or unchanged; ${EXIT.skipped} finished, some inputs skipped (listed); ${EXIT.usage} usage error; ${EXIT.fatal} fatal error (e.g. the database cannot be opened).`,
  },
  args: {
    paths: { type: 'positional', description: 'files, folders, globs or - (standard input)', required: true, valueHint: 'PATH…' },
    db: { type: 'string', description: 'SQLite file (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
    threads: { type: 'string', description: 'analysis threads beside the writing one: a number, 0 to analyse inline, or auto (cores − 1)', default: 'auto' },
    quiet: { type: 'boolean', description: 'print only the summary', default: false },
    json: { type: 'boolean', description: 'print the summary as one JSON object on standard output', default: false },
  },
  async run({ args }) {
    const paths = pathsOf(args, 'paths');
    const maxBytes = parseMaxBytes(args['max-bytes']);
    const threads = parseThreads(args.threads, defaultThreads());
    const store = await openStore(args.db, process.env);
    const analyzer = createAnalyzer(threads);
    const counts = { stored: 0, unchanged: 0, skipped: 0, sentences: 0 };
    const byReason: Partial<Record<SkipReason, number>> = {};
    const skips: Skipped[] = [];
    const started = performance.now();
    const progress = new Progress('ingest', process.stderr, !args.quiet);
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
    };
    process.once('SIGINT', onSigint);
    const rate = () => ((counts.stored + counts.unchanged + counts.skipped) / ((performance.now() - started) / 1000)).toFixed(0);
    const settle = async (result: Article | PackedArticle | Skipped) => {
      if ('skipped' in result) {
        await store.recordSkip(result);
        counts.skipped++;
        byReason[result.reason] = (byReason[result.reason] ?? 0) + 1;
        if (skips.length < 1000) skips.push(result);
        if (!args.quiet && !args.json) {
          progress.clear();
          process.stderr.write(`skipped ${result.origin}: ${result.reason}: ${result.detail}\n`);
        }
      } else {
        counts[await store.putArticle(result)]++;
        counts.sentences += 'packed' in result ? result.packed.nSentences : result.spans.sentences.length;
      }
      progress.tick(() => `${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped (${rate()}/s)`);
    };
    // results are written in input order, from this thread only: one writer, one transaction an article
    const inFlight: Promise<Article | PackedArticle | Skipped>[] = [];
    try {
      for await (const item of readItems(paths, { maxBytes })) {
        inFlight.push('skipped' in item ? Promise.resolve(item) : analyzer.analyze(item));
        while (inFlight.length >= WINDOW) await settle(await inFlight.shift()!);
        if (interrupted) break;
      }
      while (inFlight.length) await settle(await inFlight.shift()!);
    } finally {
      progress.done();
      process.off('SIGINT', onSigint);
      await analyzer.close();
      await store.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const summary = { ...counts, skippedByReason: byReason, threads, seconds: Number(seconds.toFixed(2)), peakRssMB, db: store.location, interrupted };
    if (args.json) {
      process.stdout.write(JSON.stringify({ ...summary, skips }) + '\n');
    } else {
      const reasons = Object.entries(byReason).map(([r, n]) => `${r} ${n}`).join(', ');
      process.stderr.write(
        `${interrupted ? 'interrupted: ' : ''}${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped${reasons ? ` (${reasons})` : ''}` +
          ` in ${seconds.toFixed(1)} s → ${store.location}\n`,
      );
    }
    process.exitCode = interrupted ? EXIT.fatal : counts.skipped > 0 ? EXIT.skipped : EXIT.ok;
  },
});
