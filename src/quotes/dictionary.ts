import { readDataJson } from '../data/read.js';
import { expectObject } from '../data/validate.js';
import { DataFileError } from '../model/errors.js';
import { type ObjectCues, loadObjectCues } from './object-cue.js';

/** What a cue word is: its base form and whether it is an -ing form ("adding", "telling"). @example dict.cues.get('adding') // { lemma: 'add', participle: true, directOnly: false, indirect: true } */
export interface CueWord {
  lemma: string;
  participle: boolean;
  /** the verb introduces direct quotes only ("called it “a disgrace”"), never bare reported speech */
  directOnly: boolean;
  /** the verb is a reliable introducer of reported speech without quote marks */
  indirect: boolean;
}

/** The quote stage's word lists and thresholds, loaded from `data/quotes/*.json` and frozen. @example loadQuoteDictionary().thresholds.maxSpeakerWords // 8 */
export interface QuoteDictionary {
  cues: ReadonlyMap<string, CueWord>;
  /** multi-word cues as lowercase word lists ("was quoted as saying" → ['was','quoted','as','saying']) */
  phrases: readonly (readonly string[])[];
  /** the phrases by their first word, so a word is checked against its own phrases only */
  phrasesByFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** every lowercase word that may start a cue (a verb form or a phrase's first word) */
  cueFirst: ReadonlySet<string>;
  /** the (first letter, second letter, length) shapes of `cueFirst`, see `cueShapeAt` */
  cueShapes: Uint8Array;
  /** verbs reporting through a noun phrase, infinitive or preposition ("expressed concern", "called for") */
  objects: ObjectCues;
  /** the outlets by their first word */
  outletsByFirst: ReadonlyMap<string, readonly string[]>;
  titleNouns: ReadonlySet<string>;
  /** documents whose author after "by"/"from" is the speaker ("a statement by the ministry") */
  documents: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  between: ReadonlySet<string>;
  notSpeaker: ReadonlySet<string>;
  /** prepositions: a name right after one is no subject ("for the Observer, …") */
  prepositions: ReadonlySet<string>;
  mediaNouns: ReadonlySet<string>;
  outlets: readonly string[];
  /** what tells a quoted title from quoted speech (data/quotes/titles.json) */
  titles: Readonly<{ smallWords: ReadonlySet<string>; worksBefore: readonly string[]; onBefore: ReadonlySet<string> }>;
  thresholds: Readonly<{
    maxSpeakerWords: number;
    maxTrailerWords: number;
    maxToldObjectWords: number;
    minStandaloneWords: number;
    contextParagraphs: number;
    minIndirectWords: number;
    maxMixedGapWords: number;
    minUncuedWords: number;
    confidence: Readonly<Record<string, number>>;
  }>;
}


function strings(file: string, o: Record<string, unknown>, key: string, spaces = false): string[] {
  const list = o[key];
  if (!Array.isArray(list) || list.length === 0) throw new DataFileError(file, `"${key}" must be a non-empty array of strings`);
  const seen = new Set<string>();
  for (const w of list) {
    if (typeof w !== 'string' || w.trim() === '' || (!spaces && /\s/.test(w))) throw new DataFileError(file, `"${key}" holds a bad entry ${JSON.stringify(w)}`);
    if (seen.has(w)) throw new DataFileError(file, `"${key}" lists "${w}" twice`);
    seen.add(w);
  }
  return list as string[];
}

function count(file: string, o: Record<string, unknown>, key: string, min: number, max: number): number {
  const n = o[key];
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) throw new DataFileError(file, `"${key}" must be a number in [${min}, ${max}]`);
  return n;
}

function loadCues(file: string): Pick<QuoteDictionary, 'cues' | 'phrases'> {
  const o = expectObject(file, readDataJson(file), ['$comment', 'verbs', 'directOnly', 'indirectStrong', 'phrases']);
  const lines = strings(file, o, 'verbs');
  const direct = new Set(strings(file, o, 'directOnly'));
  const strong = new Set(strings(file, o, 'indirectStrong'));
  const cues = new Map<string, CueWord>();
  const lemmas = new Set<string>();
  for (const line of lines) {
    const forms = line.split('|');
    if (forms.some((f) => !/^[a-z]+$/.test(f))) throw new DataFileError(file, `verb line "${line}" must be lowercase forms joined by "|"`);
    const lemma = forms[0];
    lemmas.add(lemma);
    for (const f of forms) {
      if (cues.has(f)) throw new DataFileError(file, `cue form "${f}" is listed twice`);
      cues.set(f, Object.freeze({ lemma, participle: f.endsWith('ing') && f !== lemma, directOnly: direct.has(lemma), indirect: strong.has(lemma) }));
    }
  }
  for (const l of [...direct, ...strong]) if (!lemmas.has(l)) throw new DataFileError(file, `"${l}" is not a verb listed in "verbs"`);
  const phrases = strings(file, o, 'phrases', true).map((p) => Object.freeze(p.toLowerCase().split(/\s+/)));
  return { cues, phrases: Object.freeze(phrases) };
}

function byFirst<T>(list: readonly T[], first: (x: T) => string): ReadonlyMap<string, readonly T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) { const k = first(x); const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); }
  return m;
}

/** Longest word `cueShapes` covers; every cue word is shorter. */
export const MAX_CUE_LENGTH = 16;

