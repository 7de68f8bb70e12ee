import { readDataJson } from '../data/read.js';
import { expectObject } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';
import type { Span } from '../model/span.js';
import type { CueWord, QuoteDictionary } from './dictionary.js';
import type { Word } from './words.js';

/**
 * A verb that reports a statement through what follows it rather than a clause: "expressed
 * concern that …", "called for …", "identified the soldier as …" (data/quotes/object-cues.json).
 * `next`: the words one of which must follow (past a word of degree); `as`: an "as" must follow;
 * `any`: any word may.
 */
export interface ObjectCue {
  lemma: string;
  next?: ReadonlySet<string>;
  as: boolean;
  /** any word may follow ("demanded the release …") */
  any: boolean;
}

/**
 * The object cues by form, the words of degree allowed between a verb and its noun, and the
 * speech nouns that report a "that" clause under their owner ("his claim that …").
 */
export interface ObjectCues {
  forms: ReadonlyMap<string, ObjectCue>;
  degree: ReadonlySet<string>;
  speechNouns: ReadonlySet<string>;
  owners: ReadonlySet<string>;
  days: ReadonlySet<string>;
}

const FILE = 'data/quotes/object-cues.json';

function list(o: Record<string, unknown>, key: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.some((w) => typeof w !== 'string' || !/^[a-z]+$/.test(w))) throw new DataFileError(FILE, `"${key}" must be an array of lowercase words`);
  return v as string[];
}

/** Loads and checks data/quotes/object-cues.json. @example loadObjectCues().forms.get('expressed')?.lemma // 'express' */
export function loadObjectCues(): ObjectCues {
  const o = expectObject(FILE, readDataJson(FILE), ['$comment', 'feelings', 'speechNouns', 'owners', 'days', 'degree', 'cues']);
  const feelings = new Set(list(o, 'feelings'));
  const forms = new Map<string, ObjectCue>();
  if (!Array.isArray(o.cues)) throw new DataFileError(FILE, '"cues" must be an array');
  for (const c of o.cues as unknown[]) {
    if (typeof c !== 'object' || c === null || Object.keys(c).some((k) => k !== 'verb' && k !== 'next' && k !== 'as')) throw new DataFileError(FILE, 'each cue must be an object of "verb" and "next" or "as"');
    const e = c as Record<string, unknown>;
    const verb = e.verb;
    if (typeof verb !== 'string' || !/^[a-z]+(\|[a-z]+)*$/.test(verb)) throw new DataFileError(FILE, `bad verb ${JSON.stringify(verb)}`);
    const next = e.next === 'feelings' ? feelings : e.next === undefined || e.next === 'any' ? undefined : new Set(list(e, 'next'));
    if (!next && e.as !== true && e.next !== 'any') throw new DataFileError(FILE, `"${verb}" needs "next" or "as"`);
    const fs = verb.split('|');
    const cue = Object.freeze({ lemma: fs[0], next, as: e.as === true, any: e.next === 'any' });
    for (const f of fs) {
      if (forms.has(f)) throw new DataFileError(FILE, `form "${f}" is listed twice`);
      forms.set(f, cue);
    }
  }
  const set = (key: string) => new Set(list(o, key));
  return Object.freeze({ forms, degree: set('degree'), speechNouns: set('speechNouns'), owners: set('owners'), days: set('days') });
}

// the words of an "as" phrase's object: up to this many before the "as"
const AS_WITHIN = 10;

/** The strong reporting verb an object cue stands for in a reported clause. */
export function objectVerb(form: string, cue: ObjectCue): CueWord {
  return { lemma: cue.lemma, participle: form.endsWith('ing') && form !== cue.lemma, directOnly: false, indirect: true };
}

/**
 * Whether word `i` is an object cue followed by what it needs. A base or "-s" form is a verb
 * only after its subject or an auxiliary ("Hamas demands", "they call for"), never after a
 * determiner, possessive, preposition or participle ("the call for", "Trump's call", "renewed calls"); a form after "was" is passive.
 *
 * @example objectCueAt(words('Murphy expressed concern that …', 0, 30), 1, dict) // the cue "express"
 */
export function objectCueAt(ws: readonly Word[], i: number, dict: QuoteDictionary): ObjectCue | undefined {
  const oc = dict.objects;
  const w = ws[i];
  const cue = w.word && !w.cap ? oc.forms.get(w.lower) : undefined;
  if (!cue || i === 0) return undefined;
  const prev = ws[i - 1];
  if (/^(was|were|be|been|being|is|are)$/.test(prev.lower)) return undefined;
  // past forms ("sought", "made") are verbs wherever they stand, like "-ed" and "-ing" forms
  const l = cue.lemma;
  const baseOrS = w.lower === l || w.lower === `${l}s` || w.lower === `${l}es` || w.lower === `${l.slice(0, -1)}ies`;
  if (baseOrS && (!prev.word || /['’]s$|ing$|ed$/.test(prev.lower) || prev.lower === 'of' || dict.determiners.has(prev.lower) || dict.prepositions.has(prev.lower))) return undefined;
  // "the political demands of the group": a noun's "of" follows it, a verb's object does not
  if (cue.any) return i + 1 < ws.length && ws[i + 1].word && ws[i + 1].lower !== 'of' ? cue : undefined;
  if (cue.next) {
    let j = i + 1;
    if (j < ws.length && oc.degree.has(ws[j].lower)) j++;
    return j < ws.length && cue.next.has(ws[j].lower) ? cue : undefined;
  }
  for (let j = i + 2; j < ws.length && j <= i + AS_WITHIN; j++) {
    if (!ws[j].word) return undefined;
    if (ws[j].lower === 'as') return j + 1 < ws.length && ws[j + 1].lower !== 'well' && ws[j + 1].lower !== 'part' ? cue : undefined;
  }
  return undefined;
}

const POSSESSIVE = /['’]s$/;

/**
 * The speech noun before the "that" at word `k` and its owner, if any: "Trump's claim that …",
 * "his pledge that …", past one modifier before the noun ("his recent warning") and a day after
 * it ("Rice's statement Wednesday that …"). A noun with no owner has no `speaker`: whose claim
 * it is stays unknown. A capitalised owner is the run of capitalised words ending in it, without its "'s".
 *
 * @example speechNounAt(words("Putin's denials that Russia …", 0, 40), 2, 0, dict) // { noun: 1, speaker: { start: 0, end: 5 } }
 */
export function speechNounAt(ws: readonly Word[], k: number, lo: number, dict: QuoteDictionary): { noun: number; speaker?: Span } | undefined {
  const oc = dict.objects;
  if (ws[k].lower !== 'that') return undefined;
  let n = k - 1;
  if (n > lo && oc.days.has(ws[n].lower)) n--;
  if (n <= lo || !oc.speechNouns.has(ws[n].lower)) return undefined;
  let o = n - 1;
  if (o > lo && ws[o].word && !ws[o].cap && !oc.owners.has(ws[o].lower) && !POSSESSIVE.test(ws[o].lower)) o--;
  const w = ws[o];
  if (oc.owners.has(w.lower)) return { noun: n, speaker: { start: w.start, end: w.end } };
  if (!POSSESSIVE.test(w.lower) || !w.cap) return { noun: n };
  // the run of capitalised words it ends: "Mayor Varga's", "the State Department's"
  let b = o;
  while (b > lo && o - b < dict.thresholds.maxSpeakerWords && ws[b - 1].word && ws[b - 1].cap) b--;
  return { noun: n, speaker: { start: ws[b].start, end: w.end - 2 } };
}
