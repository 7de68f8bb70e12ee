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

type Counts = { quotes: number; events: number; sentences: number };

// Story i's id and counts, analysed once per process: a file that writes several corpora (one per
// thread count or store) pays for each story's analysis once.
const analysedStories = new Map<string, [string, Counts]>();
function analysed(i: number, rec: { text: string; date: string }): [string, Counts] {
  const key = `${i}@${rec.date}`;
  let got = analysedStories.get(key);
  if (!got) {
    const a = analyze({ text: rec.text, origin: `x#${i}`, format: 'text', given: { date: rec.date } });
    assert.ok(!('skipped' in a));
    got = [a.id, { quotes: a.quotes.length, events: a.events.length, sentences: a.spans.sentences.length }];
    analysedStories.set(key, got);
  }
  return got;
}

/**
 * N stories of our own as JSON lines in `dir`, some repeated on later lines, then some broken
 * lines; with `badEvery`, a broken line also after every that many stories, so a run of articles
 * is cut by skips.
 */
export function writeCorpus(dir: string, n: number, opts: { badEvery?: number } = {}): Corpus {
  const lines: string[] = [];
  const good: string[] = [];
  const articles = new Map<string, Counts>();
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const rec = { text: makeArticle(i), date: '2024-01-02' };
    good.push(JSON.stringify(rec));
    lines.push(good[i]);
    const [id, counts] = analysed(i, rec);
    articles.set(id, counts);
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
