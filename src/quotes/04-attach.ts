import type { Mention } from '../model/actor.js';
import type { ArticleText as Article } from '../model/article.js';
import type { Quote } from '../model/quote.js';
import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import type { Candidate } from './candidate.js';
import { words } from './words.js';
import type { ActorDictionary } from '../actors/index.js';
import { type Scene, speakerEvidence } from './speaker-country.js';
import { type Said, expandedInitials, roleNamed, fullNameOf, honorificGender, introducedAt, paragraphOf, pronounSpeaker, relativeAntecedent, roleActor, surnameActor } from './speaker-actor.js';

/**
 * The mention that names the speaker: the longest mention overlapping the speaker span, followed
 * back through `antecedent` while it is a pronoun (or any resolved mention) to the named one.
 *
 * @example speakerMention({ start: 10, end: 12 }, mentions) // the mention of "Sergei Lavrov"
 */
export function speakerMention(span: Span, mentions: readonly Mention[], text?: string): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.start >= span.end) break;
    if (m.end <= span.start) continue;
    if (!best || m.end - m.start > best.end - best.start) best = m;
  }
  // a full name resolved to someone of another surname ("Mitch McConnell" → John McCain) is a
  // coreference slip: the name as written stands, with no actor
  if (text && best && best.kind === 'name' && best.antecedent !== undefined && best.actor.kind === 'person' && !sameSurname(text.slice(best.start, best.end), best.actor.name)) return undefined;
  for (let hops = 0; best?.antecedent !== undefined && hops < 20; hops++) {
    const prev = mentions[best.antecedent];
    if (!prev) break;
    best = prev;
  }
  return best;
}

// "the North" for North Korea, "the South" for South Korea: "the" and one word of the
// actor's longer name is a short form of that name, which names the speaker as news gold does;
// a metonym with no word of the name ("the Kremlin") stays as written
const shortFormOf = (written: string, name: string): boolean => {
  const w = /^the\s+(\p{Lu}\p{Ll}+)$/iu.exec(written)?.[1];
  const parts = name.split(/\s+/);
  return !!w && parts.length > 1 && parts.includes(w);
};

const lastWord = (s: string) => s.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
const sameSurname = (written: string, name: string) => lastWord(written) === lastWord(name);

const LEADING = /^[\p{L}\p{N}]+/u;
// how many words after a cue may name the medium ("told state-owned media outlet TASS")
const MEDIUM_WORDS = 12;
// "ABC’s", "AP-Dow": the name with a possessive or a hyphenated tail still names the outlet
const wordIs = (t: string, name: string) => t === name || (t.startsWith(name) && !/\p{L}/u.test(t[name.length]));

// The (first letter, second letter, length) shapes of the words that can name a medium: the
// listed outlets (their single or last word, capitalised) and the media nouns (any case). A
// window after a cue with no letter run of such a shape names no medium, and is not read.
const SHAPE_MAX = 16;
const mediumShapes = new WeakMap<QuoteDictionary, { outlets: Uint8Array; nouns: Uint8Array }>();
function shapesFor(dict: QuoteDictionary): { outlets: Uint8Array; nouns: Uint8Array } {
  let t = mediumShapes.get(dict);
  if (!t) {
    const table = (ws: Iterable<string>) => {
      const a = new Uint8Array(26 * 26 * SHAPE_MAX);
      for (const w of ws) { const k = shapeIndex(w.toLowerCase(), 0, w.length); if (k >= 0) a[k] = 1; }
      return a;
    };
    t = { outlets: table(dict.outlets.map((o) => o.split(' ').pop() ?? o)), nouns: table(dict.mediaNouns) };
    mediumShapes.set(dict, t);
  }
  return t;
}
function shapeIndex(s: string, at: number, len: number): number {
  if (len < 2 || len >= SHAPE_MAX) return -1;
  const a = (s.charCodeAt(at) | 0x20) - 0x61;
  const b = (s.charCodeAt(at + 1) | 0x20) - 0x61;
  return a < 0 || a > 25 || b < 0 || b > 25 ? -1 : (a * 26 + b) * SHAPE_MAX + len;
}
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isBlank = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
/**
 * Whether the first `MEDIUM_WORDS` words after a cue may name a medium, by the shapes of their
 * letter runs. Only what `mediumAfter` reads is scanned: a run of non-blank characters holds at
 * least one word, so the words it reads end within as many runs, and a quote mark or semicolon
 * ends them.
 */
