/**
 * Find: every span of an article that may refer to an actor, as candidates with the rule that
 * found them. Which actor a title or pronoun means is decided later, in `coref.ts`.
 */
import type { ArticleText as Article } from '../model/article.js';
import type { MentionKind } from '../model/actor.js';
import type { Span } from '../model/span.js';
import type { ActorDictionary } from './dictionary.js';
import { caseFlags, tokenKey, type Hit } from './_trie.js';

/** What a candidate refers to, before coreference. @example const r: Ref = { type: 'country', code: 'RUS', roles: ['MIL'] }; */
export type Ref =
  | { type: 'country'; code: string; roles: readonly string[] }
  | { type: 'org'; key: string }
  | { type: 'person'; id: string; title?: { country?: string; roles: readonly string[] } }
  | { type: 'new-person'; name: string; country: string; roles: readonly string[]; gender?: 'male' | 'female' }
  | { type: 'title'; country?: string; roles: readonly string[]; gender?: 'male' | 'female' }
  | { type: 'pronoun'; word: string; inQuote: boolean };

/** A span that may refer to an actor, with how it was found. @example { start: 0, end: 6, kind: 'metonym', rule: 'countries/RUS/metonym', ref, sentence: 0 } */
export interface Candidate extends Span {
  kind: MentionKind;
  rule: string;
  ref: Ref;
  /** index of its sentence in `article.spans.sentences` */
  sentence: number;
  /** for "it": set when a reporting verb follows ("it said"), the one use of "it" that names an actor */
  next?: boolean;
}

const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'a', 'an']);
// "talks in Moscow": a capital after a place preposition is where, not who
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'via', 'into']);
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'they', 'them', 'their', 'themselves', 'its', 'it', 'we', 'us', 'our', 'i', 'me', 'my']);
const NOT_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'on', 'in', 'and', 'the', 'said', 'says', 'told', 'of', 'for', 'to', 'who', 'has', 'had', 'was', 'is']);
const REPORTING = new Set(['said', 'says', 'added', 'warned', 'announced', 'accused', 'rejected', 'denied', 'agreed', 'urged', 'demanded', 'threatened', 'wants', 'plans', 'will', 'would']);
const isPersonish = (h: Hit): boolean => h.type === 'person';
const isRole = (h: Hit): boolean => h.type === 'role';
const isNamed = (h: Hit): boolean => h.type === 'org' || h.type === 'person';

/**
 * Candidates in one article, sorted by start, overlaps left in (the caller keeps the longest).
 *
 * Steps: 1. key and case every token once; 2. per sentence, longest dictionary match at each
 * token, with the compositions "[the] [Russian|Russia’s] foreign minister [Sergei Lavrov]" and
 * "Russian forces"; 3. surnames of people named earlier; 4. pronouns, marked when inside a quote.
 *
 * @example
 * const a = analyze({ text: 'Russian Foreign Minister Sergei Lavrov met Wang Yi.' });
 * findCandidates(a, loadActorDictionary()).map((c) => c.kind) // ['name', 'name']
 */
