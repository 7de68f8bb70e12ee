/**
 * One benchmark ingest in its own process, so that its peak RSS is its own:
 *   node dist/bench/ingest-child.js CORPUS DB [STAGE,STAGE,…]
 * Prints the summary as one JSON line.
 */
import { ingest } from '../src/pipeline/ingest.js';
import { defaultThreads } from '../src/pipeline/pool.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { DEFAULT_MAX_BYTES } from '../src/ingest/items.js';

const [corpus, db, stageList] = process.argv.slice(2);
const store = openSqliteStore(db);
const started = performance.now();
const s = await ingest([corpus], { store, threads: defaultThreads(), maxBytes: DEFAULT_MAX_BYTES, stages: stageList ? stageList.split(',') : undefined });
await store.close();
const { skips: _skips, ...counts } = s;
process.stdout.write(
  JSON.stringify({ ...counts, seconds: (performance.now() - started) / 1000, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), threads: defaultThreads() }) + '\n',
);
