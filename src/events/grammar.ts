/**
 * The word lists the coder reads around a verb (`data/events/grammar.json`): negation, modality,
 * clause limits, passive voice, what may stand between a pattern's words and its actors.
 */
import { DataFileError } from '../model/errors.js';
import { readDataJson } from '../data/read.js';
import { expectNumber, expectObject, expectWords } from '../data/validate.js';

/** A list of phrases, each a run of lower-case words; one-word phrases are also in `words`. */
export interface PhraseList {
  words: ReadonlySet<string>;
  /** multi-word phrases keyed by their last word, for matching backwards from a position */
  byLast: ReadonlyMap<string, readonly (readonly string[])[]>;
}

export interface EventGrammar {
  negators: PhraseList;
  negatingVerbs: PhraseList;
  /** negating verbs that make the act a rejection (CAMEO 12x): "refused to", "declined to" */
  refusals: PhraseList;
  /** plural nouns for unnamed people ("demonstrators", "rebels") who, "in" a country, act as its own */
  peopleNouns: PhraseList;
  /** hypothetical words that make the act an obligation laid on the actor by someone else: "must" */
  obligations: PhraseList;
  /** words before an act that make it a threat (CAMEO 13x): "threatened to" */
  threatCues: PhraseList;
  future: PhraseList;
  /** of the future cues, those of an act one side offers or is willing to do ("ready to meet"): its intent alone */
  offerCues: PhraseList;
  hypothetical: PhraseList;
  conditionalOpeners: PhraseList;
  historicalMarkers: PhraseList;
  relativePronouns: PhraseList;
  clauseBreaks: PhraseList;
  beForms: PhraseList;
  /** words after which an -ing form acts as a verb, opening a clause on it ("after meeting", "by shelling") */
  ingOpeners: PhraseList;
  /** words after an act that say where its doers were ("blocked roads in Nairobi") */
  whereDone: PhraseList;
  by: PhraseList;
  skipBeforeActor: PhraseList;
  skipAfterActor: PhraseList;
  compoundJoiners: PhraseList;
  firstPerson: PhraseList;
  possessives: PhraseList;
  anaphoricNouns: PhraseList;
  anaphoricDeterminers: PhraseList;
  prepositions: PhraseList;
  /** a word before a verb form that makes it a noun ("the attack", "its demands") */
  nounMarkers: PhraseList;
  /** a word before a bare or -s form that makes it a verb ("to support", "we demand") */
  verbMarkers: PhraseList;
  /** a condition after an announced act that makes it an ultimatum ("will withdraw … unless") */
  ultimatumMarkers: PhraseList;
  /** verbs of saying before a subject whose "would" is a backshifted "will" ("said it would not attend") */
  reportingVerbs: PhraseList;
  /** words after an act that name whom it defies or protests against ("in defiance of X") */
  againstPhrases: PhraseList;
  /** an object by which a compound subject acts each on the other ("accused each other"; "each … the other" listed as "each the other") */
  reciprocalObjects: PhraseList;
  /** noun markers that right after an actor quantify it, the next word staying a verb ("Israel and Hamas each accused") */
  floatingQuantifiers: PhraseList;
  /** a subject standing for the two sides named last ("the two men", "both leaders") */
  pairPhrases: PhraseList;
  /** words opening a sentence on a clause whose act's doer is the main clause's subject ("After meeting with Putin, Trump …") */
  frontedOpeners: PhraseList;
  /** words and phrases that look like a verb form but join words ("according to", "including"): never a bare verb */
  notVerbs: PhraseList;
  /** CAMEO roots a verb alone never codes ("said", "told": a statement is not an act between two actors) */
  bareRootsIgnored: ReadonlySet<string>;
  /**
   * PETRARCH verb groups, and single verbs of other groups, that alone name no act between actors
   * (only their patterns do): expecting and preparing ("expected", "prepared"), light verbs ("gave",
   * "issued", "added") and joining ("joined", "united")
   */
  bareGroupsIgnored: ReadonlySet<string>;
  bareLemmasIgnored: ReadonlySet<string>;
  /**
   * CAMEO roots ("04") and codes ("062") a compound subject does each with the other when the act
   * has no object ("Hungary and Romania agreed", "Chile and Peru held joint exercises")
   */
  reciprocalCodes: ReadonlySet<string>;
  /** CAMEO root of a future cooperative act → the 03x code of its announced intent */
  intentCodes: ReadonlyMap<string, string>;
  /** CAMEO root of a future hostile act → the 13x code of the threat */
  threatCodes: ReadonlyMap<string, string>;
  /** CAMEO root of a refused cooperative act → the 12x code of the rejection */
  rejectCodes: ReadonlyMap<string, string>;
  /** CAMEO codes of acts that hold both ways (talks, a telephone call, a signed agreement) */
  mutualCodes: ReadonlySet<string>;
  /** CAMEO roots of acts whose complement another side is asked or refused to do, not doing (appeals, demands, rejections) */
  embeddingRoots: ReadonlySet<string>;
  /** words for a blast or an attack ("bombing", "car bomb") that, with a place, stand for an attacker no one names */
  attackNouns: PhraseList;
  /** words before a people word that name an ethnic group, coded by the country it lives in ("ethnic Albanians … in Serbia") */
  ethnicMarkers: PhraseList;
  /** CAMEO roots of inquiries, whose target is the one "by" whom the thing inquired into was done */
  inquiryRoots: ReadonlySet<string>;
  /** CAMEO roots of acts that, on a harm done to someone, are aimed at the one who did it */
  blameRoots: ReadonlySet<string>;
  /** nouns of a harm done to someone ("the killing of", "the abduction of") */
  harmNouns: PhraseList;
  /** CAMEO roots of demands whose target, when no one is named, is the actor "by" whom the demanded act is to be done */
  demandByRoots: ReadonlySet<string>;
  /** CAMEO roots of the acts such an unnamed attack does (assault, fight, mass violence) */
  attackRoots: ReadonlySet<string>;
  /** PLOVER types whose unnamed recipient is the source's own country (a protest, a curfew) */
  domesticTypes: ReadonlySet<string>;
  /** of those, the types whose PETRARCH patterns may stand alone, done at home, when no target is named */
  domesticAloneTypes: ReadonlySet<string>;
  maxGap: number;
  /** list commas and conjunctions ("artillery, mortar and rocket fire") a gap may hold beyond `maxGap` */
  maxGapJoiners: number;
  maxTargetDistance: number;
  maxSourceDistance: number;
}

