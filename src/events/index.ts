/**
 * The event stage: who did what to whom. For each sentence with actor mentions, the steps in
 * steps/, in order:
 *
 * 1. triggers: verb forms of the pattern dictionary and verbless phrase patterns (lexicon), each
 *    with its patterns matched most specific first; a pattern coded `---` discards (match);
 * 2. arguments: source and target: pattern slots, else the subject before and the object after,
 *    the agent of a passive, compounds, a quote's speaker for "we", the earlier actor an anaphoric
 *    phrase points to (parties), people of a place, the place an act happens in; where the sentence
 *    was parsed, a target the parse shows to be the act's place or origin is dropped (argument-check);
 * 3. mood: negation and modality (mood), and where the sentence was parsed, what its clauses say
 *    (factuality: a condition, question, modal, guess, "failed to", "threats to"); an act asked of
 *    its source is no event;
 * 4. codes: recode an act the speaker announces (03x intent, 13x threat, a refusal), the other
 *    side's act of a reverse or mutual pattern, and attach CAMEO and PLOVER coding, date and evidence;
 * 5. keep: drop what a demand asks of another, an act's purpose, repeats, and events without a
 *    target another of the sentence covers.
 *
 * Then, where the sentence was parsed, the acts it tells by a noun ("Russia's annexation of Crimea",
 * "talks between Iran and the EU") for dyads no verb of it coded (noun-events, data/events/noun-frames.json).
 *
 * Pure: the dictionaries are passed in (loaded once by default, here at the edge), and the steps
 * read them from the context they are given; the date comes from the article, never the clock.
 */
import type { Mention } from '../model/actor.js';
import type { ArticleText } from '../model/article.js';
import type { CodedEvent } from '../model/event.js';
import type { Quote } from '../model/quote.js';
import { loadEventDictionary, type EventDictionary } from './dictionary.js';
import { loadGrammar, type EventGrammar } from './grammar.js';
import { compileLexicon } from './lexicon.js';
import { sentenceView, type SentenceView } from './sentence.js';
import { withAdjectives } from './adjectives.js';
import { contextOnly } from '../actors/index.js';
import { loadDateWords } from './date-words.js';
import { placeTable } from './places.js';
import type { Ctx, Trigger } from './steps/context.js';
import { namesPeople, triggers } from './steps/1-triggers.js';
import { argumentsOf } from './steps/2-arguments.js';
import { moodOf } from './steps/3-mood.js';
import { codesOf } from './steps/4-codes.js';
import { keep } from './steps/5-keep.js';
import { checkArguments, type ArgumentRules } from './argument-check.js';
import { loadArgumentRules } from './argument-rules.js';
import type { ParsedSentence } from '../model/syntax.js';
import { applyFrames, type Frames } from './frames.js';
import { loadFrames } from './frames-data.js';
import { readClause, type FactualityRules } from './factuality.js';
import { loadFactualityRules } from './factuality-rules.js';
import { nounEvents } from './noun-events.js';
import { dateRetold } from './retold.js';
import { loadNounFrames, type NounFrames } from './noun-frames.js';
import { loadSpreadRules, spreadEvents, type SpreadRules } from './spread.js';
import { spreadConjuncts } from './conjuncts.js';

export { loadEventDictionary, goldstein, quadClass, toPlover, cameoName } from './dictionary.js';
export type { EventDictionary } from './dictionary.js';
export { loadGrammar, parseGrammar } from './grammar.js';

/** The tables the coder reads, each loaded from `data/events/` when not given. */
export interface CoderTables {
  dict: EventDictionary;
  grammar: EventGrammar;
  argumentRules: ArgumentRules;
  frames: Frames;
  factuality: FactualityRules;
  nounFrames: NounFrames;
  spread: SpreadRules;
}

/**
 * Code the events of an article whose actor mentions and quotes are known, reading the parses of
 * the sentences the syntax stage parsed where there are some.
 *
 * @example
 * const a = analyze({ text: 'Talks\n\nRussia accused the European Union of waging a hybrid war.' }) as Article;
 * codeEvents(a, a.spans.mentions, a.quotes)[0] // { source: {country: 'RUS'}, target: {country: 'EU'}, code: '112', rule: 'en:accuse-of', … }
 */