function mayNameMedium(text: string, from: number, to: number, dict: QuoteDictionary): boolean {
  const { outlets, nouns } = shapesFor(dict);
  let runs = 0;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      if (c === 0x22 || c === 0x201c || c === 0x3b) return false;
      if (isBlank(c) && i > from && !isBlank(text.charCodeAt(i - 1)) && ++runs >= MEDIUM_WORDS) return false;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && isAsciiLetter(text.charCodeAt(j))) j++;
    const k = shapeIndex(text, i, j - i);
    if (k >= 0 && (nouns[k] === 1 || (outlets[k] === 1 && c >= 0x41 && c <= 0x5a))) return true;
    i = j;
  }
  return false;
}

/**
 * Who carried a quote, read after its cue: a listed outlet ("told Reuters"), or the name after
 * a media noun ("told Russia's state-owned media outlet TASS" → "TASS").
 *
 * @example mediumAfter('he told state media outlet TASS.', { start: 3, end: 7 }, dict) // 'TASS'
 */
export function mediumAfter(text: string, cue: Span, dict: QuoteDictionary): string | undefined {
  const to = Math.min(text.length, cue.end + 120);
  if (!mayNameMedium(text, cue.end, to, dict)) return undefined;
  const ws = words(text, cue.end, to, MEDIUM_WORDS);
  let stop = 0;
  while (stop < ws.length && stop < MEDIUM_WORDS) { const t = ws[stop].text; if (t === '.' || t === '“' || t === '"' || t === ';') break; stop++; }
  // a listed outlet standing as words of its own; the first in the list's order wins
  let best: string | undefined;
  let bestRank = Infinity;
  for (let k = 0; k < stop; k++) {
    if (!ws[k].cap) continue;
    const list = dict.outletsByFirst.get(ws[k].text) ?? dict.outletsByFirst.get(LEADING.exec(ws[k].text)?.[0] ?? '');
    if (!list) continue;
    for (const o of list) {
      const parts = o.split(' ');
      let ok = k + parts.length <= stop;
      for (let j = 0; ok && j < parts.length; j++) ok = wordIs(ws[k + j].text, parts[j]);
      if (!ok) continue;
      const rank = dict.outlets.indexOf(o);
      if (rank < bestRank) { best = o; bestRank = rank; }
    }
  }
  if (best) return best;
  for (let noun = 0; noun < stop; noun++) {
    if (!dict.mediaNouns.has(ws[noun].lower)) continue;
    let k = noun + 1;
    const names: string[] = [];
    while (k < stop && ws[k].cap && ws[k].word) names.push(ws[k++].text);
    return names.length ? names.join(' ') : undefined;
  }
  return undefined;
}

/**
 * Turns candidates into `Quote`s: speaker text and actor from the mentions, the cue as written,
 * the medium, and the article's date when the sentence gives none of its own.
 *
 * @example attach(article, candidates, [], dict)[0].speaker // 'he'
 */
