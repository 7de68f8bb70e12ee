/**
 * One scale-benchmark ingest in its own process, so that its peak RSS is its own (worker threads
 * included: they live in this process):
 *   node dist/bench/scale-child.js SOURCE DB THREADS
 * SOURCE is a corpus path or `-` (JSON lines streamed on standard input). Prints one JSON line:
 * the ingest summary, the peak RSS, the main thread's peak heap, and the RSS at each tenth of the
 * run, which shows whether memory grows with the corpus.
 */
import { ingest } from '../src/pipeline/ingest.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { DEFAULT_MAX_BYTES } from '../src/ingest/items.js';

const [source, db, threadArg, expectedArg] = process.argv.slice(2);
const threads = Number(threadArg);
const expected = Number(expectedArg ?? 0);
const store = openSqliteStore(db);
let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 200);
const curve: { items: number; rssMB: number }[] = [];
let items = 0;
let nextMark = expected > 0 ? expected / 10 : Infinity;
const started = performance.now();
const s = await ingest([source], {
  store,
  threads,
  maxBytes: DEFAULT_MAX_BYTES,
  onResult: () => {
    items++;
    if (items >= nextMark) {
      curve.push({ items, rssMB: Math.round(process.memoryUsage.rss() / 1024 / 1024) });
      nextMark += expected / 10;
    }
  },
});
const seconds = (performance.now() - started) / 1000;
await store.close();
clearInterval(timer);
sample();
const { skips: _skips, ...counts } = s;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
process.stdout.write(
  JSON.stringify({
    ...counts,
    threads,
    seconds,
    cpuSeconds: cpu(),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMB: Math.round(peakHeap / 1024 / 1024),
    curve,
  }) + '\n',
);
