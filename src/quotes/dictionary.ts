import { readDataJson } from '../data/read.js';
import { DataFileError } from '../model/errors.js';

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
  titleNouns: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  between: ReadonlySet<string>;
  notSpeaker: ReadonlySet<string>;
  mediaNouns: ReadonlySet<string>;
  outlets: readonly string[];
  thresholds: Readonly<{
    maxSpeakerWords: number;
    maxTrailerWords: number;
    minStandaloneWords: number;
    contextParagraphs: number;
    minIndirectWords: number;
    maxMixedGapWords: number;
    confidence: Readonly<Record<string, number>>;
  }>;
}

function object(file: string, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, 'expected a JSON object');
  const o = v as Record<string, unknown>;
  const got = Object.keys(o);
  if (got[0] !== '$comment' || typeof o.$comment !== 'string') throw new DataFileError(file, 'the first key must be "$comment", a string');
  for (const k of got) if (!keys.includes(k)) throw new DataFileError(file, `unknown field "${k}"`);
  for (const k of keys) if (!(k in o)) throw new DataFileError(file, `missing field "${k}"`);
  return o;
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
  const o = object(file, readDataJson(file), ['$comment', 'verbs', 'directOnly', 'indirectStrong', 'phrases']);
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

let cached: QuoteDictionary | undefined;

/**
 * Loads, validates and freezes the quote stage's data files (`data/quotes/cues.json`,
 * `speakers.json`, `thresholds.json`) once; a bad shape throws `DataFileError` naming the file.
 *
 * @example
 * const dict = loadQuoteDictionary();
 * dict.cues.get('said')?.lemma; // 'say'
 */
export function loadQuoteDictionary(): QuoteDictionary {
  if (cached) return cached;
  const { cues, phrases } = loadCues('data/quotes/cues.json');
  const sf = 'data/quotes/speakers.json';
  const s = object(sf, readDataJson(sf), ['$comment', 'titleNouns', 'pronouns', 'determiners', 'between', 'notSpeaker', 'mediaNouns', 'outlets']);
  const set = (k: string) => Object.freeze(new Set(strings(sf, s, k).map((w) => w.toLowerCase())));
  const tf = 'data/quotes/thresholds.json';
  const t = object(tf, readDataJson(tf), ['$comment', 'maxSpeakerWords', 'maxTrailerWords', 'minStandaloneWords', 'contextParagraphs', 'minIndirectWords', 'maxMixedGapWords', 'confidence']);
  const conf = t.confidence;
  if (typeof conf !== 'object' || conf === null || Array.isArray(conf)) throw new DataFileError(tf, '"confidence" must be an object of rule → number');
  for (const [k, v] of Object.entries(conf)) if (typeof v !== 'number' || v < 0 || v > 1) throw new DataFileError(tf, `confidence "${k}" must be a number in [0, 1]`);
  cached = Object.freeze({
    cues: cues as ReadonlyMap<string, CueWord>,
    phrases,
    titleNouns: set('titleNouns'),
    pronouns: set('pronouns'),
    determiners: set('determiners'),
    between: set('between'),
    notSpeaker: set('notSpeaker'),
    mediaNouns: set('mediaNouns'),
    outlets: Object.freeze(strings(sf, s, 'outlets', true)),
    thresholds: Object.freeze({
      maxSpeakerWords: count(tf, t, 'maxSpeakerWords', 1, 30),
      maxTrailerWords: count(tf, t, 'maxTrailerWords', 1, 30),
      minStandaloneWords: count(tf, t, 'minStandaloneWords', 1, 50),
      contextParagraphs: count(tf, t, 'contextParagraphs', 0, 20),
      minIndirectWords: count(tf, t, 'minIndirectWords', 1, 50),
      maxMixedGapWords: count(tf, t, 'maxMixedGapWords', 1, 200),
      confidence: Object.freeze({ ...(conf as Record<string, number>) }),
    }),
  });
  return cached;
}
