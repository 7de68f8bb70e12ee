import type { Cleaned } from '../model/article.js';
import type { Span } from '../model/span.js';
import type { Mention } from '../model/actor.js';
import type { CodedEvent } from '../model/event.js';
import type { Quote } from '../model/quote.js';
import type { ParsedSentence } from '../model/syntax.js';
import { EntenteError, type Skipped } from '../model/errors.js';
import type { RawItem } from '../ingest/items.js';

/** What the stages build up for one article, field by field; `toArticle` turns it into an `Article`. */
export interface Draft {
  raw: RawItem;
  cleaned?: Cleaned;
  language?: { lang: string; englishShare: number; detail: string };
  sentences?: Span[];
  tokens?: Span[];
  mentions?: Mention[];
  syntax?: ParsedSentence[];
  quotes?: Quote[];
  events?: CodedEvent[];
  id?: string;
}

export type DraftKey = Exclude<keyof Draft, 'raw'> | 'raw';

/**
 * A pipeline stage: pure, named, and saying what it reads and what it adds. It never reads files,
 * the clock, the network or the environment; a bad item is returned as `Skipped`, not thrown.
 */
export interface Stage {
  name: string;
  requires: DraftKey[];
  /** what it reads when an earlier stage assigned it, and does without otherwise (the events read the parses) */
  uses?: DraftKey[];
  assigns: DraftKey[];
  run(draft: Readonly<Draft>): Partial<Draft> | Skipped;
}

/**
 * Checks at start-up that every stage's `requires` is assigned by an earlier stage.
 *
 * @example checkStages([{ name: 'a', requires: ['raw'], assigns: ['cleaned'], run: () => ({}) }])
 */
export function checkStages(stages: readonly Stage[]): void {
  const have = new Set<DraftKey>(['raw']);
  for (const s of stages) {
    for (const r of s.requires) {
      if (!have.has(r)) throw new EntenteError('E_PIPELINE', `stage "${s.name}" requires "${r}", which no earlier stage assigns`);
    }
    for (const a of s.assigns) have.add(a);
  }
  // what a stage uses, when a stage assigns it, must come before it
  const at = new Map<DraftKey, number>();
  stages.forEach((s, i) => s.assigns.forEach((a) => at.set(a, i)));
  stages.forEach((s, i) => {
    for (const u of s.uses ?? []) {
      if ((at.get(u) ?? -1) > i) throw new EntenteError('E_PIPELINE', `stage "${s.name}" uses "${u}", which stage "${stages[at.get(u)!].name}" assigns only after it`);
    }
  });
}

/** Fails with the stage's name when it returned something other than what it declared. */
export function checkAssigned(stage: Stage, out: Partial<Draft>): void {
  for (const key of stage.assigns) {
    if (out[key] === undefined) throw new EntenteError('E_STAGE_OUTPUT', `stage "${stage.name}" did not assign "${key}"`);
  }
  for (const key of Object.keys(out)) {
    if (!stage.assigns.includes(key as DraftKey)) throw new EntenteError('E_STAGE_OUTPUT', `stage "${stage.name}" assigned "${key}", which it does not declare`);
  }
}
