import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { readItems } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';

/** One check of `expected.json` on one seed: what, whether it passed, and what we got instead. */
export interface SeedCheck {
  file: string;
  kind: 'boilerplate' | 'body' | 'title' | 'source' | 'date' | 'url' | 'paragraph' | 'captions' | 'stored';
  what: string;
  pass: boolean;
  got?: string;
}

interface ExpectedArticle {
  file: string;
  title?: string;
  source?: string;
  date?: string;
  url?: string;
  boilerplate_must_go?: string[];
  body_must_keep?: string[];
  paragraph_repair?: string;
}

/**
 * A boilerplate item as a reader sees it: Markdown markup off, and a trailing note of ours in
 * parentheses ("**Russian Foreign Ministry** (a photo credit)") dropped.
 */
export function visible(item: string): string {
  let s = item;
  if (/\*\*|\]\(/.test(s)) s = s.replace(/\s+\([a-z][^)]*\)$/, '');
  return s.replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/**
 * Runs every body, boilerplate, title, source, date, URL and paragraph check of the seeds'
 * `expected.json` through the same path as `entente ingest` (read → analyze).
 */
export async function evalSeeds(seedsDir: string): Promise<SeedCheck[]> {
  const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as { articles: ExpectedArticle[] };
  const checks: SeedCheck[] = [];
  for (const exp of expected.articles) {
    const file = exp.file;
    let article: Article | undefined;
    for await (const item of readItems([join(seedsDir, file)])) {
      const a = 'skipped' in item ? item : analyze(item);
      if (!('skipped' in a)) article = a;
      else checks.push({ file, kind: 'stored', what: 'the seed is analysed, not skipped', pass: false, got: `${a.reason}: ${a.detail}` });
    }
    if (!article) continue;
    const body = article.text;
    const paragraphs = article.spans.paragraphs.map((p) => body.slice(p.start, p.end));
    for (const item of exp.boilerplate_must_go ?? []) {
      const v = visible(item);
      checks.push({ file, kind: 'boilerplate', what: `gone: ${v}`, pass: !body.includes(v) });
    }
    for (const keep of exp.body_must_keep ?? []) checks.push({ file, kind: 'body', what: `kept: ${keep}`, pass: body.includes(keep) });
    const eq = (kind: SeedCheck['kind'], want: string | undefined, got: string | undefined) => {
      if (want !== undefined) checks.push({ file, kind, what: `${kind} = ${want}`, pass: got === want, got: got ?? '(none)' });
    };
    eq('title', exp.title, article.meta.title?.value);
    eq('source', exp.source, article.meta.source?.value);
    eq('date', exp.date, article.meta.date?.value?.slice(0, 10));
    eq('url', exp.url, article.meta.url?.value);
    if (exp.paragraph_repair) {
      // the split falls between "want to be" and "guided by": both halves must sit in one paragraph
      const joined = paragraphs.some((p) => /want to be\s+guided by their national interests/.test(p));
      checks.push({ file, kind: 'paragraph', what: 'the split paragraph reads as one', pass: joined });
    }
    const captionInBody = article.captions.some((c) => body.includes(c.text));
    checks.push({ file, kind: 'captions', what: 'captions kept apart from the body', pass: !captionInBody && !/^(In this photo|FILE [-–])/m.test(body) });
  }
  return checks;
}