export function findCandidates(article: Article, dict: ActorDictionary): Candidate[] {
  const { text } = article;
  const toks = article.spans.tokens;
  // 1. keys and case flags
  const keys = new Array<string>(toks.length);
  const flags = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    keys[i] = tokenKey(text, toks[i].start, toks[i].end);
    flags[i] = caseFlags(text, toks[i].start, toks[i].end);
  }
  const quotes = quoteSpans(text);
  const out: Candidate[] = [];
  const surnames = new Map<string, Ref>(); // key → the person a bare surname means, from full names seen so far
  const date = article.meta.date?.value?.slice(0, 10);
  let t = 0;
  let si = 0;
  // one closure per article, not per sentence: closures are what this loop would otherwise allocate most
  const push = (a: number, b: number, kind: MentionKind, rule: string, ref: Ref): void => {
    out.push({ start: toks[a].start, end: toks[b - 1].end, kind, rule, ref, sentence: si });
  };
  const sentences = article.spans.sentences;
  for (; si < sentences.length; si++) {
    const s = sentences[si];
    while (t < toks.length && toks[t].start < s.start) t++;
    let end = t;
    while (end < toks.length && toks[end].end <= s.end) end++;
    // 2. dictionary matches and compositions
    for (let i = t; i < end; ) {
      const m = dict.trie.longest(keys, flags, i, end);
      if (!m) {
        const sn = surnames.get(keys[i]);
        if (sn && flags[i] & 1) push(i, i + 1, 'surname', 'coref/surname', sn);
        else if (PRONOUNS.has(keys[i]) && !(keys[i] === 'us' && flags[i] & 2)) {
          const inQuote = insideAny(quotes, toks[i].start);
          if (keys[i] !== 'it' || (i + 1 < end && REPORTING.has(keys[i + 1]))) {
            push(i, i + 1, 'pronoun', inQuote ? 'pronoun/in-quote' : 'pronoun', { type: 'pronoun', word: keys[i], inQuote });
            if (keys[i] === 'it') out[out.length - 1].next = true;
          }
        }
        i++;
        continue;
      }
      const first = m.hits[0];
      const countryHit = m.hits.find((h) => h.type === 'country' || h.type === 'adjective');
      // "Russian", "Russia", "Russia ’s" followed by a role: a title or a demonym
      let j = m.end;
      if (countryHit && j < end && (keys[j] === "'s" || keys[j] === "'")) j++;
      const role = countryHit ? roleAt(dict, keys, flags, j, end) : first.type === 'role' ? { end: m.end, hit: first } : undefined;
      if (role) {
        const entry = dict.roles.get(role.hit.id)!;
        const det = i > t && DETERMINERS.has(keys[i - 1]) ? i - 1 : i;
        const country = countryHit?.id;
        const named = nameAfter(dict, keys, flags, toks, text, role.end, end);
        if (entry.person && named) {
          // "Russian Foreign Minister Sergei Lavrov": the name is the mention, the title gives the role
          if (named.id) {
            const ref: Ref = { type: 'person', id: named.id, title: { country, roles: entry.roles } };
            push(role.end, named.end, 'name', `title+name/${named.rule}`, ref);
            learnSurname(surnames, dict.people.get(named.id)!.name, ref);
          } else if (country) {
            const ref: Ref = { type: 'new-person', name: named.name, country, roles: entry.roles, gender: entry.gender };
            push(role.end, named.end, 'name', 'title+name/new-person', ref);
            learnSurname(surnames, named.name, ref);
          } else push(role.end, named.end, 'name', 'title+name/unknown', { type: 'title', roles: entry.roles, gender: entry.gender });
          i = named.end;
          continue;
        }
        if (entry.person && !role.hit.plural) {
          // "the Russian foreign minister", "the minister": resolved to a person by coref
          if (country || det < i) push(det, role.end, 'title', role.hit.rule, { type: 'title', country, roles: entry.roles, gender: entry.gender });
        } else if (country && !nameAfter(dict, keys, flags, toks, text, role.end, end, true)) {
          // "Russia’s state-owned media outlet TASS": the outlet is the mention, not the description
          push(i, role.end, 'demonym', `demonym+role/${role.hit.rule}`, { type: 'country', code: country, roles: entry.roles });
        }
        i = role.end;
        continue;
      }
      const kind = kindOf(first);
      if (kind && !(first.type === 'metonym' && i > t && LOCATIVE.has(keys[i - 1]))) {
        if (first.type === 'person') {
          const known = first.surname ? surnames.get(keys[i]) : undefined;
          const id = pickPerson(dict, m.hits, date);
          const p = dict.people.get(id)!;
          // a bare surname first seen here must name someone in office on the date ("Stoltenberg" in 1987 is not Jens)
          if (known) push(i, m.end, 'surname', 'coref/surname', known);
          else if (!first.surname || !date || p.roles.some((r) => covers(r, date))) push(i, m.end, first.surname ? 'surname' : 'name', first.rule, { type: 'person', id });
          if (!first.surname) learnSurname(surnames, p.name, { type: 'person', id });
        } else if (first.type === 'org' || first.type === 'description' || first.type === 'org-metonym') {
          push(i, m.end, kind, first.rule, { type: 'org', key: first.id });
        } else push(i, m.end, kind, first.rule, { type: 'country', code: first.id, roles: first.roles ?? [] });
      }
      i = m.end;
    }
    t = end;
  }
  return out;
}

