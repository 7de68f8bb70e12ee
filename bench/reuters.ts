import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IngestBench {
  file: string;
  articles: number;
  stored: number;
  skipped: number;
  sentences: number;
  seconds: number;
  articlesPerSec: number;
  sentencesPerSec: number;
  mbPerSec: number;
  peakRssMB: number;
  skippedByReason: Record<string, number>;
}

/**
 * Times the library's `ingest` (what `entente ingest` runs) on a corpus (a file or a folder) into a
 * fresh SQLite file, in a child process so that its peak RSS is the pipeline's alone; `stages`
 * limits the pipeline to those stages (the foundation's text stages, say). The wall time includes start-up, reading, cleaning, nlp and
 * one transaction per article.
 *
 * @example const r = benchIngest('dist/bench/ingest-child.js', '../shared/corpus/reuters21578.jsonl');
 */
export function benchIngest(child: string, corpus: string, stages?: readonly string[]): IngestBench {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  try {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [child, corpus, join(dir, 'bench.db'), ...(stages ? [stages.join(',')] : [])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`ingest failed (${run.status}): ${run.stderr}`);
    const s = JSON.parse(run.stdout.trim().split('\n').pop()!);
    const articles = s.stored + s.unchanged + s.skipped;
    return {
      file: corpus,
      articles,
      stored: s.stored,
      skipped: s.skipped,
      sentences: s.sentences,
      seconds: wall,
      articlesPerSec: articles / wall,
      sentencesPerSec: s.sentences / wall,
      mbPerSec: sizeOf(corpus) / 1024 / 1024 / wall,
      peakRssMB: s.peakRssMB,
      skippedByReason: s.skippedByReason,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes of a file, or of every file directly in a folder. */
function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((n, f) => n + statSync(join(path, f)).size, 0);
}
