import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { readItems } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import type { CodedEvent } from '../src/model/event.js';
import { fold } from '../src/clean/fold.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { relationSeries, topDyads } from '../src/relations/index.js';

interface ExpectedEvent {
  source: string;
  target: string;
  root: string[];
  evidence: string;
}

export interface SeedEventResult {
  file: string;
  level: 'must' | 'should';
  what: string;
  pass: boolean;
  got?: string;
}

/**
 * The pieces of an `evidence` note that must appear in the event's sentence: "a; b" is either
 * piece, and a trailing "(CAMEO 036)" or "(the host side of the visit)" is a remark, not text.
 */
function evidencePieces(evidence: string): string[] {
  return evidence
    .split(';')
    .map((p) => fold(p.replace(/\([^)]*\)\s*$/u, '').trim()))
    .filter((p) => p !== '');
}

/** "RUS" is any Russian actor; "EU" the European Union (its country field). */
function sideMatches(code: string | undefined, country: string | undefined, want: string): boolean {
  return country === want || (code !== undefined && code.startsWith(want));
}

function describe(a: Article, e: CodedEvent): string {
  return `${e.source.code}→${e.target?.code ?? '—'} ${e.code} (${e.rule}) in "${a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end).slice(0, 60)}…"`;
}

/** The seed articles, analysed by the whole pipeline, keyed by file name. */
export async function analyseSeeds(seedsDir: string): Promise<Map<string, Article>> {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as { articles: { file: string }[] };
  const out = new Map<string, Article>();
  for (const exp of expected.articles) {
    for await (const item of readItems([join(seedsDir, exp.file)])) {
      const a = 'skipped' in item ? item : analyze(item);
      if (!('skipped' in a)) out.set(exp.file, a);
    }
  }
  return out;
}

/**
 * The seeds' expected events (expected.json) against what the whole pipeline codes: an event
 * passes when some coded, non-negated event has the expected source and target (country level),
 * a CAMEO root among those listed, and a sentence holding one piece of the evidence note (any
 * sentence when the note quotes nothing of the text).
 */
export async function checkSeedEvents(seedsDir: string, articles?: Map<string, Article>): Promise<SeedEventResult[]> {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as {
    articles: { file: string; events?: { must?: ExpectedEvent[]; should?: ExpectedEvent[] } }[];
  };
  const seeds = articles ?? (await analyseSeeds(seedsDir));
  const out: SeedEventResult[] = [];
  for (const exp of expected.articles) {
    const a = seeds.get(exp.file);
    for (const level of ['must', 'should'] as const) {
      for (const want of exp.events?.[level] ?? []) {
        const what = `${want.source}→${want.target} ${want.root.join('/')} "${want.evidence}"`;
        if (!a) {
          out.push({ file: exp.file, level, what, pass: false, got: 'article skipped' });
          continue;
        }
        // an evidence note none of whose pieces is in the text ("talks in Guilin") describes the
        // event instead of quoting it: then any sentence of the article may hold it
        const folded = fold(a.text);
        const quoted = evidencePieces(want.evidence).filter((p) => folded.includes(p));
        const pieces = quoted.length ? quoted : [''];
        const inSentence = (e: CodedEvent) => {
          const s = fold(a.text.slice(e.sentenceSpan.start, e.sentenceSpan.end));
          return pieces.some((p) => s.includes(p));
        };
        const near = a.events.filter((e) => inSentence(e) && !e.negated);
        const hit = near.find(
          (e) => sideMatches(e.source.code, e.source.country, want.source) && sideMatches(e.target?.code, e.target?.country, want.target) && want.root.includes(e.root),
        );
        const r: SeedEventResult = { file: exp.file, level, what, pass: hit !== undefined };
        if (hit) r.got = describe(a, hit);
        else r.got = near.length ? near.map((e) => describe(a, e)).join('; ') : 'no event in that sentence';
        out.push(r);
      }
    }
  }
  return out;
}

export interface SeedRelationResult {
  what: string;
  pass: boolean;
  got: string;
}

/**
 * `relations.must` of expected.json, read as figures: the seeds stored (an in-memory SQLite
 * store, as `entente ingest` would), their events read back and added up by `src/relations`
 * undirected per day: RUS–EU mean Goldstein below 0 on each seed's date, RUS–CHN above 0 overall.
 */
export async function checkSeedRelations(articles: Map<string, Article>): Promise<SeedRelationResult[]> {
  const store = openSqliteStore(':memory:');
  try {
    for (const a of articles.values()) await store.putArticle(a);
    const events = await store.listEvents();
    const series = relationSeries(events, { period: 'day', undirected: true });
    const out: SeedRelationResult[] = [];
    const dates = [...new Set([...articles.values()].map((a) => a.meta.date?.value.slice(0, 10)).filter((d): d is string => d !== undefined))].sort();
    for (const d of dates) {
      const row = series.find((r) => r.source === 'EU' && r.target === 'RUS' && r.period === d);
      out.push({ what: `RUS–EU mean Goldstein < 0 on ${d}`, pass: row !== undefined && row.goldsteinMean < 0, got: row ? `${row.goldsteinMean.toFixed(2)} over ${row.events} events` : 'no events' });
    }
    const chn = topDyads(events, { undirected: true }).find((r) => r.source === 'CHN' && r.target === 'RUS');
    out.push({ what: 'RUS–CHN mean Goldstein > 0', pass: chn !== undefined && chn.goldsteinMean > 0, got: chn ? `${chn.goldsteinMean.toFixed(2)} over ${chn.events} events` : 'no events' });
    return out;
  } finally {
    await store.close();
  }
}
