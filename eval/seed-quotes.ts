import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { readItems } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import type { Quote } from '../src/model/quote.js';

interface ExpectedQuote {
  starts: string;
  speaker?: string;
  actor?: string;
  cue?: string;
  medium?: string;
  kind?: string;
}

export interface SeedQuoteResult {
  file: string;
  level: 'must' | 'should' | 'must_not';
  what: string;
  pass: boolean;
  got?: string;
}

/** Quote marks, "that" and white space off the front, so "starts" compares with the words. */
function lead(s: string): string {
  return s.replace(/^[\s“”"‘’'«»]+/u, '').replace(/^that\s+/u, '').replace(/\s+/g, ' ');
}

/** The texts a quote can be recognised by: its whole span and each of its pieces. */
function texts(a: Article, q: Quote): string[] {
  return [q, ...q.spans].map((s) => lead(a.text.slice(s.start, s.end)));
}

function speakerMatches(a: Article, q: Quote, want: string): boolean {
  const span = q.speakerSpan ? a.text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined;
  return [q.speaker, q.speakerActor?.name, span].some((s) => s !== undefined && (s === want || s.includes(want) || (s.length > 3 && want.includes(s))));
}

/** "RUS" matches a Russian actor (RUS, RUSGOV …), "EU" the European Union (country "EU", code IGOEUREEC). */
function actorMatches(q: Quote, want: string): boolean {
  const act = q.speakerActor;
  return act !== undefined && (act.country === want || act.code.startsWith(want));
}

/**
 * The seeds' expected quotes (expected.json) checked against what the whole pipeline extracts:
 * each `must` and `should` quote found by its first words with the right speaker (after
 * coreference), actor, cue, medium and kind; each `must_not` never a quote of its own (a phrase
 * that also opens a body quote may be found once, as that quote).
 */
export async function checkSeedQuotes(seedsDir: string): Promise<SeedQuoteResult[]> {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as {
    articles: { file: string; quotes?: { must?: ExpectedQuote[]; should?: ExpectedQuote[]; must_not?: string[] } }[];
  };
  const out: SeedQuoteResult[] = [];
  for (const exp of expected.articles) {
    let article: Article | undefined;
    for await (const item of readItems([join(seedsDir, exp.file)])) {
      const a = 'skipped' in item ? item : analyze(item);
      if (!('skipped' in a)) article = a;
    }
    if (!article || !exp.quotes) continue;
    const a = article;
    for (const level of ['must', 'should'] as const) {
      for (const e of exp.quotes[level] ?? []) {
        const start = lead(e.starts);
        const q = a.quotes.find((x) => texts(a, x).some((t) => t.startsWith(start)));
        const problems: string[] = [];
        if (!q) problems.push('not found');
        else {
          if (e.speaker && !speakerMatches(a, q, e.speaker)) problems.push(`speaker ${q.speaker ?? '—'}`);
          if (e.actor && !actorMatches(q, e.actor)) problems.push(`actor ${q.speakerActor?.code ?? '—'}`);
          if (e.cue && !(q.cue ?? '').includes(e.cue)) problems.push(`cue ${q.cue ?? '—'}`);
          if (e.medium && q.medium !== e.medium) problems.push(`medium ${q.medium ?? '—'}`);
          if (e.kind && q.kind !== e.kind && !(e.kind === 'partial' && q.kind === 'mixed')) problems.push(`kind ${q.kind}`);
        }
        out.push({ file: exp.file, level, what: `${e.starts.slice(0, 50)} — ${e.speaker ?? ''}`, pass: problems.length === 0, got: problems.join(', ') || undefined });
      }
    }
    const mustStarts = (exp.quotes.must ?? []).map((e) => lead(e.starts));
    for (const note of exp.quotes.must_not ?? []) {
      // the phrase is the first quoted passage of the note, or the words before its parenthesis
      const phrase = lead(/“([^”]+?)[,.]?”/u.exec(note)?.[1] ?? note.replace(/\s*\(.*$/u, ''));
      const allowed = mustStarts.some((s) => s.startsWith(phrase)) ? 1 : 0;
      const found = a.quotes.filter((x) => texts(a, x).some((t) => t.startsWith(phrase))).length;
      out.push({ file: exp.file, level: 'must_not', what: phrase.slice(0, 60), pass: found <= allowed, got: found > allowed ? `${found} quotes start with it` : undefined });
    }
  }
  return out;
}
