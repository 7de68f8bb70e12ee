import { createHash } from 'node:crypto';
import { clean } from '../clean/index.js';
import { fold } from '../clean/fold.js';
import { detectLanguage, splitSentences, tokenize } from '../nlp/index.js';
import type { ArticleText } from '../model/article.js';
import { findActors } from '../actors/index.js';
import { findQuotes } from '../quotes/index.js';
import { codeEvents } from '../events/index.js';
import type { Draft } from './stage.js';
import type { Stage } from './stage.js';
import { syntaxStage } from './syntax-stage.js';

const cleanStage: Stage = {
  name: 'clean',
  requires: ['raw'],
  assigns: ['cleaned'],
  run: (d) => {
    const cleaned = clean(d.raw);
    return 'skipped' in cleaned ? cleaned : { cleaned };
  },
};

const languageStage: Stage = {
  name: 'language',
  requires: ['cleaned', 'tokens'],
  assigns: ['language'],
  run: (d) => {
    // an article in another language is kept (its body, metadata and language) but not coded:
    // the stages that read English words (`englishOnly`) leave it without actors, quotes or events
    return { language: detectLanguage(d.cleaned!.text, d.tokens!) };
  },
};

/**
 * A stage that reads English words, run only on articles not found to be in another language;
 * on those it assigns `none` (no mentions, no parses, no quotes, no events), so the article is
 * stored with its body and metadata, marked by its language, and counts in no relation.
 */
function englishOnly(stage: Stage, none: Partial<Draft>): Stage {
  return { ...stage, uses: [...(stage.uses ?? []), 'language'], run: (d) => (d.language?.lang === 'other' ? none : stage.run(d)) };
}

const sentenceStage: Stage = {
  name: 'sentences',
  requires: ['cleaned'],
  assigns: ['sentences'],
  run: (d) => ({ sentences: splitSentences(d.cleaned!.text, d.cleaned!.paragraphs) }),
};

const tokenStage: Stage = {
  name: 'tokens',
  requires: ['cleaned', 'sentences'],
  assigns: ['tokens'],
  run: (d) => ({ tokens: tokenize(d.cleaned!.text, d.sentences!) }),
};

/** The article as the stages after nlp see it. */
function textView(d: Readonly<Draft>): ArticleText {
  const c = d.cleaned!;
  return { text: c.text, meta: c.meta, spans: { paragraphs: c.paragraphs, sentences: d.sentences!, tokens: d.tokens! } };
}

const actorStage: Stage = {
  name: 'actors',
  requires: ['cleaned', 'sentences', 'tokens'],
  assigns: ['mentions'],
  run: (d) => ({ mentions: findActors(textView(d)) }),
};

const quoteStage: Stage = {
  name: 'quotes',
  requires: ['cleaned', 'sentences', 'mentions'],
  assigns: ['quotes'],
  run: (d) => ({ quotes: findQuotes(textView(d), d.mentions!) }),
};

const eventStage: Stage = {
  name: 'events',
  requires: ['cleaned', 'sentences', 'tokens', 'mentions', 'quotes'],
  // the parses sharpen the coding where the syntax stage made them (argument check, frames, clauses, noun events)
  uses: ['syntax'],
  assigns: ['events'],
  run: (d) => ({ events: codeEvents(textView(d), d.mentions!, d.quotes!, d.syntax) }),
};

const identityStage: Stage = {
  name: 'identity',
  requires: ['cleaned'],
  assigns: ['id'],
  run: (d) => ({ id: articleId(d.cleaned!.text) }),
};

/**
 * The same story is the same article whatever its quote marks, dashes, case or spacing: the id
 * hashes the body with those folded.
 *
 * @example articleId('“Hi,” he said.') === articleId('"hi," he  said.') // true
 */
export function articleId(body: string): string {
  return createHash('sha256').update(fold(body)).digest('hex').slice(0, 16);
}

/**
 * The pipeline, in order. Order matters: each stage reads what the ones before it assigned. The
 * parser and the event coder come last, after everything they read, so that an ingest can run
 * them in a second thread while the first runs the others on the next batch (`pool.ts`).
 */
export const STAGES: readonly Stage[] = Object.freeze([
  cleanStage, sentenceStage, tokenStage, languageStage, identityStage,
  englishOnly(actorStage, { mentions: [] }), englishOnly(quoteStage, { quotes: [] }), englishOnly(syntaxStage, { syntax: [] }), englishOnly(eventStage, { events: [] }),
]);
