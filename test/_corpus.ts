import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { makeArticle } from './_fixtures.js';

/** What a corpus file holds, as analysed here one article at a time. */
export interface Corpus {
  file: string;
  /** input items: one per non-blank line */
  jobs: number;
  /** lines that are not JSON, each skipped */
  bad: number;
  /** lines repeating an earlier one (same article, another origin) */
  duplicates: number;
  /** per distinct article id: its quotes, events and sentences */
  articles: Map<string, { quotes: number; events: number; sentences: number }>;
}

/**
 * N stories of our own as JSON lines in `dir`, some repeated on later lines, then some broken
 * lines; with `badEvery`, a broken line also after every that many stories, so a run of articles
 * is cut by skips.
 */
export function writeCorpus(dir: string, n: number, opts: { badEvery?: number } = {}): Corpus {
  const lines: string[] = [];
  const good: string[] = [];
  const articles = new Map<string, { quotes: number; events: number; sentences: number }>();
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const rec = { text: makeArticle(i), date: '2024-01-02' };
    good.push(JSON.stringify(rec));
    lines.push(good[i]);
    const a = analyze({ text: rec.text, origin: `x#${i}`, format: 'text', given: { date: rec.date } });
    assert.ok(!('skipped' in a));
    articles.set(a.id, { quotes: a.quotes.length, events: a.events.length, sentences: a.spans.sentences.length });
    if (opts.badEvery && i % opts.badEvery === opts.badEvery - 1) lines.push(`{"text": "unterminated in the middle ${bad++}`);
  }
  const duplicates = Math.floor(n / 20);
  for (let i = 0; i < duplicates; i++) lines.push(good[i * 7]);
  for (let i = 0; i < 5; i++) lines.push(`{"text": "unterminated ${bad++}`);
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, jobs: lines.length, bad, duplicates, articles };
}

/** Totals over the corpus's distinct articles. */
export function corpusTotals(c: Corpus): { articles: number; quotes: number; events: number } {
  const all = [...c.articles.values()];
  return { articles: all.length, quotes: all.reduce((n, a) => n + a.quotes, 0), events: all.reduce((n, a) => n + a.events, 0) };
}