export function codeEvents(
  article: ArticleText,
  actorMentions: readonly Mention[],
  quotes: readonly Quote[] = [],
  syntax: readonly ParsedSentence[] = [],
  tables: Partial<CoderTables> = {},
): CodedEvent[] {
  const dict = tables.dict ?? loadEventDictionary();
  const g = tables.grammar ?? loadGrammar();
  const argumentRules = tables.argumentRules ?? loadArgumentRules();
  const frames = tables.frames ?? loadFrames();
  const factuality = tables.factuality ?? loadFactualityRules();
  const nounFrames = tables.nounFrames ?? loadNounFrames();
  const spread = tables.spread ?? loadSpreadRules();
  const parsed = new Map<number, ParsedSentence>();
  for (const p of syntax) parsed.set(p.sentence, p);
  const { text } = article;
  const { sentences, tokens } = article.spans;
  // a mention whose country only the context gives ("prosecutors said") names no party of an event
  const mentions = withAdjectives(text, tokens, actorMentions.some(contextOnly) ? actorMentions.filter((m) => !contextOnly(m)) : actorMentions);
  const ctx: Ctx = { text, mentions, quotes, sentences, dict, g, lex: compileLexicon(dict), places: placeTable(), dateWords: loadDateWords(), date: article.meta.date?.value?.slice(0, 10) };
  const out: CodedEvent[] = [];
  const seen = new Set<string>();
  let t = 0;
  let m = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sp = sentences[s];
    while (t < tokens.length && tokens[t].start < sp.start) t++;
    let t1 = t;
    while (t1 < tokens.length && tokens[t1].end <= sp.end) t1++;
    while (m < mentions.length && mentions[m].start < sp.start) m++;
    let m1 = m;
    let coded = 0;
    while (m1 < mentions.length && mentions[m1].start < sp.end) if (mentions[m1++].actor.code !== '') coded++;
    // a sentence with no actor named codes nothing, unless people of a place may act ("protesters in Caracas")
    if (coded === 0 && !namesPeople(text, tokens, t, t1, g)) continue;
    const v = sentenceView(text, s, sp, tokens, t, t1, mentions, m, m1, g);
    const trs = triggers(v, ctx);
    const parse = parsed.get(s);
    // a bare verb codes only in the sense its arguments show (frames)
    applyFrames(trs, v, parse, frames);
    // step 3 reads the trigger's clause off the parse too (factuality); a target the pattern's own slot names
    // ("depart from $") is the pattern author's, not the parse's to doubt
    const found = trs.map((tr) => {
      const es = eventsOf(tr, v, ctx, parse && { p: parse, rules: factuality });
      return parse && !tr.target ? es.filter((e) => checkArguments(e, parse, argumentRules) === undefined) : es;
    });
    const first = out.length;
    keep(out, seen, s, v, trs, found, ctx);
    // acts told by a noun ("Russia's annexation of Crimea"), where no verb of the sentence coded the dyad
    if (parse) out.push(...nounEvents(parse, s, mentions.slice(m, m1), out, ctx, nounFrames));
    // "the US, Britain and France - will hold talks": each conjunct acts (conjuncts)
    if (parse) spreadConjuncts(out, first, parse, mentions.slice(m, m1));
    // a visit is also its host's, a meeting or agreement both sides' (spread)
    spreadEvents(out, first, dict, spread);
  }
  // "the deal between Trump and Xi" after "Trump and Xi agreed on Saturday": the act's day told earlier (retold)
  dateRetold(out);
  return out;
}

/** Steps 2 to 4 for one trigger: its parties, its mood (read from its words and, where the sentence was parsed, its clauses), its coded events. */
function eventsOf(tr: Trigger, v: SentenceView, c: Ctx, parse?: { p: ParsedSentence; rules: FactualityRules }): CodedEvent[] {
  if (tr.code === null && tr.reverse === undefined) return [];
  const a = argumentsOf(tr, v, c);
  if (!a) return [];
  const clause = parse && readClause(parse.p, { start: v.toks[tr.from].start, end: v.toks[Math.max(tr.from, tr.to - 1)].end }, parse.rules);
  const mood = moodOf(tr, v, a, c.g, clause);
  if (!mood) return [];
  return codesOf(tr, v, c, a, mood);
}
