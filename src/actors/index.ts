/**
 * The actor stage: which countries, organisations, people and groups an article mentions, by
 * name, surname, title, metonym, demonym, description or pronoun, each with the CAMEO code valid
 * on the article's date. Find (`mentions.ts`), then attach (`coref.ts`).
 */
import type { ArticleText } from '../model/article.js';
import type { Mention } from '../model/actor.js';
import { loadActorDictionary, type ActorDictionary } from './dictionary.js';
import { findCandidates } from './mentions.js';
import { articleDate } from './_context.js';
import { longestFirst, resolve } from './coref.js';
import { withHalves } from './halves.js';

/** The parts, for tests and tools. @example import { findCandidates, resolve } from './actors/index.js'; */
export { loadActorDictionary, type ActorDictionary } from './dictionary.js';
/** @example findCandidates(article, loadActorDictionary()).length */
export { findCandidates, quoteSpans, type Candidate } from './mentions.js';
/** @example resolve(longestFirst(cands), dict, '2021-03-23') */
export { longestFirst, resolve, MAX_LOOKBACK } from './coref.js';
/** @example personActor(dict, dict.people.get('person/joe-biden')!, '2022-01-01').code // 'USAGOV' */
export { roleOn, personActor, countryActor, orgActor } from './codes.js';
/** @example placeCountries().byName.get('london') // 'GBR' */
export { placeCountries, placeEntries } from './places.js';
/** @example partyTagAt('X (R-Ohio) said', 1) // true */
export { partyTagAt } from './_context.js';

/**
 * Whether a mention's country comes from the context alone ("prosecutors said" after a sentence
 * on Britain): good enough for who a speaker is, too weak to make the mention an event's party.
 *
 * @example contextOnly({ rule: 'context+roles/prosecutor' } as Mention) // true
 */
export function contextOnly(m: Mention): boolean {
  return m.rule.startsWith('context+');
}

/**
 * Actor mentions of an article, sorted by start and non-overlapping. Pure: the dictionary is
 * loaded once; the date comes from `article.meta.date` (undated: the year the text names most),
 * never from the clock.
 *
 * @example
 * const a = analyze({ text: 'Sergei Lavrov spoke in Guilin. He met Wang Yi.' }) as Article;
 * findActors(a).map((m) => [a.text.slice(m.start, m.end), m.actor.code, m.kind])
 * // [['Sergei Lavrov', 'RUSGOV', 'name'], ['He', 'RUSGOV', 'pronoun'], ['Wang Yi', 'CHNGOV', 'name']]
 */
export function findActors(article: ArticleText, dict: ActorDictionary = loadActorDictionary()): Mention[] {
  // an undated article is coded for the years its text names, not for today
  const date = articleDate(article);
  return resolve(withHalves(article, longestFirst(findCandidates(article, dict))), dict, date);
}
