import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { readItems } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import type { CodedEvent } from '../src/model/event.js';
import { fold } from '../src/clean/fold.js';

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
 * a CAMEO root among those listed, and a sentence holding one piece of the evidence note.
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
        const pieces = evidencePieces(want.evidence);
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
