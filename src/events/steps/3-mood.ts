/**
 * Step 3, mood: the trigger's negation and modality (mood.ts), an act asked of its source ("must
 * return") dropped, an act inside an accusation made hypothetical, a reported "would" read as "will".
 */
import type { EventGrammar } from '../grammar.js';
import { readMood, type Mood } from '../mood.js';
import { mentionRange, type SentenceView } from '../sentence.js';
import type { Arguments } from './2-arguments.js';
import type { Trigger } from './context.js';

/** The mood of trigger `tr`'s act by the parties `a`; undefined when the act is not its source's own. */
export function moodOf(tr: Trigger, v: SentenceView, a: Arguments, g: EventGrammar): Mood | undefined {
  const { srcTok, quote, sources } = a;
  const mood = readMood(v, tr.from, srcTok >= 0 ? mentionRange(v, srcTok)[1] : -1, g);
  // "Sudan must return the aircraft": asked of Sudan (by whoever says so), not done by it
  if (mood.obligation && !(quote?.speakerActor && quote.speakerActor.country === sources[0].country)) return undefined;
  if (tr.alleged && mood.modality === 'asserted') mood.modality = 'hypothetical';
  // "Kenya said it would not send troops": a reported "will", backshifted, announces as "will" does
  if (mood.modality === 'hypothetical' && srcTok > 0 && v.words[mentionRange(v, srcTok)[1]] === 'would' && g.reportingVerbs.words.has(v.words[v.words[srcTok - 1] === 'that' ? srcTok - 2 : srcTok - 1] ?? '')) mood.modality = 'future';
  return mood;
}
