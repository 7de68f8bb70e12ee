import { DataFileError } from '../model/errors.js';
import { expectNumber, expectObject, expectWords, freezeMap, freezeSet } from '../data/validate.js';
import { readDataJson } from '../data/read.js';

const ENGLISH_FILE = 'data/nlp/english-function-words.json';
const OTHER_FILE = 'data/nlp/other-function-words.json';

/** The language check's word lists and thresholds, loaded once from `data/nlp/` and frozen. */
export interface LanguageProfiles {
  readonly english: ReadonlySet<string>;
  readonly minWords: number;
  readonly englishMinShare: number;
  readonly nonLatinMaxShare: number;
  /** function words of other languages, by language name */
  readonly others: ReadonlyMap<string, ReadonlySet<string>>;
  /** the same lists the other way round: each word's languages, in the order of `others` (one lookup a word) */
  readonly languagesOf: ReadonlyMap<string, readonly string[]>;
  readonly otherMinShare: number;
  readonly accentedMaxShare: number;
}

/**
 * Validate both parsed files; throws `DataFileError` naming the file at fault.
 * @example
 * parseLanguageProfiles(
 *   { $comment: 'x', minWords: 12, englishMinShare: 0.15, nonLatinMaxShare: 0.3, words: ['the'] },
 *   { $comment: 'y', minShare: 0.12, accentedMaxShare: 0.025, languages: { French: ['le'] } })
 */
export function parseLanguageProfiles(englishRaw: unknown, otherRaw: unknown): LanguageProfiles {
  const en = expectObject(ENGLISH_FILE, englishRaw, ['$comment', 'minWords', 'englishMinShare', 'nonLatinMaxShare', 'words']);
  const english = new Set(expectWords(ENGLISH_FILE, en, 'words').map((w) => w.toLowerCase()));
  const ot = expectObject(OTHER_FILE, otherRaw, ['$comment', 'minShare', 'accentedMaxShare', 'languages']);
  const langs = ot.languages;
  if (typeof langs !== 'object' || langs === null || Array.isArray(langs) || Object.keys(langs).length === 0) {
    throw new DataFileError(OTHER_FILE, '"languages" must be an object of word lists');
  }
  const others = new Map<string, ReadonlySet<string>>();
  for (const name of Object.keys(langs)) {
    const words = expectWords(OTHER_FILE, langs as Record<string, unknown>, name).map((w) => w.toLowerCase());
    const clash = words.find((w) => english.has(w));
    if (clash !== undefined) throw new DataFileError(OTHER_FILE, `${name} lists "${clash}", which is also an English function word`);
    others.set(name, freezeSet(new Set(words)));
  }
  const languagesOf = new Map<string, string[]>();
  for (const [name, words] of others) for (const w of words) languagesOf.set(w, [...(languagesOf.get(w) ?? []), name]);
  return Object.freeze({
    english: freezeSet(english),
    minWords: expectNumber(ENGLISH_FILE, en, 'minWords', 1, 1000),
    englishMinShare: expectNumber(ENGLISH_FILE, en, 'englishMinShare', 0, 1),
    nonLatinMaxShare: expectNumber(ENGLISH_FILE, en, 'nonLatinMaxShare', 0, 1),
    others: Object.freeze(others),
    languagesOf: freezeMap(new Map([...languagesOf].map(([w, l]) => [w, Object.freeze(l)]))),
    otherMinShare: expectNumber(OTHER_FILE, ot, 'minShare', 0, 1),
    accentedMaxShare: expectNumber(OTHER_FILE, ot, 'accentedMaxShare', 0, 1),
  });
}

let loaded: LanguageProfiles | undefined;

/** @example languageProfiles().english.has('the') // true */
export function languageProfiles(): LanguageProfiles {
  return (loaded ??= parseLanguageProfiles(readDataJson(ENGLISH_FILE), readDataJson(OTHER_FILE)));
}