const FILE = 'data/events/grammar.json';
const LISTS = {
  negators: 'negators', negatingVerbs: 'negating_verbs', refusals: 'refusals', threatCues: 'threat_cues', obligations: 'obligations', peopleNouns: 'people_nouns', future: 'future', offerCues: 'offer_cues', hypothetical: 'hypothetical',
  conditionalOpeners: 'conditional_openers', historicalMarkers: 'historical_markers', relativePronouns: 'relative_pronouns',
  clauseBreaks: 'clause_breaks', beForms: 'be_forms', ingOpeners: 'ing_openers', whereDone: 'where_done', by: 'by', skipBeforeActor: 'skip_before_actor', skipAfterActor: 'skip_after_actor',
  compoundJoiners: 'compound_joiners', firstPerson: 'first_person', possessives: 'possessives', anaphoricNouns: 'anaphoric_nouns', anaphoricDeterminers: 'anaphoric_determiners', prepositions: 'prepositions',
  nounMarkers: 'noun_markers', verbMarkers: 'verb_markers', notVerbs: 'not_verbs', ultimatumMarkers: 'ultimatum_markers', reportingVerbs: 'reporting_verbs', againstPhrases: 'against_phrases', reciprocalObjects: 'reciprocal_objects', floatingQuantifiers: 'floating_quantifiers', pairPhrases: 'pair_phrases', frontedOpeners: 'fronted_openers', attackNouns: 'attack_nouns', ethnicMarkers: 'ethnic_markers', harmNouns: 'harm_nouns',
} as const;

function phraseList(file: string, obj: Record<string, unknown>, key: string): PhraseList {
  const v = obj[key];
  if (!Array.isArray(v) || v.length === 0) throw new DataFileError(file, `"${key}" must be a non-empty array of strings`);
  const words = new Set<string>();
  const byLast = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const p of v) {
    if (typeof p !== 'string' || p.trim() !== p || p === '' || p !== p.toLowerCase()) throw new DataFileError(file, `"${key}" holds a bad entry ${JSON.stringify(p)} (lower case, no outer spaces)`);
    if (seen.has(p)) throw new DataFileError(file, `"${key}" lists "${p}" twice`);
    seen.add(p);
    const parts = p.split(/\s+/);
    if (parts.length === 1) words.add(p);
    else {
      const last = parts[parts.length - 1];
      const list = byLast.get(last) ?? [];
      list.push(parts);
      byLast.set(last, list);
    }
  }
  return { words, byLast };
}

