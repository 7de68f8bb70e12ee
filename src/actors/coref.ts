/**
 * Attach: keep the longest of overlapping candidates, give each the actor it names, and point
 * surnames, titles and pronouns back to the mention they stand for.
 */
import type { Actor, Mention } from '../model/actor.js';
import type { ActorDictionary } from './dictionary.js';
import type { Candidate } from './mentions.js';
import { countryActor, orgActor, personActor } from './codes.js';

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const PLURAL = new Set(['they', 'them', 'their', 'themselves']);
const SPEAKER = new Set(['we', 'us', 'our', 'i', 'me', 'my']);
/** how many sentences back a pronoun may reach: person pronouns further than "they"/"its" */
const PERSON_REACH = 3;
const THING_REACH = 1;
/**
 * Mentions a title or pronoun looks back through at most. A long article holds a few hundred;
 * without a bound, one giant sentence (a 4 MB line of names and titles) made resolution
 * quadratic: 30 s, and minutes at the 20 MB input limit.
 */
export const MAX_LOOKBACK = 1_000;

/** "we" inside a quote is the speaker's side: the quote stage resolves it. */
const SPEAKER_SIDE: Actor = Object.freeze({ id: 'unresolved/speaker', code: '', country: '', roles: [], name: 'the speaker’s side', kind: 'group' }) as Actor;

/**
 * Longest-first, non-overlapping candidates in text order.
 * @example longestFirst([{ start: 0, end: 5 }, { start: 0, end: 9 }] as Candidate[]) // [{ start: 0, end: 9 }]
 */
export function longestFirst(cands: readonly Candidate[]): Candidate[] {
  // the common case: already in text order and apart, which is what the general way returns too
  let apart = true;
  for (let i = 1; i < cands.length && apart; i++) apart = cands[i].start >= cands[i - 1].end;
  if (apart) return cands.slice();
  const bySize = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of bySize) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Mentions with actors coded for `date` and antecedents. Steps: 1. names, metonyms, demonyms
 * and descriptions get their actor; 2. a surname points to the person's first mention; 3. a
 * title to the latest person of that country and role; 4. "he"/"she" to the latest person of
 * that gender within three sentences, "they"/"its" to the latest country, group or organisation
 * in this or the last sentence, "we" in a quote is marked for the quote stage. Unresolved titles
 * without a country and unresolved pronouns are dropped.
 *
 * @example resolve(longestFirst(findCandidates(a, dict)), dict, '2021-03-23')
 */
export function resolve(cands: readonly Candidate[], dict: ActorDictionary, date: string | undefined): Mention[] {
  const out: Mention[] = [];
  const sentenceOf: number[] = [];
  const firstOf = new Map<string, number>();
  const add = (c: Candidate, actor: Actor, antecedent?: number): void => {
    if (!firstOf.has(actor.id)) firstOf.set(actor.id, out.length);
    sentenceOf.push(c.sentence);
    out.push({ start: c.start, end: c.end, actor, kind: c.kind, rule: c.rule, ...(antecedent !== undefined ? { antecedent } : {}) });
  };
  const back = (from: Candidate, reach: number, ok: (m: Mention) => boolean): number | undefined => {
    const stop = Math.max(0, out.length - MAX_LOOKBACK);
    for (let k = out.length - 1; k >= stop && from.sentence - sentenceOf[k] <= reach; k--) if (ok(out[k])) return k;
    return undefined;
  };
  for (const c of cands) {
    const r = c.ref;
    switch (r.type) {
      case 'country': add(c, countryActor(dict, r.code, r.roles)); break;
      case 'org': add(c, orgActor(dict, r.key)); break;
      case 'person': {
        const first = firstOf.get(r.id);
        if (c.kind === 'surname' && first !== undefined) {
          add(c, out[first].actor, first); // the actor as its first mention coded it
          break;
        }
        let actor = personActor(dict, dict.people.get(r.id)!, date);
        // "Finance Minister Kiichi Miyazawa" where the dictionary knows no office on that date: the title says GOV
        if (r.title && date && !actor.roles.some((x) => r.title!.roles.includes(x)) && (actor.roles.length === 0 || actor.roles.includes('ELI'))) {
          const country = r.title.country ?? actor.country;
          actor = { ...actor, code: country + r.title.roles.join(''), country, roles: [...r.title.roles] };
        }
        add(c, actor);
        break;
      }
      case 'new-person': {
        const id = `person/~${r.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
        const first = firstOf.get(id);
        if (first !== undefined) add(c, out[first].actor, first);
        else add(c, { id, code: r.country + r.roles.join(''), country: r.country, roles: [...r.roles], name: r.name, ...(r.gender ? { gender: r.gender } : {}), kind: 'person' });
        break;
      }
      case 'title': {
        // "the Russian foreign minister" → the latest person of that country holding that sector
        const k = back(c, Infinity, (m) => m.kind !== 'pronoun' && m.actor.kind === 'person' && (!r.country || m.actor.country === r.country) && r.roles.some((x) => m.actor.roles.includes(x)) && (!r.gender || !m.actor.gender || m.actor.gender === r.gender));
        if (k !== undefined) add(c, out[k].actor, k);
        else if (r.country) add(c, countryActor(dict, r.country, r.roles));
        break;
      }
      case 'pronoun': {
        const w = r.word;
        if (SPEAKER.has(w)) {
          if (r.inQuote) add(c, SPEAKER_SIDE);
          break;
        }
        let k: number | undefined;
        if (MALE.has(w) || FEMALE.has(w)) {
          const g = MALE.has(w) ? 'male' : 'female';
          k = back(c, PERSON_REACH, (m) => m.actor.kind === 'person' && (!m.actor.gender || m.actor.gender === g));
        } else if (PLURAL.has(w) || w === 'its' || w === 'it') {
          // "it is", "it was": too often no actor at all; "it said", "it warned" is the latest group
          if (w === 'it' && !c.next) break;
          // "Iraq said it would …": the speaker, a country too, in the same sentence
          if (w === 'it' && c.reported) k = back(c, 0, (m) => m.actor.kind !== 'person' && m.kind !== 'pronoun');
          if (k !== undefined) {
            add(c, out[k].actor, k);
            break;
          }
          k = back(c, THING_REACH, (m) => m.actor.kind !== 'person' && m.kind !== 'pronoun' && (w === 'its' || m.actor.kind !== 'country' || PLURAL.has(w)));
        }
        if (k !== undefined) add(c, out[k].actor, k);
        break;
      }
    }
  }
  return out;
}