/**
 * Whether `text[at, at + len)` has the shape of a word that may start a cue (its first two
 * letters, either case, and its length): most words are turned down on two char codes, before
 * any slicing or hashing.
 *
 * @example cueShapeAt(dict.cueShapes, 'He said it', 3, 4) // true
 */
export function cueShapeAt(shapes: Uint8Array, text: string, at: number, len: number): boolean {
  if (len < 2 || len >= MAX_CUE_LENGTH) return false;
  const a = (text.charCodeAt(at) | 0x20) - 0x61;
  const b = (text.charCodeAt(at + 1) | 0x20) - 0x61;
  if (a < 0 || a > 25 || b < 0 || b > 25) return false;
  return shapes[(a * 26 + b) * MAX_CUE_LENGTH + len] === 1;
}

function shapesOf(words: Iterable<string>, file: string): Uint8Array {
  const t = new Uint8Array(26 * 26 * MAX_CUE_LENGTH);
  for (const w of words) {
    const a = w.charCodeAt(0) - 0x61;
    const b = w.charCodeAt(1) - 0x61;
    if (a < 0 || a > 25 || b < 0 || b > 25 || w.length >= MAX_CUE_LENGTH) throw new DataFileError(file, `cue word "${w}" must start with two letters a-z and be shorter than ${MAX_CUE_LENGTH}`);
    t[(a * 26 + b) * MAX_CUE_LENGTH + w.length] = 1;
  }
  return t;
}

let cached: QuoteDictionary | undefined;

/**
 * Loads, validates and freezes the quote stage's data files (`data/quotes/cues.json`,
 * `speakers.json`, `titles.json`, `thresholds.json`) once; a bad shape throws `DataFileError` naming the file.
 *
 * @example
 * const dict = loadQuoteDictionary();
 * dict.cues.get('said')?.lemma; // 'say'
 */
export function loadQuoteDictionary(): QuoteDictionary {
  if (cached) return cached;
  const { cues, phrases } = loadCues('data/quotes/cues.json');
  const sf = 'data/quotes/speakers.json';
  const s = expectObject(sf, readDataJson(sf), ['$comment', 'titleNouns', 'pronouns', 'determiners', 'between', 'notSpeaker', 'prepositions', 'mediaNouns', 'outlets', 'documents']);
  const outlets = Object.freeze(strings(sf, s, 'outlets', true));
  const objects = loadObjectCues();
  const cueFirst: ReadonlySet<string> = Object.freeze(new Set([...cues.keys(), ...phrases.map((p) => p[0]), ...objects.forms.keys(), ...objects.speechNouns]));
  const set = (k: string) => Object.freeze(new Set(strings(sf, s, k).map((w) => w.toLowerCase())));
  const nf = 'data/quotes/titles.json';
  const n = expectObject(nf, readDataJson(nf), ['$comment', 'smallWords', 'worksBefore', 'onBefore']);
  const lower = (k: string, spaces = false) => strings(nf, n, k, spaces).map((w) => w.toLowerCase());
  const titles = Object.freeze({ smallWords: Object.freeze(new Set(lower('smallWords'))), worksBefore: Object.freeze(lower('worksBefore', true)), onBefore: Object.freeze(new Set(lower('onBefore'))) });
  const tf = 'data/quotes/thresholds.json';
  const t = expectObject(tf, readDataJson(tf), ['$comment', 'maxSpeakerWords', 'maxTrailerWords', 'maxToldObjectWords', 'minStandaloneWords', 'contextParagraphs', 'minIndirectWords', 'maxMixedGapWords', 'minUncuedWords', 'confidence']);
  const conf = t.confidence;
  if (typeof conf !== 'object' || conf === null || Array.isArray(conf)) throw new DataFileError(tf, '"confidence" must be an object of rule → number');
  for (const [k, v] of Object.entries(conf)) if (typeof v !== 'number' || v < 0 || v > 1) throw new DataFileError(tf, `confidence "${k}" must be a number in [0, 1]`);
  cached = Object.freeze({
    cues: cues as ReadonlyMap<string, CueWord>,
    phrases,
    phrasesByFirst: byFirst(phrases, (p) => p[0]),
    cueFirst,
    cueShapes: shapesOf(cueFirst, 'data/quotes/cues.json'),
    objects,
    outletsByFirst: byFirst(outlets, (o) => o.split(/\s+/)[0]),
    titleNouns: set('titleNouns'),
    pronouns: set('pronouns'),
    determiners: set('determiners'),
    between: set('between'),
    notSpeaker: set('notSpeaker'),
    prepositions: set('prepositions'),
    mediaNouns: set('mediaNouns'),
    documents: set('documents'),
    outlets,
    titles,
    thresholds: Object.freeze({
      maxSpeakerWords: count(tf, t, 'maxSpeakerWords', 1, 30),
      maxTrailerWords: count(tf, t, 'maxTrailerWords', 1, 30),
      maxToldObjectWords: count(tf, t, 'maxToldObjectWords', 0, 20),
      minStandaloneWords: count(tf, t, 'minStandaloneWords', 1, 50),
      contextParagraphs: count(tf, t, 'contextParagraphs', 0, 20),
      minIndirectWords: count(tf, t, 'minIndirectWords', 1, 50),
      maxMixedGapWords: count(tf, t, 'maxMixedGapWords', 1, 200),
      minUncuedWords: count(tf, t, 'minUncuedWords', 1, 200),
      confidence: Object.freeze({ ...(conf as Record<string, number>) }),
    }),
  });
  return cached;
}
