/**
 * Step 3, mood: the trigger's negation and modality (mood.ts), an act asked of its source ("must
 * return") dropped, an act inside an accusation made hypothetical, a reported "would" read as "will";
 * where the sentence was parsed, what its clauses say (factuality.ts) added to what the words did.
 */
import type { EventGrammar } from '../grammar.js';
import { readMood, type Mood } from '../mood.js';
import type { ClauseMood } from '../factuality.js';
import { mentionRange, type SentenceView } from '../sentence.js';
import type { Arguments } from './2-arguments.js';
import type { Trigger } from './context.js';

/** The mood of trigger `tr`'s act by the parties `a`; undefined when the act is not its source's own. */
export function moodOf(tr: Trigger, v: SentenceView, a: Arguments, g: EventGrammar, clause?: ClauseMood): Mood | undefined {
  const { srcTok, quote, sources } = a;
  const mood = readMood(v, tr.from, srcTok >= 0 ? mentionRange(v, srcTok)[1] : -1, g);
  // "Sudan must return the aircraft": asked of Sudan (by whoever says so), not done by it
  if (mood.obligation && !(quote?.speakerActor && quote.speakerActor.country === sources[0].country)) return undefined;
  if (tr.alleged && mood.modality === 'asserted') mood.modality = 'hypothetical';
  // "want no help from": a negator among the pattern's own words (a gap it allows) negates the act it spells out
  if (!mood.negated && negatedInside(tr, v, g)) {
    mood.negated = true;
    mood.clause = 'mood:negated-inside';
  }
  // "Kenya said it would not send troops": a reported "will", backshifted, announces as "will" does
  if (mood.modality === 'hypothetical' && srcTok > 0 && v.words[mentionRange(v, srcTok)[1]] === 'would' && g.reportingVerbs.words.has(v.words[v.words[srcTok - 1] === 'that' ? srcTok - 2 : srcTok - 1] ?? '')) mood.modality = 'future';
  return clause ? withClause(mood, clause) : mood;
}

/**
 * Add what the parse's clauses say to the mood the words gave: the words' reading stands where it
 * found something (a reported "would" is "will" there); the clauses add a negation, a threat, a
 * plan, or take an asserted or announced act out of the record as not asserted.
 */
export function withClause(mood: Mood, c: ClauseMood): Mood {
  const used: string[] = [];
  if (c.negated && !mood.negated) {
    mood.negated = true;
    used.push(c.negated);
  }
  if (c.threat && !mood.threat && !mood.negated) {
    mood.threat = true;
    used.push(c.threat);
  }
  if (c.future && mood.modality === 'asserted') {
    mood.modality = 'future';
    used.push(c.future);
  }
  if (c.hypothetical && mood.modality !== 'hypothetical') {
    mood.modality = 'hypothetical';
    used.push(c.hypothetical);
  }
  // "the US strikes if Iran breaches": not asserted; "will strike if …" announces a threat, which stands
  if (c.consequence && (mood.modality === 'asserted' || mood.modality === 'historical') && !mood.threat) {
    mood.modality = 'hypothetical';
    used.push(c.consequence);
  }
  if (used.length > 0) mood.clause = mood.clause ? `${mood.clause}+${used.join('+')}` : used.join('+');
  return mood;
}

/** Whether a negator ("no", "never") stands among the words of trigger `tr`, past its first. */
function negatedInside(tr: Trigger, v: SentenceView, g: EventGrammar): boolean {
  for (let k = tr.from + 1; k < tr.to; k++) if (g.negators.words.has(v.words[k])) return true;
  return false;
}
