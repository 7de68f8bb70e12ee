/**
 * Find: every span of an article that may refer to an actor, as candidates with the rule that
 * found them. Which actor a title or pronoun means is decided later, in `coref.ts`.
 */
import type { ArticleText as Article } from '../model/article.js';
import type { MentionKind } from '../model/actor.js';
import type { Span } from '../model/span.js';
import type { ActorDictionary } from './dictionary.js';
import { caseFlags, NOT_YET, type Hit } from './_trie.js';
import { articleDate, insideAny, partyTagAt } from './_context.js';
import { key, learnSurname, nameAfter, nameFollows, nameLike, personByCue, roleAt, tenseAt, type Tokens } from './_names.js';
import { contextWords } from './context-words.js';

/** What a candidate refers to, before coreference. @example const r: Ref = { type: 'country', code: 'RUS', roles: ['MIL'] }; */
/** An Arabic surname with its article ("al-Sharaa", "el-Sisi"), as a key. */
const ARTICLE_NAME = /^(?:al|el|ad|an|ar|as|ash|at|az)-\p{L}{3}/u;

export type Ref =
  | { type: 'country'; code: string; roles: readonly string[] }
  | { type: 'org'; key: string }
  | { type: 'person'; id: string; title?: { country?: string; roles: readonly string[] }; tense?: 'former' | 'then'; year?: string }
  /** a person the dictionary does not know; no `country`: the article's context gives it (coref) */
  | { type: 'new-person'; name: string; country?: string; roles: readonly string[]; gender?: 'male' | 'female'; title?: string }
  | { type: 'title'; country?: string; roles: readonly string[]; gender?: 'male' | 'female'; phrase?: string }
  /** a bare state body or its people ("prosecutors", "the defence ministry"): the country the text is about there (coref) */
  | { type: 'context-role'; roles: readonly string[] }
  /** bare armed men of no named side ("militants", "the insurgents"): the armed group the text named before (coref) */
  | { type: 'context-group'; roles: readonly string[] }
  /** "the North", "the South": the country named before whose name begins so (halves.ts, coref) */
  | { type: 'context-half'; half: string }
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
  /** for "it": set when it opens what a reporting verb reports ("Iraq said it would"), so it is that verb's subject */
  reported?: boolean;
}

let scratchIds = new Int32Array(1024);
let scratchFlags = new Uint8Array(1024);

const DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their', 'a', 'an']);
// "talks in Moscow": a capital after a place preposition is where, not who
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'via', 'into']);
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'they', 'them', 'their', 'themselves', 'its', 'it', 'we', 'us', 'our', 'i', 'me', 'my']);
const REPORTING = new Set(['said', 'says', 'added', 'warned', 'announced', 'accused', 'rejected', 'denied', 'agreed', 'urged', 'demanded', 'threatened', 'wants', 'plans', 'will', 'would']);

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
  // 1. key ids and case flags; key strings only when a rule asks for one
  const n = toks.length;
  if (scratchIds.length < n) {
    let size = scratchIds.length;
    while (size < n) size *= 2;
    scratchIds = new Int32Array(size);
    scratchFlags = new Uint8Array(size);
  }
  // reused between calls (nothing here re-enters): allocating two typed arrays per article cost more than filling them
  const ids = scratchIds.fill(NOT_YET, 0, n);
  const flags = scratchFlags;
  const trie = dict.trie;
  for (let i = 0; i < n; i++) flags[i] = caseFlags(text, toks[i].start, toks[i].end);
  const keys = new Array<string | undefined>(n);
  const cx: Tokens = { text, toks, ids, flags, keys };
  let quotes: Span[] | undefined;
  let articleDay: [string | undefined] | undefined;
  const out: Candidate[] = [];
  const surnames = new Map<string, Ref>(); // key → the person a bare surname means, from full names seen so far
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
      const m = trie.longest(cx, i, end);
      if (!m) {
        // "Paul Ryan" after "Rand Paul": a surname followed by another name is someone's first name
        // ("al-Sharaa" keeps its lower-case article at a sentence's start: a name all the same)
        const sn = (flags[i] & 1 || ARTICLE_NAME.test(key(cx, i))) && surnames.size > 0 && !nameFollows(cx, i + 1, end) ? surnames.get(key(cx, i)) : undefined;
        const cue = sn || !(flags[i] & 1) ? undefined : personByCue(dict, cx, i, t, end);
        if (sn) push(i, i + 1, 'surname', 'coref/surname', sn);
        else if (cue) {
          push(i, cue.end, 'name', 'cue/new-person', cue.ref);
          learnSurname(surnames, (cue.ref as { name: string }).name, cue.ref);
          i = cue.end;
          continue;
        } else {
          const k = pronounAt(text, toks[i].start, toks[i].end);
          if (k !== undefined && !(k === 'us' && flags[i] & 2) && (k !== 'it' || (i + 1 < end && REPORTING.has(key(cx, i + 1))))) {
            const inQuote = insideAny((quotes ??= quoteSpans(text)), toks[i].start);
            push(i, i + 1, 'pronoun', inQuote ? 'pronoun/in-quote' : 'pronoun', { type: 'pronoun', word: k, inQuote });
            if (k === 'it') {
              out[out.length - 1].next = true;
              // "Iraq said (that) it would": the subject of the reporting verb just before
              const b = i - 1 > t && key(cx, i - 1) === 'that' ? i - 2 : i - 1;
              if (b >= t && REPORTING.has(key(cx, b))) out[out.length - 1].reported = true;
            }
          }
        }
        i++;
        continue;
      }
      // "the Security Council" alone is the UN's, though a country's may share the name ("Russia's Security Council" takes the role path below)
      const first = m.hits.length > 1 && m.hits[0].type === 'role' ? (m.hits.find((h) => h.type === 'org') ?? m.hits[0]) : m.hits[0];
      const countryHit = m.hits.find((h) => h.type === 'country' || h.type === 'adjective');
      // "Russian", "Russia", "Russia ’s" followed by a role: a title or a demonym
      let j = m.end;
      if (countryHit && j < end && isPossessive(key(cx, j))) j++;
      const role = countryHit ? roleAt(dict, cx, j, end) : first.type === 'role' ? { end: m.end, hit: first } : undefined;
      if (role) {
        const entry = dict.roles.get(role.hit.id)!;
        const det = i > t && DETERMINERS.has(key(cx, i - 1)) ? i - 1 : i;
        const country = countryHit?.id;
        const named = nameAfter(dict, cx, role.end, end);
        if (entry.person && named) {
          // "Russian Foreign Minister Sergei Lavrov": the name is the mention, the title gives the role
          // a known name under another country's title is someone else of that name ("Australian Defense Minister David Johnston")
          const known = named.id ? dict.people.get(named.id)! : undefined;
          if (known && country && !known.roles.some((r) => r.code.startsWith(country))) named.name = known.name;
          else if (known) {
            const ref: Ref = { type: 'person', id: known.id, title: { country, roles: entry.roles }, ...tenseAt(cx, role.end, t, s) };
            push(role.end, named.end, 'name', `title+name/${named.rule}`, ref);
            learnSurname(surnames, known.name, ref, dict);
          }
          // "Arab League Secretary General Chadli Klibi": the title is the organisation's, whose
          // mention just before stands for the person (a new person would take the context's country)
          // (one capitalised word may stand between: "Secretary" before "General")
          const prev = out[out.length - 1];
          const ofOrg = !country && prev?.ref.type === 'org' && [i - 1, i - 2].some((j) => j >= t && toks[j].end === prev.end && (j === i - 1 || cx.flags[i - 1] & 1));
          if ((!known || named.name) && !ofOrg) {
            // "Foreign Minister Heiko Maas": a new person, never the last one of the title's role;
            // the country from an adjective, the title's own ("Rep.", "Labour MP"), a US party-state
            // tag ("(R-S.C.)"), else the context
            const where = country ?? entry.country ?? (partyTagAt(text, toks[named.end - 1].end) ? 'USA' : undefined);
            const ref: Ref = { type: 'new-person', name: named.name, ...(where ? { country: where } : {}), roles: entry.roles, gender: entry.gender, title: entry.phrase };
            push(role.end, named.end, 'name', where ? 'title+name/new-person' : 'title+name/new-person-in-context', ref);
            learnSurname(surnames, named.name, ref);
          }
          i = named.end;
          continue;
        }
        if (entry.person && !role.hit.plural) {
          // "the president of Armenia": the country after "of" is the title's
          const of = country ? undefined : countryAfterOf(dict, cx, role.end, end);
          if (of) {
            push(det, of.end, 'title', `${role.hit.rule}+of`, { type: 'title', country: of.code, roles: entry.roles, gender: entry.gender, phrase: entry.phrase });
            i = of.end;
            continue;
          }
          // "the Russian foreign minister", "the minister": resolved to a person by coref
          if (country || det < i) push(det, role.end, 'title', role.hit.rule, { type: 'title', country, roles: entry.roles, gender: entry.gender, phrase: entry.phrase });
        } else if (country && !nameAfter(dict, cx, role.end, end, true)) {
          // "Russia’s state-owned media outlet TASS": the outlet is the mention, not the description
          push(i, role.end, 'demonym', `demonym+role/${role.hit.rule}`, { type: 'country', code: country, roles: entry.roles });
        } else if (!country && bareStateRole(entry.roles, role.hit.plural === true || det < i, cx, i, t) && !nameAfter(dict, cx, role.end, end, true)) {
          // "prosecutors said", "the defence ministry said": a state's body with no country of its own
          push(det, role.end, 'description', `context+${role.hit.rule}`, { type: 'context-role', roles: entry.roles });
        } else if (!country && bareArmedRole(role.hit.rule, role.hit.plural === true || det < i, cx, i, t) && !nameAfter(dict, cx, role.end, end, true)) {
          // "militants launched rockets": the armed group the article has named, if any (coref)
          push(det, role.end, 'description', `context-group+${role.hit.rule}`, { type: 'context-group', roles: entry.roles });
        }
        i = role.end;
        continue;
      }
      if ((first.type === 'country' || first.type === 'metonym') && m.end === i + 1 && nameLike(dict, cx, i, t, end, surnames, push)) {
        i = m.end;
        continue;
      }
      const kind = kindOf(first);
      if (kind && !(first.type === 'metonym' && i > t && LOCATIVE.has(key(cx, i - 1)))) {
        if (first.type === 'person') {
          const known = first.surname ? surnames.get(key(cx, i)) : undefined;
          const date = (articleDay ??= [articleDate(article)])[0]; // only people need it: found here
          const id = pickPerson(dict, m.hits, date);
          const p = dict.people.get(id)!;
          // a bare surname first seen here must name someone in office on the date ("Stoltenberg" in 1987 is not Jens),
          // or, after "former", someone whose office ended before it ("Former President Obama" in 2019)
          const tense = known ? {} : tenseAt(cx, i, t, s);
          if (known) push(i, m.end, 'surname', 'coref/surname', known);
          else if (!first.surname || !date || p.roles.some((r) => covers(r, date)) || (tense.tense === 'former' && p.roles.some((r) => r.to && r.to < date && !r.code.endsWith('ELI')))) push(i, m.end, first.surname ? 'surname' : 'name', first.rule, { type: 'person', id, ...tense });
          if (!first.surname) learnSurname(surnames, p.name, { type: 'person', id }, dict);
        } else if (first.type === 'org' || first.type === 'description' || first.type === 'org-metonym') {
          if (!(m.end === i + 1 && flags[i] & 2 && otherAcronym(dict, text, toks[i].start, toks[i].end, out, first.id))) push(i, m.end, kind, first.rule, { type: 'org', key: first.id });
          // "NPR's Jean Cochran", "the BBC's Naomi Grimley": an unknown name an outlet owns is one of its journalists
          const code = first.type === 'org' ? dict.organisations.get(first.id)?.code : undefined;
          const named = code?.endsWith('MED') && m.end + 1 < end && isPossessive(key(cx, m.end)) ? nameAfter(dict, cx, m.end + 1, end) : undefined;
          if (named && !named.id) {
            const ref: Ref = { type: 'new-person', name: named.name, country: code!.slice(0, 3), roles: ['MED'] };
            push(m.end + 1, named.end, 'name', 'outlet+name/new-person', ref);
            learnSurname(surnames, named.name, ref);
            i = named.end;
            continue;
          }
        } else push(i, m.end, kind, first.rule, { type: 'country', code: first.id, roles: first.roles ?? [] });
      }
      i = m.end;
    }
    t = end;
  }
  return out;
}

