import type { Span } from './span.js';
import type { Actor } from './actor.js';

export type QuoteKind = 'direct' | 'partial' | 'mixed' | 'indirect';

/**
 * An attributed statement: its content span(s) in the cleaned text, its kind, and who said it.
 * `start`/`end` bound the whole content; `spans` lists the pieces when a cue interrupts it
 * ("“We are ready,” he said, “to talk.”").
 */
export interface Quote extends Span {
  kind: QuoteKind;
  spans: Span[];
  /** the speaker as written near the cue ("he", "Lavrov", "the ministry"), if found */
  speakerSpan?: Span;
  /** the speaker's name after coreference ("Sergei Lavrov"), or the span's text */
  speaker?: string;
  speakerActor?: Actor;
  /** the cue as written ("said", "told", "was quoted as saying") */
  cue?: string;
  cueSpan?: Span;
  /** who carried it: "told Russia's state-owned media outlet TASS" → "TASS" */
  medium?: string;
  confidence: number;
  rule: string;
  /** ISO date it was said, when the text says */
  date?: string;
  /** further places the same quote appears (a caption repeating it) */
  alsoAt?: Span[];
}
