import type { Actor, Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { type ActorDictionary, partyTagAt, placeCountries } from '../actors/index.js';

/** What the evidence for a speaker's country reads: the text, its paragraphs, mentions and dictionaries. */
export interface Scene {
  text: string;
  paragraphs: readonly Span[];
  mentions: readonly Mention[];
  actors: ActorDictionary;
}

const COUNTRY = /^[A-Z]{3}$/;
// ", executive director of the Arms Control Association," after a name: its apposition
const APPOSITION = /^\s*,\s*([^,;:“”"\n]{3,120}?)\s*(?:[,;:.“”"\n]|$)/u;
const WORD = /[\p{L}][\p{L}.’'-]*/gu;

/** Words of `s` with their offsets. */
const wordsOf = (s: string, base: number) => [...s.matchAll(WORD)].map((m) => ({ w: m[0].replace(/[.’']+$/, ''), start: base + m.index, cap: /^\p{Lu}/u.test(m[0]) }));

/**
 * The role a speaker's own words give ("Navy Lt.", "Police Chief", "lawmakers"): the first role
 * phrase of the actor dictionary among them, two words before one.
 */
function roleOf(ws: readonly { w: string }[], actors: ActorDictionary): readonly string[] {
  for (let i = 0; i < ws.length; i++) {
    const two = i + 1 < ws.length ? actors.roles.get(`${ws[i].w} ${ws[i + 1].w}`.toLowerCase()) : undefined;
    const hit = two ?? actors.roles.get(ws[i].w.toLowerCase());
    if (hit) return hit.roles;
  }
  return [];
}

/** A place written with capitals among `ws` ("New York Mayor" → USA), longest name first. */
function placeIn(ws: readonly { w: string; cap: boolean }[]): string | undefined {
  const { byName, maxWords } = placeCountries();
  for (let i = 0; i < ws.length; i++) {
    if (!ws[i].cap) continue;
    for (let n = Math.min(maxWords, ws.length - i); n >= 1; n--) {
      if (!ws[i + n - 1].cap) continue;
      const c = byName.get(ws.slice(i, i + n).map((x) => x.w.toLowerCase()).join(' '));
      if (c) return c;
    }
  }
  return undefined;
}

/**
 * The evidence for the country of a quote's speaker that no mention names, step by step, each a
 * general rule whose name goes into the actor's id (`speaker/<rule>/…`):
 *
 * 1. `own`: the speaker's own words and apposition — a country or body mentioned there ("from
 *    Turkey’s Kadir Has University"), a US party tag ("(D-Calif.)"), a place in its title ("New
 *    York Mayor") or apposition ("director of the Brookings Doha Center");
 * 2. `paragraph`, for an unnamed role or body only: the nearest country mentioned before it in
 *    its paragraph ("… in Ankara. Officials said").
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
  if (!country && partyTagAt(text, span.end)) country = 'USA';
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
  if (!country) return undefined;
  const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  return { id: `speaker/${rule}/${slug}`, code: code ?? country + roles.join(''), country, roles: [...roles], name: person ? name : actors.countries.get(country)?.name ?? country, kind: person ? 'person' : roles.length ? 'group' : 'country' };
}

/** Where a named speaker's name begins: its last two capitalised words (a particle may stand between). */
function nameStart(own: readonly { w: string; start: number; cap: boolean }[], span: Span): number {
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