/**
 * An organisation's acronym that stands for something else here: a stock ticker ("<ARB>"), or an
 * acronym the article spells out for another capitalised name ("Interstate Commerce Commission (ICC)"),
 * i.e. its "(ACR)" does not follow a mention of the same organisation (or of one with its code and
 * country: "Kurdistan Workers' Party (PKK)"). Rare: only capitals that
 * are some organisation's acronym get here, and one `indexOf` answers most.
 */
function otherAcronym(dict: ActorDictionary, text: string, start: number, end: number, out: readonly Candidate[], key: string): boolean {
  if (text.charCodeAt(start - 1) === 60 && text.charCodeAt(end) === 62) return true; // <ARB>
  const def = text.indexOf(`(${text.slice(start, end)})`);
  if (def < 0 || def > start) return false; // spelled out later (after a headline's use): the mentions it follows are not known yet
  const head = text.slice(0, def).trimEnd().replace(/['’]s$|>$/, '');
  const before = head.length; // end of the words the parenthesis spells out
  // a capitalised name, or words whose initials are the acronym, spell it out; "their (OPEC) oil" does not
  const acr = text.slice(start, end).replace(/\./g, '').toLowerCase();
  const words = head.split(/[\s-]+/).slice(-acr.length);
  const last = words[words.length - 1] ?? '';
  if (!/^\p{Lu}/u.test(last) && words.map((w) => w[0]?.toLowerCase()).join('') !== acr) return false;
  const o = dict.organisations.get(key)!;
  const same = (k: string): boolean => k === key || (dict.organisations.get(k)?.code === o.code && dict.organisations.get(k)?.country === o.country);
  return !out.some((c) => c.end === before && c.ref.type === 'org' && same(c.ref.key));
}

/** Roles of a state's own bodies and people: a bare "officials", "prosecutors", "the military" is some state's. */
const STATE_ROLES = new Set(['GOV', 'MIL', 'JUD', 'LEG', 'SPY', 'COP']);

/**
 * A role phrase at `i` that stands for a state's body on its own: state roles only, a plural or
 * after a determiner ("officials", "the ministry", not "minister"), and no capitalised word
 * before it that would be its owner ("FBI officials", "Sony lawyers": another rule's, or no state's).
 */
function bareStateRole(roles: readonly string[], alone: boolean, cx: Tokens, i: number, first: number): boolean {
  if (!alone || !roles.every((r) => STATE_ROLES.has(r))) return false;
  if (i === first) return true;
  const before = key(cx, i - 1);
  // "their forces", "its ministry": the owner is the pronoun's antecedent, coreference's business
  if (OWNER_PRONOUNS.has(before)) return false;
  return DETERMINERS.has(before) || !(cx.flags[i - 1] & 1) && !isPossessive(before);
}
const OWNER_PRONOUNS = new Set(['their', 'its', 'his', 'her', 'our']);

/** As `bareStateRole`, for armed men of no named side ("militants", "the insurgents", after context-words.json): a bare plural with no owner before it. */
function bareArmedRole(rule: string, alone: boolean, cx: Tokens, i: number, first: number): boolean {
  if (!alone || !contextWords().rules.has(rule)) return false;
  if (i === first) return true;
  const before = key(cx, i - 1);
  if (OWNER_PRONOUNS.has(before)) return false;
  return DETERMINERS.has(before) || !(cx.flags[i - 1] & 1) && !isPossessive(before);
}

function isPossessive(k: string): boolean {
  return k === "'s" || k === "'";
}

/** PRONOUNS by length, for `pronounAt`. */
const PRONOUNS_BY_LENGTH: string[][] = [];
for (const p of PRONOUNS) (PRONOUNS_BY_LENGTH[p.length] ??= []).push(p);
/** Lengths of PRONOUNS (bits) by their first two letters, ASCII lower case: (c0 << 7) | c1, c1 0 for "i". */
const PRONOUN_PAIRS = new Uint16Array(128 * 128);
for (const p of PRONOUNS) PRONOUN_PAIRS[(p.charCodeAt(0) << 7) | (p.length > 1 ? p.charCodeAt(1) : 0)] |= 1 << p.length;

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * The pronoun token `text[start, end)` is (its key, as `tokenKey` would make it), or undefined:
 * compared in place, since most tokens are not pronouns and need no key string.
 */
function pronounAt(text: string, start: number, end: number): string | undefined {
  let len = end - start;
  if (len > 1 && text.charCodeAt(end - 1) === 46) len--;
  if (len > 10) return undefined;
  const c0 = lowerAscii(text.charCodeAt(start));
  const c1 = len > 1 ? lowerAscii(text.charCodeAt(start + 1)) : 0;
  if (c0 >= 128 || c1 >= 128 || (PRONOUN_PAIRS[(c0 << 7) | c1] & (1 << len)) === 0) return undefined;
  const cands = PRONOUNS_BY_LENGTH[len];
  next: for (const p of cands) {
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(start + k);
      // pronouns are ASCII lower case: upper-case ASCII folds to them, nothing else does
      if (c !== p.charCodeAt(k) && c + 32 !== p.charCodeAt(k)) continue next;
    }
    return p;
  }
  return undefined;
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

const isCountry = (h: Hit): boolean => h.type === 'country';

/** "of Armenia" right after a title: the country and the token after it. */
function countryAfterOf(dict: ActorDictionary, cx: Tokens, i: number, end: number): { code: string; end: number } | undefined {
  if (i + 1 >= end || key(cx, i) !== 'of') return undefined;
  const m = dict.trie.longest(cx, i + 1, end, isCountry);
  return m ? { code: m.hits[0].id, end: m.end } : undefined;
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
  const n = text.length;
  // only an opening mark starts a span: jump from one to the next with indexOf
  let straight = text.indexOf('"');
  let curly = text.indexOf('\u201c');
  for (let from = 0; ; ) {
    if (straight >= 0 && straight < from) straight = text.indexOf('"', from);
    if (curly >= 0 && curly < from) curly = text.indexOf('\u201c', from);
    const open = straight < 0 ? curly : curly < 0 ? straight : Math.min(straight, curly);
    if (open < 0) return out;
    let i = open + 1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201d || c === 34) {
        out.push({ start: open, end: i + 1 });
        break;
      }
      // a quote that runs on into the next paragraph reopens with a mark; otherwise it was a stray mark
      if (c === 10 && text.charCodeAt(i + 1) === 10 && text.charCodeAt(i + 2) !== 0x201c) break;
    }
    if (i >= n) return out;
    from = i + 1;
  }
}
