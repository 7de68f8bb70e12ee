/**
 * Scores the HTML cleaner on the shared article-extraction pages with the shared scorer
 * (`../shared/article-extraction/evaluate.mjs`, imported, so the numbers are the scorer's own).
 *
 * Run directly: `node --import tsx eval/extraction.ts [DEV_DIR]` prints P/R/F1/accuracy and the
 * ten worst pages by F1.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanHtml } from '../src/clean/html/index.js';

/** The parts of evaluate.mjs used here. */
interface Scorer {
  loadTruth(dataDir: string, split: string): { truth: Map<string, string> };
  evaluate(
    truth: Map<string, string>,
    pred: Map<string, string>,
    opts: { nBootstrap: number; seed?: number },
  ): { f1: number; precision: number; recall: number; accuracy: number; n: number; perArticle: { id: string; precision: number; recall: number; f1: number }[] };
}

/**
 * Scores of one run, with the predictions and per-page F1.
 *
 * @example (await evalExtraction(dir)).perPage.sort((a, b) => a.f1 - b.f1)[0].id
 */
export interface ExtractionScores {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  predictions: Record<string, string>;
  perPage: { id: string; precision: number; recall: number; f1: number }[];
}

/**
 * The default dev folder: `../shared/article-extraction/dev`, resolved from the working directory (the repository root).
 *
 * @example await evalExtraction(DEFAULT_DEV_DIR)
 */
export const DEFAULT_DEV_DIR = resolve('../shared/article-extraction/dev');

/**
 * Runs `cleanHtml` over every `<id>.html` in `devDir` and scores the bodies against `<id>.json`
 * with the scorer beside the folder (`devDir/../evaluate.mjs`). A page that fails to clean is
 * scored as an empty body.
 *
 * @example
 * const s = await evalExtraction('../shared/article-extraction/dev');
 * s.f1 // e.g. 0.97
 */
export async function evalExtraction(devDir: string): Promise<ExtractionScores> {
  const dir = resolve(devDir);
  const scorer = (await import(pathToFileURL(join(dirname(dir), 'evaluate.mjs')).href)) as Scorer;
  const { truth } = scorer.loadTruth(dirname(dir), basename(dir));
  const predictions: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const id = file.slice(0, -'.html'.length);
    const rec = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { url?: string };
    const r = cleanHtml(readFileSync(join(dir, file), 'utf8'), rec.url ? { url: rec.url } : {});
    predictions[id] = 'ok' in r ? '' : r.text;
  }
  const aligned = new Map([...truth.keys()].map((id) => [id, predictions[id] ?? '']));
  const m = scorer.evaluate(truth, aligned, { nBootstrap: 0 });
  return {
    pages: m.n,
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    accuracy: m.accuracy,
    predictions,
    perPage: m.perArticle.map(({ id, precision, recall, f1 }) => ({ id, precision, recall, f1 })),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? DEFAULT_DEV_DIR;
  const s = await evalExtraction(dir);
  console.log(`pages ${s.pages}  F1 ${s.f1.toFixed(4)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  accuracy ${s.accuracy.toFixed(4)}`);
  console.log('worst pages by F1:');
  for (const p of [...s.perPage].sort((a, b) => a.f1 - b.f1).slice(0, 10)) {
    console.log(`  ${p.id.slice(0, 16)}  F1 ${p.f1.toFixed(3)}  P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}`);
  }
}