/**
 * Validate a parsed grammar file. Throws `DataFileError` naming the field.
 * @example parseGrammar(JSON.parse(text), 'my-grammar.json').maxGap // 3
 */
export function parseGrammar(raw: unknown, file = FILE): EventGrammar {
  const keys = ['$comment', ...Object.values(LISTS), 'intent_codes', 'threat_codes', 'reject_codes', 'bare_roots_ignored', 'bare_groups_ignored', 'bare_lemmas_ignored', 'reciprocal_codes', 'embedding_roots', 'domestic_types', 'domestic_alone_types', 'attack_roots', 'inquiry_roots', 'blame_roots', 'demand_by_roots', 'mutual_codes', 'max_gap', 'max_gap_joiners', 'max_target_distance', 'max_source_distance'];
  const o = expectObject(file, raw, keys);
  const lists = Object.fromEntries(Object.entries(LISTS).map(([k, f]) => [k, phraseList(file, o, f)])) as Record<keyof typeof LISTS, PhraseList>;
  const codeMap = (key: string): ReadonlyMap<string, string> => {
    const v = o[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `"${key}" must be an object of CAMEO root → code`);
    for (const [k, c] of Object.entries(v)) {
      if (!/^\d\d$/.test(k) || typeof c !== 'string' || !/^\d{3,4}$/.test(c)) throw new DataFileError(file, `"${key}": bad entry ${JSON.stringify(k)}: ${JSON.stringify(c)}`);
    }
    return new Map(Object.entries(v as Record<string, string>));
  };
  return {
    ...lists,
    intentCodes: codeMap('intent_codes'),
    threatCodes: codeMap('threat_codes'),
    rejectCodes: codeMap('reject_codes'),
    bareRootsIgnored: new Set(expectWords(file, o, 'bare_roots_ignored')),
    bareGroupsIgnored: new Set(expectWords(file, o, 'bare_groups_ignored')),
    bareLemmasIgnored: new Set(expectWords(file, o, 'bare_lemmas_ignored')),
    reciprocalCodes: new Set(expectWords(file, o, 'reciprocal_codes')),
    embeddingRoots: new Set(expectWords(file, o, 'embedding_roots')),
    domesticTypes: new Set(expectWords(file, o, 'domestic_types')),
    domesticAloneTypes: new Set(expectWords(file, o, 'domestic_alone_types')),
    mutualCodes: new Set(expectWords(file, o, 'mutual_codes')),
    attackRoots: new Set(expectWords(file, o, 'attack_roots')),
    inquiryRoots: new Set(expectWords(file, o, 'inquiry_roots')),
    blameRoots: new Set(expectWords(file, o, 'blame_roots')),
    demandByRoots: new Set(expectWords(file, o, 'demand_by_roots')),
    maxGap: expectNumber(file, o, 'max_gap', 0, 10),
    maxGapJoiners: expectNumber(file, o, 'max_gap_joiners', 0, 10),
    maxTargetDistance: expectNumber(file, o, 'max_target_distance', 1, 50),
    maxSourceDistance: expectNumber(file, o, 'max_source_distance', 1, 100),
  };
}

let cached: EventGrammar | undefined;

/** The built-in grammar, loaded once. @example loadGrammar().negators.words.has('not') // true */
export function loadGrammar(): EventGrammar {
  return (cached ??= parseGrammar(readDataJson(FILE)));
}

/**
 * Whether a phrase of `list` ends at word `i` of `words`.
 * @example endsWith(g.future, ['they', 'plan', 'to'], 2) // true ("plan to")
 */
export function endsAt(list: PhraseList, words: readonly string[], i: number): number {
  const w = words[i];
  if (list.words.has(w)) return 1;
  const multi = list.byLast.get(w);
  if (multi) {
    for (const p of multi) {
      if (p.length > i + 1) continue;
      let ok = true;
      for (let k = 0; k < p.length && ok; k++) ok = words[i - p.length + 1 + k] === p[k];
      if (ok) return p.length;
    }
  }
  return 0;
}