export function attach(article: Article, cands: readonly Candidate[], mentions: readonly Mention[], dict: QuoteDictionary, actors?: ActorDictionary): Quote[] {
  const text = article.text;
  const date = article.meta.date?.value;
  const paragraphs = article.spans.paragraphs;
  const said: Said[] = [];
  let scene: Scene | undefined;
  // a speaker no mention names: the evidence its own words or its paragraph give
  const evidence = (span: Span, name: string, person: boolean) => {
    if (!actors) return undefined;
    scene ??= { text, paragraphs, mentions, actors };
    return speakerEvidence(scene, span, name, person);
  };
  return cands.map((c) => {
    const q: Quote = { start: c.start, end: c.end, kind: c.kind, spans: c.spans, confidence: c.confidence, rule: c.rule };
    if (c.speakerSpan) {
      const para = paragraphOf(paragraphs, c.speakerSpan.start);
      let span = c.speakerSpan;
      let written = text.slice(span.start, span.end);
      // "Pompeo, who arrived …, said": the relative pronoun is no speaker, the name before it is
      if (written.toLowerCase() === 'who') {
        const named = relativeAntecedent(text, span, mentions);
        if (named) { span = named; written = text.slice(span.start, span.end); }
      }
      q.speakerSpan = span;
      const earlier = pronounSpeaker(written, para, said);
      if (earlier) {
        q.speaker = earlier.name;
        // a named speaker the dictionary does not know may still have had its country from the
        // pronoun's own mention
        const actor = earlier.actor ?? speakerMention(span, mentions, text)?.actor;
        if (actor) q.speakerActor = actor;
        said.push({ ...earlier, span, para });
      } else {
        const m = speakerMention(span, mentions, text);
        const pronoun = dict.pronouns.has(written.toLowerCase());
        // a person (or what a pronoun stands for) is named by the actor's name; a country or body
        // found inside a longer phrase ("senior U.S. officials", "the State Department") only
        // gives the phrase its actor, and the phrase stays as written
        q.speaker = m && (pronoun || m.actor.kind === 'person') ? m.actor.name : written;
        let actor = m?.actor ?? surnameActor(text, span, mentions, said) ?? (pronoun ? undefined : roleActor(text, span, mentions));
        // "Jean added" after "NPR's Jean Cochran": the given name stands for the full name;
        // "The ISNA" after "the Islamic Society of North America": the initials for the name
        if (!m && !actor && !pronoun) {
          const full = fullNameOf(text, span);
          q.speaker = full ?? expandedInitials(text, span) ?? roleNamed(text, span, said) ?? q.speaker;
          actor = evidence(span, q.speaker, isNameLike(written) || TITLED_NAME.test(written));
          // "Ms. Liu said" with no actor: the evidence where the article introduced her by full
          // name (a given name standing for a full one, "Jean added", is not a surname)
          const intro = actor || full ? undefined : introducedAt(text, span);
          if (intro) actor = evidence(intro, text.slice(intro.start, intro.end), true);
        }
        if (actor && !pronoun && shortFormOf(written, actor.name)) q.speaker = actor.name;
        if (actor) q.speakerActor = actor;
        said.push({ span, para, name: q.speaker, actor, named: !pronoun && isNameLike(written), gender: honorificGender(written) });
      }
    }
    if (c.cueSpan) {
      q.cueSpan = c.cueSpan;
      q.cue = text.slice(c.cueSpan.start, c.cueSpan.end);
      const medium = mediumAfter(text, c.cueSpan, dict);
      if (medium) q.medium = medium;
    }
    if (date) q.date = date.slice(0, 10);
    return q;
  });
}

// every word capitalised but name particles ("Bill de Blasio", "Mr. Picardo"): a name, not "The ministry"
const PARTICLES = new Set(['de', 'da', 'del', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'of']);
// a name after a lower-case title ("Prosecution lawyer Brian Altman"): a person too, whose
// surname later ("Altman said") follows the same actor
const TITLED_NAME = /^(?![Tt]he\s|[Aa]n?\s|[Tt]his\s|[Tt]hat\s)\S.*\s\p{Lu}[\p{L}.’'-]*\s+\p{Lu}\p{Ll}[\p{L}’'-]*$/u;
const isNameLike = (written: string) => {
  const ws = written.split(/\s+/);
  return !/^(the|a|an|this|that)$/i.test(ws[0]) && ws.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()) || /^(al|el)-/.test(w));
};
