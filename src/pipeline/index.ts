import type { Article, ArticleMeta } from '../model/article.js';
import { EntenteError, skip, type Skipped } from '../model/errors.js';
import type { FetchedMeta, RawItem } from '../ingest/items.js';
import { checkAssigned, checkStages, type Draft, type Stage } from './stage.js';
import { STAGES } from './stages.js';

export { STAGES, articleId } from './stages.js';
export type { Stage, Draft } from './stage.js';
export { createAnalyzer, defaultThreads, type Analyzer, type AnalyzerLimits } from './pool.js';

checkStages(STAGES);

/**
 * The stages with these names, in pipeline order (all when none are named); fails when a name is
 * unknown or a chosen stage needs one left out.
 *
 * @example selectStages(['clean', 'sentences', 'tokens', 'language', 'identity']).length // 5
 */
export function selectStages(names?: readonly string[]): readonly Stage[] {
  if (!names) return STAGES;
  for (const n of names) if (!STAGES.some((s) => s.name === n)) throw new EntenteError('E_PIPELINE', `no stage is called "${n}" (stages: ${STAGES.map((s) => s.name).join(', ')})`);
  const chosen = STAGES.filter((s) => names.includes(s.name));
  checkStages(chosen);
  return chosen;
}

export interface AnalyzeInput {
  text: string;
  format?: RawItem['format'];
  origin?: string;
  encoding?: string;
  given?: RawItem['given'];
}

/**
 * Runs every stage over one article. Bad input comes back as `Skipped`; a stage that breaks its
 * contract throws. An unexpected exception inside a stage is a bug, but one article must not stop
 * a batch, so it is turned into a `pipeline-error` skip that names the stage.
 *
 * @example
 * const a = analyze({ text: 'Lavrov met Wang Yi in Guilin on Tuesday. They talked.' });
 * if (!('skipped' in a)) console.log(a.spans.sentences.length); // 2
 */
export function analyze(input: AnalyzeInput | RawItem, stages: readonly Stage[] = STAGES): Article | Skipped {
  return analyzeBatch([input], stages)[0];
}

/**
 * `analyze` over several articles, stage by stage rather than article by article, with the same
 * results in the same order. A stage's dictionaries and code then stay in the processor's cache
 * from one article to the next instead of being pushed out by the stages between: on Reuters the
 * actor and quote stages cost about half as much run on their own as between the text stages.
 * A skip or a `pipeline-error` stops only its own article.
 *
 * @example analyzeBatch([{ text: 'Talks\n\nLavrov met Wang Yi.' }, { text: '' }]).map((a) => 'skipped' in a) // [false, true]
 */
export function analyzeBatch(inputs: readonly (AnalyzeInput | RawItem)[], stages: readonly Stage[] = STAGES): (Article | Skipped)[] {
  return finishBatch(draftBatch(inputs, stages), []);
}

/**
 * The first part of `analyzeBatch`: the drafts after `stages`, for `finishBatch` to go on with,
 * in this thread or another (a chain of two threads, `pool.ts`: the second runs the last stages
 * while the first runs the others on the next batch).
 *
 * @example finishBatch(draftBatch(items, STAGES.slice(0, 7)), STAGES.slice(7)) // as analyzeBatch(items)
 */
export function draftBatch(inputs: readonly (AnalyzeInput | RawItem)[], stages: readonly Stage[]): (Draft | Skipped)[] {
  const drafts: (Draft | Skipped)[] = inputs.map((input) => ({ raw: rawOf(input) }));
  return runStages(drafts, stages);
}

/** The second part of `analyzeBatch`: `stages` over drafts, then the articles. */
export function finishBatch(drafts: (Draft | Skipped)[], stages: readonly Stage[]): (Article | Skipped)[] {
  return runStages(drafts, stages).map((d) => ('skipped' in d ? d : toArticle(d)));
}

/** The raw item a stage sees for an input, with its defaults. */
function rawOf(input: AnalyzeInput | RawItem): RawItem {
  return { origin: input.origin ?? '-', text: input.text, format: input.format ?? 'text', encoding: input.encoding ?? 'utf-8', given: input.given ?? {} };
}

function runStages(drafts: (Draft | Skipped)[], stages: readonly Stage[]): (Draft | Skipped)[] {
  for (const stage of stages) {
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k];
      if (!('skipped' in d)) drafts[k] = runStage(stage, d);
    }
  }
  return drafts;
}

function runStage(stage: Stage, draft: Draft): Draft | Skipped {
  let out: Partial<Draft> | Skipped;
  try {
    out = stage.run(draft);
  } catch (cause) {
    if (cause instanceof EntenteError) throw cause;
    return skip('pipeline-error', draft.raw.origin, `stage "${stage.name}" failed: ${(cause as Error)?.message ?? String(cause)}`);
  }
  if ('skipped' in out) return out as Skipped;
  checkAssigned(stage, out);
  return { ...draft, ...out };
}

/** A fetched page's provenance in its metadata, as given by the watcher that fetched it. */
function withFetched(meta: ArticleMeta, f: FetchedMeta | undefined): ArticleMeta {
  if (!f) return meta;
  const feed = f.feed ? `the feed ${f.feed}` : 'the fetcher';
  return {
    ...meta,
    fetchedFrom: { value: f.from, by: 'given', evidence: `the link in ${feed}` },
    fetchedAt: { value: f.at, by: 'given', evidence: 'the time the page came' },
    ...(f.summary ? { summary: { value: f.summary, by: 'given', evidence: `the entry's summary in ${feed}` } } : {}),
  };
}

function toArticle(d: Draft): Article {
  const c = d.cleaned!;
  return {
    id: d.id!,
    origin: d.raw.origin,
    format: c.format,
    encoding: d.raw.encoding,
    inputLength: d.raw.text.length,
    text: c.text,
    meta: withFetched(d.language ? { ...c.meta, language: { value: d.language.lang, by: 'detected', evidence: d.language.detail, rule: 'language/function-words' } } : c.meta, d.raw.given.fetched),
    // without the actor or quote stage (a benchmark of the text stages alone) there are none
    spans: { paragraphs: c.paragraphs, sentences: d.sentences!, tokens: d.tokens!, mentions: d.mentions ?? [], ...(d.syntax ? { syntax: d.syntax } : {}) },
    captions: c.captions,
    removed: c.removed,
    sourceMap: c.sourceMap,
    quotes: d.quotes ?? [],
    events: d.events ?? [],
  };
}
