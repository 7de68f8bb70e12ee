/**
 * Attach: keep the longest of overlapping candidates, give each the actor it names, and point
 * surnames, titles and pronouns back to the mention they stand for.
 */
import type { Actor, Mention } from '../model/actor.js';
import type { ActorDictionary } from './dictionary.js';
import type { Candidate } from './mentions.js';
import { armedGroup } from './context-words.js';
import { countryActor, orgActor, personActor, roleOn } from './codes.js';

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const PLURAL = new Set(['they', 'them', 'their', 'themselves']);
const SPEAKER = new Set(['we', 'us', 'our', 'i', 'me', 'my']);
/** how many sentences back a pronoun may reach: person pronouns further than "they"/"its" */
const PERSON_REACH = 3;
/** a state's code (three capitals), not an organisation's ("NATO", "IGO…") */
const COUNTRY = /^[A-Z]{3}$/;
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
  // the title a person the dictionary does not know was named with: "the president" is not "Ambassador Chris Stevens"
  const titleOf = new Map<string, string>(); // by actor id
  const back = (from: Candidate, reach: number, ok: (m: Mention) => boolean): number | undefined => {
    const stop = Math.max(0, out.length - MAX_LOOKBACK);
    for (let k = out.length - 1; k >= stop && from.sentence - sentenceOf[k] <= reach; k--) if (ok(out[k])) return k;
    return undefined;
  };
  let context: ContextCountry | undefined;
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    const r = c.ref;
    switch (r.type) {
      case 'country': add(c, countryActor(dict, r.code, r.roles)); break;
      case 'org': add(c, datedOrg(dict, r.key, date)); break;
      case 'person': {
        const first = firstOf.get(r.id);
        if (c.kind === 'surname' && first !== undefined) {
          add(c, out[first].actor, first); // the actor as its first mention coded it
          break;
        }
        const p = dict.people.get(r.id)!;
        let actor = personActor(dict, p, r.tense === 'then' && r.year ? r.year : date);
        if (r.tense) {
          // "former Defense Secretary Chuck Hagel": no longer in that office; "then-Secretary … in 2012": the office
          // held in the year the sentence speaks of, and with no year given, a former official
          const inTitle = !r.title || r.title.roles.some((x) => actor.roles.includes(x));
          if (r.tense === 'then' && r.year && r.title && !roleOn(p, r.year)) actor = { ...actor, code: (r.title.country ?? actor.country) + r.title.roles.join(''), roles: [...r.title.roles] };
          else if ((r.tense === 'former' || !r.year) && inTitle && !actor.roles.includes('ELI') && !/^(IGO|NGO)/.test(actor.code)) actor = { ...actor, code: `${actor.country}ELI`, roles: ['ELI'] };
          add(c, actor);
          break;
        }
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
        if (first !== undefined) {
          add(c, out[first].actor, first);
          break;
        }
        // no country given with the name: the country the sentence named before it, else the article's most named
        const country = r.country ?? (context ??= new ContextCountry(cands)).at(ci);
        if (!country) break;
        if (r.title) titleOf.set(id, r.title);
        add(c, { id, code: country + r.roles.join(''), country, roles: [...r.roles], name: r.name, ...(r.gender ? { gender: r.gender } : {}), kind: 'person' });
        break;
      }
      case 'title': {
        // "the Russian foreign minister" → the latest person of that country holding that sector
        const k = back(c, Infinity, (m) => m.kind !== 'pronoun' && (!r.phrase || (titleOf.get(m.actor.id) ?? r.phrase) === r.phrase) && m.actor.kind === 'person' && (!r.country || m.actor.country === r.country) && r.roles.some((x) => m.actor.roles.includes(x)) && (!r.gender || !m.actor.gender || m.actor.gender === r.gender));
        if (k !== undefined) add(c, out[k].actor, k);
        else if (r.country) add(c, countryActor(dict, r.country, r.roles));
        break;
      }
      case 'context-role': {
        // "U.S. officials said … the officials": the same body named with its country earlier; else
        // "prosecutors said": the country the text spoke of just before, in this or the last sentence
        const same = `demonym+role/${c.rule.slice(c.rule.indexOf('+') + 1)}`;
        const k = back(c, Infinity, (m) => m.rule === same) ?? back(c, 1, (m) => m.kind !== 'pronoun' && COUNTRY.test(m.actor.country) && !m.actor.roles.includes('MED'));
        if (k !== undefined) add(c, countryActor(dict, out[k].actor.country, r.roles));
        break;
      }
      case 'context-group': {
        // "Hamas … militants launched rockets": the armed group named latest before, however far back
        const k = back(c, Infinity, (m) => m.kind !== 'pronoun' && armedGroup(m.actor));
        if (k !== undefined) add(c, out[k].actor, k);
        break;
      }
      case 'context-half': {
        // "North Korea … the North fired": the country named latest whose name begins with the word
        const k = back(c, Infinity, (m) => m.actor.kind === 'country' && m.actor.name.startsWith(`${r.half} `));
        if (k !== undefined) add(c, out[k].actor, k);
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

/** An organisation's actor on `date`: a dated role that runs then replaces its code (the Taliban in government from 2021-08-15). */
function datedOrg(dict: ActorDictionary, key: string, date: string | undefined): Actor {
  const actor = orgActor(dict, key);
  const roles = dict.organisations.get(key)!.roles;
  if (!roles || !date) return actor;
  const r = roles.find((x) => (!x.from || x.from <= date) && (!x.to || date <= x.to));
  return r ? { ...actor, code: r.code, roles: r.code.slice(3).match(/.../g) ?? [], country: r.code.slice(0, 3) } : actor;
}

/**
 * The country an unknown person belongs to when nothing next to the name says: the country the
 * same sentence names before the person, else the one the article names most (first of equals).
 */
class ContextCountry {
  private readonly best: string | undefined;
  constructor(private readonly cands: readonly Candidate[]) {
    const counts = new Map<string, number>();
    for (const c of cands) if (c.ref.type === 'country') counts.set(c.ref.code, (counts.get(c.ref.code) ?? 0) + 1);
    let best: string | undefined;
    for (const [code, n] of counts) if (!best || n > counts.get(best)!) best = code;
    this.best = best;
  }

  at(index: number): string | undefined {
    const sentence = this.cands[index].sentence;
    for (let k = index - 1; k >= 0 && this.cands[k].sentence === sentence; k--) {
      const r = this.cands[k].ref;
      if (r.type === 'country') return r.code;
    }
    return this.best;
  }
}
