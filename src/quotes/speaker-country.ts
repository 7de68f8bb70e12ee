import type { Actor, Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { type ActorDictionary, partyTagAt, placeCountries } from '../actors/index.js';

/** What the evidence for a speaker's country reads: the text, its paragraphs, mentions and dictionaries. */
export interface Scene {
  text: string;
  paragraphs: readonly Span[];
  mentions: readonly Mention[];
  actors: ActorDictionary;
  /** the country the article's mentions name most, once counted */
  country?: string | null;
}

// the roles of a state's own servants: a title of these belongs to a state
const STATE_ROLES = new Set(['GOV', 'MIL', 'JUD', 'COP', 'LEG', 'SPY']);

/**
 * The country of the places (cities, regions: not country names) the article is set in: the
 * nearest place written before the speaker in its paragraph ("In Washington, D.C., Police Chief
 * …"), else the country the article names most, by its places and its mentions of countries and
 * bodies together. Counted once per article.
 */
function placeCountry(scene: Scene, span: Span): string | undefined {
  const p = scene.paragraphs.find((x) => x.start <= span.start && span.start < x.end);
  const near = p ? placesIn(wordsOf(scene.text.slice(p.start, span.start), p.start)) : [];
  if (near.length) return near[near.length - 1];
  if (scene.country === undefined) {
    const n = new Map<string, number>();
    let best: string | null = null;
    const named = placesIn(wordsOf(scene.text, 0));
    for (const m of scene.mentions) if (m.actor.kind !== 'person' && COUNTRY.test(m.actor.country) && !m.actor.roles.includes('MED')) named.push(m.actor.country);
    for (const c of named) {
      n.set(c, (n.get(c) ?? 0) + 1);
      if (best === null || n.get(c)! > n.get(best)!) best = c;
    }
    scene.country = best;
  }
  return scene.country ?? undefined;
}

/** The countries of all places written with capitals among `ws`, in order, longest name first. */
function placesIn(ws: readonly Word[]): string[] {
  const { byName, maxWords } = placeCountries();
  const out: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!ws[i].cap) continue;
    // the names of 1, 2, … words from here, then tried longest first
    const most = Math.min(maxWords, ws.length - i);
    keys.length = 0;
    for (let n = 0; n < most; n++) keys.push(n === 0 ? ws[i].lower : `${keys[n - 1]} ${ws[i + n].lower}`);
    for (let n = most; n >= 1; n--) {
      if (!ws[i + n - 1].cap) continue;
      const c = byName.get(keys[n - 1]);
      if (c) { out.push(c); i += n - 1; break; }
    }
  }
  return out;
}

