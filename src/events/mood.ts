/**
 * Whether a coded act happened as stated: negation ("did not attack", "refused to meet") and
 * PLOVER's auxiliary modes (future, hypothetical, historical), read from the words before the
 * trigger within its clause.
 */
import type { Modality } from '../model/event.js';
import { endsAt, type EventGrammar, type PhraseList } from './grammar.js';
import type { SentenceView } from './sentence.js';

/**
 * Whether a phrase of `list` ending in "to" ("agreed to", "refused to") ends, without its "to", at
 * word `k`, with a "to" further on at `toAt` (−1: none seen): "agreed in principle on Saturday to".
 */
function beforeTo(list: PhraseList, w: readonly string[], k: number, toAt: number): boolean {
  if (toAt <= k + 1) return false;
  const multi = list.byLast.get('to');
  if (!multi) return false;
  for (const p of multi) {
    const n = p.length - 1;
    if (n > k + 1) continue;
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = w[k - n + 1 + j] === p[j];
    if (ok) return true;
  }
  return false;
}

/** How far back from the trigger modal and negating words are read. */
const WINDOW = 7;

export interface Mood {
  negated: boolean;
  modality: Modality;
  /** the act was refused ("refused to meet", "declined to lift"): a rejection, not a negated act */
  refusal?: boolean;
  /** the act is announced as offered by one side ("ready to meet", "offered to mediate"), not set by both */
  offer?: boolean;
  /** the act was threatened ("threatened to cut off") */
  threat?: boolean;
  /** the act is one the actor must or should do ("Sudan must return the helicopter"): asked of it, not done */
  obligation?: boolean;
  /** the words that decided it, for the record */
  cue?: string;
  /** the ids of the parse's clause rules that changed it ("clause:condition"), for the event's rule */
  clause?: string;
}

/** Words that end the stretch a question mark after the act may close: other sentence punctuation, a closing quotation mark. */
const NOT_ASKED = new Set(['.', ';', ':', '!', '"', '”', '»']);

/** Whether a question mark closes the words after the trigger at `from` ("Will we repel …?" the senator asked). */
function asked(w: readonly string[], from: number): boolean {
  for (let k = from + 1; k < w.length; k++) {
    if (w[k] === '?') return true;
    if (NOT_ASKED.has(w[k])) return false;
  }
  return false;
}

const conditions = new WeakMap<SentenceView, number>();

/**
 * Where the sentence's first conditional opener stands (−1: none), found once a sentence:
 * scanning from its start for every trigger made a long sentence quadratic (a 1 MB one took 18 s).
 */
function firstCondition(v: SentenceView, g: EventGrammar): number {
  let at = conditions.get(v);
  if (at !== undefined) return at;
  const w = v.words;
  at = -1;
  for (let k = 0; k < w.length; k++) {
    if (endsAt(g.conditionalOpeners, w, k) > 0 && (k === 0 || w[k - 1] === ',' || w[k - 1] === '“' || w[k - 1] === '"' || v.breaks[k - 1] === 1)) {
      at = k;
      break;
    }
  }
  conditions.set(v, at);
  return at;
}

/**
 * Read the mood of the act whose trigger starts at token `from`; `subject` is the token where its
 * source mention ends (−1 if none), which bounds a relative clause.
 *
 * @example "Russia did not attack Ukraine" → { negated: true, modality: 'asserted' }
 */
export function readMood(v: SentenceView, from: number, subject: number, g: EventGrammar): Mood {
  const w = v.words;
  let negated = false;
  let modality: Modality = 'asserted';
  let cue: string | undefined;
  let refusal = false;
  let threat = false;
  let obligation = false;
  let offer = false;
  /** the nearest "to" before the trigger: "agreed in principle on Saturday to provide" */
  let toAt = -1;
  const stop = Math.max(0, from - WINDOW);
  for (let k = from - 1; k >= stop; k--) {
    // a mention is the act's subject or another clause's; a possessive pronoun ("will hold their first round") only a determiner of the act's words
    if (v.breaks[k] || (v.mention[k] >= 0 && !g.possessives.words.has(w[k]))) break;
    if (w[k] === 'to' && toAt < 0) toAt = k;
    if (!negated && (g.negators.words.has(w[k]) || endsAt(g.negatingVerbs, w, k) > 0 || beforeTo(g.refusals, w, k, toAt))) {
      negated = true;
      cue = w[k];
      refusal = endsAt(g.refusals, w, k) > 0 || beforeTo(g.refusals, w, k, toAt);
    }
    if (!threat && (endsAt(g.threatCues, w, k) > 0 || beforeTo(g.threatCues, w, k, toAt))) threat = true;
    if (modality === 'asserted') {
      if (endsAt(g.future, w, k) > 0 || beforeTo(g.future, w, k, toAt)) {
        modality = 'future';
        offer = endsAt(g.offerCues, w, k) > 0 || beforeTo(g.offerCues, w, k, toAt);
      }
      else if (endsAt(g.hypothetical, w, k) > 0) {
        modality = 'hypothetical';
        if (endsAt(g.obligations, w, k) > 0) obligation = true;
      }
      else if (w[k] === 'had') modality = 'historical';
      if (modality !== 'asserted') cue ??= w[k];
    }
  }
  // a condition earlier in the sentence ("If and when the Europeans …, we will …")
  if (modality === 'asserted' || modality === 'future') {
    const k = firstCondition(v, g);
    if (k >= 0 && k < from) {
      modality = 'hypothetical';
      cue = w[k];
    }
  }
  // a question ("Will we repel Assad's air assets …?") asks whether the act happens; the parse's reading (clause:question)
  // sees it only in the sentences it parsed, those naming two countries, and not past a quotation mark
  let question = false;
  if (modality !== 'hypothetical' && asked(w, from)) {
    modality = 'hypothetical';
    cue = '?';
    question = true;
  }
  // a relative clause between the source and the act tells of something earlier
  if (modality === 'asserted' && subject >= 0) {
    for (let k = subject; k < from; k++) {
      if (g.relativePronouns.words.has(w[k]) && w[k] !== 'that' && /ed$/.test(w[from] ?? '')) {
        modality = 'historical';
        cue = w[k];
        break;
      }
    }
  }
  // "will withdraw its troops unless …": an act announced on a condition the other side must meet is an ultimatum, a threat
  if (!threat && !negated && (modality === 'future' || modality === 'hypothetical')) {
    for (let k = from + 1; k < w.length; k++) {
      if (endsAt(g.ultimatumMarkers, w, k) > 0) {
        threat = true;
        cue = w[k];
        break;
      }
    }
  }
  const mood: Mood = cue === undefined ? { negated, modality } : { negated, modality, cue };
  if (refusal) mood.refusal = true;
  if (threat) mood.threat = true;
  if (offer && modality === 'future') mood.offer = true;
  if (obligation && modality === 'hypothetical') mood.obligation = true;
  // the rule id the event's rule records, as the parse's clause rules are
  if (question) mood.clause = 'mood:question';
  return mood;
}
