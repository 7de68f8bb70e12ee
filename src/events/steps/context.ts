/**
 * What the steps of the event stage share: the article and the dictionaries one call of
 * `codeEvents` reads (passed in, never loaded here), and a trigger as step 1 finds it.
 */
import type { Mention } from '../../model/actor.js';
import type { Quote } from '../../model/quote.js';
import type { Span } from '../../model/span.js';
import type { DateWords } from '../date-words.js';
import type { EventDictionary } from '../dictionary.js';
import type { EventGrammar } from '../grammar.js';
import type { Lexicon } from '../lexicon.js';
import type { Slot } from '../match.js';
import type { PlaceTable } from '../places.js';

export interface Trigger {
  from: number;
  to: number;
  code: string | null;
  reverse?: string;
  /** PLOVER coding the pattern gives apart from its CAMEO code's row */
  plover?: { event: string; mode?: string };
  rule: string;
  source?: Slot;
  target?: Slot;
  /** a pattern (not just the bare verb) matched */
  patterned: boolean;
  passive: boolean;
  /** a passive without "be" after a noun ("the truce brokered by France"): its target is that noun's, not the clause subject's */
  reduced?: boolean;
  /** inside an accusation's complement */
  alleged: boolean;
  /** a verbless phrase ("no more joint projects with"): a state of affairs, not an act someone announces */
  nominal?: boolean;
  /** index (among the sentence's triggers) of the demand or rejection whose complement holds this act ("demanded that X withdraw") */
  embeddedIn?: number;
}

export interface Ctx {
  text: string;
  mentions: readonly Mention[];
  quotes: readonly Quote[];
  sentences: readonly Span[];
  dict: EventDictionary;
  g: EventGrammar;
  lex: Lexicon;
  /** place names by first word, for where an act happens */
  places: PlaceTable;
  /** the words dates are read from */
  dateWords: DateWords;
  date: string | undefined;
}