const COUNTRY = /^[A-Z]{3}$/;
const HYPHENATED_AMERICAN = /^\p{Lu}\p{Ll}+-American$/u;
// ", executive director of the Arms Control Association," after a name: its apposition
const APPOSITION = /^\s*,\s*([^,;:“”"\n]{3,120}?)\s*(?:[,;:.“”"\n]|$)/u;
const WORD = /[\p{L}][\p{L}.’'-]*/gu;

/** A word of the text, its offset, its lower case, and whether it is written with a capital. */
interface Word { w: string; lower: string; start: number; cap: boolean }

const CAPITAL = /^\p{Lu}/u;

/**
 * Words of `s` with their offsets ("The New York-based ratings firm": the place a hyphenated
 * "-based" follows is read as a word of its own). Called for every quote's speaker, so the
 * word's ending is looked at before any pattern runs.
 */
function wordsOf(s: string, base: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    let w = m[0];
    if (w.length > 6 && w.charCodeAt(w.length - 6) === 45 && /-based$/i.test(w)) w = w.slice(0, -6);
    const last = w.charCodeAt(w.length - 1);
    if (last === 46 || last === 39 || last === 0x2019) w = w.replace(/[.’']+$/, '');
    const c = m[0].charCodeAt(0);
    out.push({ w, lower: w.toLowerCase(), start: base + m.index, cap: c < 128 ? c >= 65 && c <= 90 : CAPITAL.test(m[0]) });
  }
  return out;
}

/**
 * The role a speaker's own words give ("Navy Lt.", "Police Chief", "lawmakers"): the first role
 * phrase of the actor dictionary among them, two words before one.
 */
function roleOf(ws: readonly { w: string }[], actors: ActorDictionary): readonly string[] {
  for (let i = 0; i < ws.length; i++) {
    const two = i + 1 < ws.length ? roleNoun(`${ws[i].w} ${ws[i + 1].w}`, actors) : undefined;
    const hit = two ?? roleNoun(ws[i].w, actors);
    if (hit) return hit.roles;
  }
  return [];
}

/**
 * The role entry of a noun phrase, or of its regular singular: the dictionary keeps singulars
 * and implies the plurals, as the actor stage's trie does ("Prosecutors" → "prosecutor").
 */
function roleNoun(phrase: string, actors: ActorDictionary) {
  const p = phrase.toLowerCase();
  return actors.roles.get(p) ?? (p.endsWith('s') ? actors.roles.get(p.replace(/ies$/, 'y').replace(/(s|x|ch|sh)es$/, '$1').replace(/s$/, '')) : undefined);
}

/** The first place written with capitals among `ws` ("New York Mayor" → USA). */
const placeIn = (ws: readonly Word[]): string | undefined => placesIn(ws)[0];

/**
 * The evidence for the country of a quote's speaker that no mention names, step by step, each a
 * general rule whose name goes into the actor's id (`speaker/<rule>/…`):
 *
 * 1. `own`: the speaker's own words and apposition — a country or body mentioned there ("from
 *    Turkey’s Kadir Has University"), a US party tag ("(D-Calif.)"), a place in its title ("New
 *    York Mayor") or apposition ("director of the Brookings Doha Center");
 * 1b. `owner`: for an officer, the body its title's possessive names ("Lockheed’s chief
 *    executive, …"), or the last body named before "the company’s …" (coded as that body);
 * 2. `paragraph`, for an unnamed role or body only: the nearest country mentioned before it in
 *    its paragraph ("… in Ankara. Officials said");
 * 3. `article`, for a named person whose title is a state's office ("Police Chief", "Navy Lt.",
 *    "prosecutor"): the country of the places its paragraph, else the article, names.
 *
 * A dateline ("SYDNEY (AP) —") was tried as a step and left out: on real news it named where the
 * reporter travelled, never the speaker's country (0 right of 8).
 *
 * A rank or title among its words ("Gen.", "Police Chief", "lawmakers") gives the role. Only
 * quote speakers are read so: a guess from context is good enough to say whose voice a quote is,
 * not to make anyone a party to an event.
 *
 * @example speakerEvidence(scene, span, 'New York Mayor Bill de Blasio', true)?.code // 'USAGOV'
 */
export function speakerEvidence(scene: Scene, span: Span, name: string, person: boolean): Actor | undefined {
  const { text, mentions, actors } = scene;
  const app = APPOSITION.exec(text.slice(span.end, span.end + 140));
  const end = app ? span.end + app.index + app[0].indexOf(app[1]) + app[1].length : span.end;
  const own = wordsOf(text.slice(span.start, end), span.start);
  const roles = roleOf(own, actors);
  // a role noun written alone and capitalised ("Prosecutors say") names a body, not a person
  if (person && roleNoun(text.slice(span.start, span.end), actors)) person = false;
  let country: string | undefined;
  let code: string | undefined;
  let rule = 'own';
  for (const m of mentions) {
    if (m.start >= end) break;
    if (m.start < span.start || m.actor.kind === 'person') continue;
    country = m.actor.country;
    if (!COUNTRY.test(country)) code = m.actor.code;
    break;
  }
  // "the company’s chief executive, Jane Doe" / "Jane Doe, the studio’s lawyer": an officer of
  // the body the possessive names, or of the last body named before when it is "the <noun>’s"
  if (!country) {
    const noun = app ? OWNER_NOUN.exec(app[1])?.[1] : undefined;
    const owner = ownerBefore(scene, span) ?? (noun ? lastBody(scene, noun, span.start) : undefined);
    if (owner) { country = owner.country; code = owner.code; rule = 'owner'; }
  }
  if (!country && partyTagAt(text, span.end)) country = 'USA';
  // "a Korean-American peace activist": a hyphenated "-American" is an American
  if (!country && own.some((w) => HYPHENATED_AMERICAN.test(w.w))) country = 'USA';
  // a place among the title's words, not the name's: the words before the speaker's last two
  // capitalised ones ("New York Mayor | Bill de Blasio"), and the apposition after it
  if (!country) country = placeIn(person ? own.filter((w) => w.start < nameStart(own, span)) : own.filter((w) => w.start < span.end)) ?? placeIn(own.filter((w) => w.start >= span.end));
  // an unnamed role or body ("officials", "the report") speaks for the country its paragraph is
  // about; a named person does not (on real news an expert's paragraph names the country the
  // expert talks about: 6 right of 21 named people, 9 of 15 role phrases)
  if (!country && !person) {
    country = paragraphCountry(scene, span);
    rule = 'paragraph';
  }
  // a title that is an office of a state ("Police Chief", "Navy", "prosecutor") serves the state
  // the story's own places are in
  if (!country && roles.some((r) => STATE_ROLES.has(r))) {
    country = placeCountry(scene, span);
    rule = 'article';
  }
  if (!country) return undefined;
  const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  return { id: `speaker/${rule}/${slug}`, code: code ?? country + roles.join(''), country, roles: [...roles], name: person ? name : actors.countries.get(country)?.name ?? country, kind: person ? 'person' : roles.length ? 'group' : 'country' };
}

/** Where a named speaker's name begins: its last two capitalised words (a particle may stand between). */
function nameStart(own: readonly Word[], span: Span): number {
  const inSpan = own.filter((w) => w.start < span.end);
  let caps = 0;
  for (let k = inSpan.length - 1; k >= 0; k--) if (inSpan[k].cap && ++caps === 2) return inSpan[k].start;
  return span.start;
}

/** The nearest country mentioned before `span` in its paragraph (no medium: "Reuters" is no place). */
function paragraphCountry(scene: Scene, span: Span): string | undefined {
  const p = scene.paragraphs.find((x) => x.start <= span.start && span.start < x.end);
  if (!p) return undefined;
  let found: string | undefined;
  for (const m of scene.mentions) {
    if (m.start >= span.start) break;
    if (m.start >= p.start && COUNTRY.test(m.actor.country) && m.actor.kind !== 'person' && !m.actor.roles.includes('MED')) found = m.actor.country;
  }
  return found;
}

// "the company’s", "the studio’s": a body referred to by its common noun, with a possessive
const OWNER_NOUN = /(?:^|\s)the\s+(\p{Ll}+)[’']s\s/u;
// a title before a name, set off by a comma, holding a possessive: "the company’s chief executive, "
const TITLE_COMMA = /,\s*$/u;
const OWNED_TITLE = /(?:^|[,.;:!?\n“”"(])\s*([^,.;:!?\n“”"(]*?(\S+)[’']s\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3}),\s*$/u;

/**
 * The body whose officer a named speaker is, by the title written before the name: a body
 * mentioned in it ("Lockheed’s chief executive, …"), else, for "the <noun>’s", the last body
 * named before it.
 */
function ownerBefore(scene: Scene, span: Span): Actor | undefined {
  const from = Math.max(0, span.start - 100);
  const before = scene.text.slice(from, span.start);
  // the pattern's own ending, tested first: most speakers follow no comma, and the pattern is slow
  if (!TITLE_COMMA.test(before)) return undefined;
  const t = OWNED_TITLE.exec(before);
  if (!t) return undefined;
  const start = from + t.index + t[0].indexOf(t[1]);
  for (const m of scene.mentions) {
    if (m.start >= span.start) break;
    if (m.start >= start && isBody(m.actor)) return m.actor;
  }
  const article = t[1].slice(0, t[1].lastIndexOf(t[2]));
  return /(?:^|\s)the\s+$/i.test(article) && /^\p{Ll}/u.test(t[2]) ? lastBody(scene, t[2], start) : undefined;
}

// a body of a country: an organisation or group with a role (a company, a ministry), no person or country
const isBody = (a: Actor) => a.kind !== 'person' && a.kind !== 'country' && COUNTRY.test(a.country) && a.code.length > 3;

/**
 * The last body mentioned before `at` that "the <noun>" may refer to: one of the noun's role
 * when the dictionary gives it one ("company" → BUS: not the ministry named last), else any.
 */
function lastBody(scene: Scene, noun: string, at: number): Actor | undefined {
  const roles = roleNoun(noun, scene.actors)?.roles ?? [];
  let found: Actor | undefined;
  for (const m of scene.mentions) {
    if (m.start >= at) break;
    if (isBody(m.actor) && (!roles.length || roles.some((r) => m.actor.roles.includes(r)))) found = m.actor;
  }
  return found;
}
