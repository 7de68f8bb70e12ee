/**
 * Speed of the HTML cleaner against @mozilla/readability on a linkedom DOM, on the same pages in
 * the same process, single thread. Timing lives here, never in a test assertion.
 *
 * Run directly: `node --import tsx bench/html.ts [DEV_DIR] [ROUNDS]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanHtml } from '../src/clean/html/index.js';

/**
 * Throughput of one extractor.
 *
 * @example (await benchHtml(dir)).entente.pagesPerSec // e.g. 350
 */
export interface Throughput {
  pagesPerSec: number;
  mbPerSec: number;
}

/**
 * Result of `benchHtml`: `ratio` = entente pages/s ÷ readability pages/s.
 *
 * @example (await benchHtml(dir)).ratio // e.g. 6.6
 */
export interface HtmlBench {
  pages: number;
  mb: number;
  entente: Throughput;
  readability: Throughput;
  ratio: number;
}

/**
 * The default dev folder: `../shared/article-extraction/dev`, resolved from the working directory (the repository root).
 *
 * @example await benchHtml(DEFAULT_DEV_DIR, 3)
 */
export const DEFAULT_DEV_DIR = resolve('../shared/article-extraction/dev');

function timeRounds(pages: string[], rounds: number, run: (html: string) => unknown): number {
  run(pages[0]); // warm the JIT and load lazily read data once, outside the clock
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const html of pages) run(html);
    best = Math.min(best, performance.now() - t0);
  }
  return best / 1000;
}

/**
 * Times `cleanHtml` and Readability over every page of `devDir`, `rounds` times each, and keeps
 * each one's best round (the least disturbed by the rest of the machine).
 *
 * @example
 * const b = await benchHtml('../shared/article-extraction/dev', 3);
 * b.ratio // e.g. 4.2
 */
export async function benchHtml(devDir: string, rounds = 3): Promise<HtmlBench> {
  const dir = resolve(devDir);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  if (pages.length === 0) throw new Error(`${dir}: no .html pages`);
  const mb = pages.reduce((n, h) => n + Buffer.byteLength(h, 'utf8'), 0) / 1e6;
  const ententeSec = timeRounds(pages, rounds, (html) => cleanHtml(html));
  const readabilitySec = timeRounds(pages, rounds, (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  });
  const tp = (sec: number): Throughput => ({ pagesPerSec: pages.length / sec, mbPerSec: mb / sec });
  return { pages: pages.length, mb, entente: tp(ententeSec), readability: tp(readabilitySec), ratio: readabilitySec / ententeSec };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const b = await benchHtml(process.argv[2] ?? DEFAULT_DEV_DIR, Number(process.argv[3] ?? 3));
  const row = (name: string, t: Throughput): string => `${name.padEnd(12)} ${t.pagesPerSec.toFixed(1).padStart(7)} pages/s  ${t.mbPerSec.toFixed(2).padStart(6)} MB/s`;
  console.log(`${b.pages} pages, ${b.mb.toFixed(1)} MB`);
  console.log(row('entente', b.entente));
  console.log(row('readability', b.readability));
  console.log(`ratio ${b.ratio.toFixed(2)}x`);
}
