import { DataFileError } from '../model/errors.js';
import { expectObject, expectWords, freezeMap, freezeSet } from '../data/validate.js';
import { readDataJson } from '../data/read.js';

const FILE = 'data/nlp/abbreviations.json';

/** What a period after a word means for the sentence splitter. */
export type AbbreviationKind = 'never-final' | 'final-before-starter';

/** The splitter's word lists, loaded once from `data/nlp/abbreviations.json` and frozen. */
export interface Abbreviations {
  /** keyed by the word before the period ("U.S" for "U.S."), in every case form that matches */
  readonly kinds: ReadonlyMap<string, AbbreviationKind>;
  /** capitalised words that start a sentence, also in ALL CAPS */
  readonly starters: ReadonlySet<string>;
  /** lower-case speech verbs: “Why?” Weaver said. */
  readonly attributionVerbs: ReadonlySet<string>;
}

/**
 * "approx" also matches "Approx" (a sentence may start with it) and "APPROX" (Reuters teasers);
 * a one-letter entry ("v" of "Roe v. Wade") does not, as "V." is an initial or "Sputnik V.".
 */
function caseForms(word: string): string[] {
  if (word.length === 1) return [];
  const forms = [word.toUpperCase()];
  if (word[0] !== word[0]!.toUpperCase()) forms.push(word[0]!.toUpperCase() + word.slice(1));
  return forms;
}

/**
 * Validate the parsed file and build the lookup tables; throws `DataFileError` naming the file.
 * @example
 * parseAbbreviations({ $comment: 'x', neverFinal: ['Mr'], finalBeforeStarter: ['Inc'], sentenceStarters: ['The'], attributionVerbs: ['said'] })
 */
export function parseAbbreviations(raw: unknown, file = FILE): Abbreviations {
  const obj = expectObject(file, raw, ['$comment', 'neverFinal', 'finalBeforeStarter', 'sentenceStarters', 'attributionVerbs']);
  const never = expectWords(file, obj, 'neverFinal');
  const before = expectWords(file, obj, 'finalBeforeStarter');
  const starters = expectWords(file, obj, 'sentenceStarters');
  const verbs = expectWords(file, obj, 'attributionVerbs');
  const bad = verbs.find((v) => v !== v.toLowerCase());
  if (bad !== undefined) throw new DataFileError(file, `attribution verb "${bad}" must be lower case`);
  const kinds = new Map<string, AbbreviationKind>();
  const groups: [string[], AbbreviationKind][] = [[never, 'never-final'], [before, 'final-before-starter']];
  for (const [list, kind] of groups) {
    for (const w of list) {
      if (w.endsWith('.')) throw new DataFileError(file, `write "${w.slice(0, -1)}", without the final period`);
      if (kinds.has(w)) throw new DataFileError(file, `"${w}" is in both neverFinal and finalBeforeStarter`);
      kinds.set(w, kind);
    }
  }
  // case variants never override a form that is listed as written
  for (const [list, kind] of groups) for (const w of list) for (const f of caseForms(w)) if (!kinds.has(f)) kinds.set(f, kind);
  const starterSet = new Set<string>();
  for (const w of starters) {
    if (w[0] === w[0]!.toLowerCase()) throw new DataFileError(file, `sentence starter "${w}" must be capitalised`);
    starterSet.add(w);
    starterSet.add(w.toUpperCase());
  }
  return Object.freeze({ kinds: freezeMap(kinds), starters: freezeSet(starterSet), attributionVerbs: freezeSet(new Set(verbs)) });
}

/**
 * An acronym written with periods, without its final one: dotted parts of at most three letters.
 * @example isAcronym('U.S') // true; isAcronym('news.com') // false
 */
export function isAcronym(word: string): boolean {
  if (word.indexOf('.') < 0) return false;
  let part = 0;
  for (let x = 0; x < word.length; x++) {
    if (word.charCodeAt(x) === 46) {
      if (part === 0) return false;
      part = 0;
    } else if (++part > 3) return false;
  }
  return part > 0;
}

let loaded: Abbreviations | undefined;

/**
 * The project's abbreviation lists, read and validated on first use.
 * @example abbreviations().kinds.get('Mr') // 'never-final'
 */
export function abbreviations(): Abbreviations {
  return (loaded ??= parseAbbreviations(readDataJson(FILE)));
}