function kindOf(h: Hit): MentionKind | undefined {
  switch (h.type) {
    case 'country': case 'org': case 'person': return 'name';
    case 'metonym': case 'org-metonym': return 'metonym';
    case 'demonym': return 'demonym';
    case 'description': return 'description';
    default: return undefined; // an adjective or role alone is not an actor
  }
}

function roleAt(dict: ActorDictionary, keys: readonly string[], flags: Uint8Array, i: number, end: number): { end: number; hit: Hit } | undefined {
  const m = dict.trie.longest(keys, flags, i, end, isRole);
  return m ? { end: m.end, hit: m.hits[0] } : undefined;
}

/** A person's name right after a title: a dictionary name, or one to three capitalised words. */
function nameAfter(dict: ActorDictionary, keys: readonly string[], flags: Uint8Array, toks: readonly Span[], text: string, i: number, end: number, orgs = false): { end: number; id?: string; name: string; rule: string } | undefined {
  if (i >= end || !(flags[i] & 1)) return undefined;
  const m = dict.trie.longest(keys, flags, i, end, orgs ? isNamed : isPersonish);
  if (orgs) return m ? { end: m.end, name: '', rule: m.hits[0].rule } : undefined;
  if (m) return { end: m.end, id: m.hits[0].id, name: '', rule: m.hits[0].rule };
  if (dict.trie.longest(keys, flags, i, end)) return undefined; // "Foreign Minister Press Service", a country…
  let j = i;
  while (j < end && j < i + 3 && flags[j] & 1 && !NOT_NAMES.has(keys[j]) && /^\p{L}/u.test(text[toks[j].start])) j++;
  if (j - i < 2) return undefined; // one capitalised word is too often not a name ("Minister Tuesday")
  return { end: j, name: text.slice(toks[i].start, toks[j - 1].end), rule: 'new-person' };
}

/** After "Sergei Lavrov", a bare "Lavrov" is him for the rest of the article. */
function learnSurname(surnames: Map<string, Ref>, name: string, ref: Ref): void {
  const parts = name.split(' ');
  const last = parts[parts.length - 1].toLowerCase();
  if (parts.length >= 2 && last.length >= 3) surnames.set(last, ref);
}

function covers(r: { from?: string; to?: string }, date: string): boolean {
  return (!r.from || r.from <= date) && (!r.to || date <= r.to) && !(r.from === undefined && r.to === undefined);
}

/** Among people sharing a name, the one holding a role on the date, else the first listed. */
function pickPerson(dict: ActorDictionary, hits: readonly Hit[], date: string | undefined): string {
  if (hits.length === 1 || !date) return hits[0].id;
  const d = date.slice(0, 10);
  for (const h of hits) if (dict.people.get(h.id)?.roles.some((r) => covers(r, d))) return h.id;
  return hits[0].id;
}

/**
 * Spans between opening and closing quotation marks (curly pairs, or straight marks taken in turn).
 * @example quoteSpans('He said “we won” today') // [{ start: 8, end: 16 }]
 */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || (c === 34 && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === 0x201d || c === 34) && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === 10 && open >= 0 && text.charCodeAt(i + 1) === 10 && text.charCodeAt(i + 2) !== 0x201c) {
      open = -1; // a quote that runs on into the next paragraph reopens with a mark; otherwise it was a stray mark
    }
  }
  return out;
}

function insideAny(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
