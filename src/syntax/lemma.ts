/**
 * Lemmas, as far as the event coder needs them: verbs to their base form ("accused" → "accuse",
 * "met" → "meet", "was" → "be"), nouns to the singular, lower case except for proper nouns.
 * `data/syntax/lemmas.json` (written by scripts/build-lemmas.ts from UD English EWT train) holds
 * suffix rules learnt per UPOS tag ("-ating" → "-ate") for words never seen, the open-class lemmas
 * of the treebank (to choose between rules), and the words whose most frequent lemma in EWT the
 * rules get wrong ("met", "was", "children"). The file is checked
 * when it is loaded; a malformed one is a `DataFileError` naming it.
 */
import { DataFileError } from '../model/errors.js';
import { readDataJson } from '../data/read.js';
import { expectObject, freezeMap, freezeSet } from '../data/validate.js';

export const LEMMA_FILE = 'data/syntax/lemmas.json';
/** The longest suffix a rule looks at. */
export const MAX_SUFFIX = 6;

/** A rule's edit: drop `strip` final characters, then append `add`. */
export interface LemmaEdit { strip: number; add: string }

/** What the lemma file holds, per UPOS tag. */
export interface LemmaTables {
  /** UPOS → lower-cased form → lemma, for the words the rules get wrong. */
  words: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** UPOS → suffix ('' for the default) → edit; the longest suffix of a word that has a rule wins. */
  rules: ReadonlyMap<string, ReadonlyMap<string, LemmaEdit>>;
  /** The lemmas of open-class words (nouns, verbs, adjectives, adverbs) in the treebank. */
  known: ReadonlySet<string>;
}

/** Tags whose unseen words may take a shorter suffix's rule when only that gives a known lemma. */
const OPEN = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'AUX']);
const NONE: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * The lemma of `form` tagged `upos`: a proper noun keeps its form, other words are lower-cased
 * and looked up, then edited by a suffix rule (`guess`).
 * @example lemmatize(tables, 'Accused', 'VERB') // 'accuse'
 */
export function lemmatize(tables: LemmaTables, form: string, upos: string): string {
  if (upos === 'PROPN') return form;
  const lower = form.toLowerCase();
  return (tables.words.get(upos) ?? NONE).get(lower) ?? guess(tables.rules.get(upos) ?? NONE, tables.known, lower, upos);
}

/**
 * The lemma the rules give a word: its longest suffix's rule, unless that gives no known lemma of
 * an open class and a shorter suffix's rule does ("traded": "-aded" → "trade" over "-ed" → "trad").
 * @example guess(rules, new Set(['note']), 'noting', 'VERB') // 'note'
 */
export function guess(rules: ReadonlyMap<string, LemmaEdit>, known: ReadonlySet<string>, lower: string, upos: string): string {
  let first: string | undefined;
  for (let k = Math.min(MAX_SUFFIX, lower.length - 1); k >= 0; k--) {
    const edit = rules.get(k === 0 ? '' : lower.slice(lower.length - k));
    if (edit === undefined || edit.strip > lower.length - 1) continue;
    const lemma = lower.slice(0, lower.length - edit.strip) + edit.add;
    if (!OPEN.has(upos) || known.has(lemma)) return lemma;
    first ??= lemma;
  }
  return known.has(lower) ? lower : first ?? lower;
}

/** The edit that turns `form` into `lemma` (both lower case). @example editOf('waging', 'wage') // { strip: 3, add: 'e' } */
export function editOf(form: string, lemma: string): LemmaEdit {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return { strip: form.length - p, add: lemma.slice(p) };
}

/**
 * Check and decode the lemma file's JSON; `file` names it in errors.
 * @example decodeLemmas(JSON.parse(text), 'data/syntax/lemmas.json').words.get('VERB')?.get('met') // 'meet'
 */
export function decodeLemmas(json: unknown, file: string): LemmaTables {
  const o = expectObject(file, json, ['$comment', 'source', 'licence', 'known', 'words', 'rules']);
  for (const k of ['source', 'licence'] as const) {
    if (typeof o[k] !== 'string' || o[k] === '') throw new DataFileError(file, `"${k}" must be a non-empty string`);
  }
  const words = new Map<string, ReadonlyMap<string, string>>();
  for (const [upos, table] of entries(file, o.words, 'words')) {
    const m = new Map<string, string>();
    for (const [form, lemma] of entries(file, table, `words.${upos}`)) {
      if (typeof lemma !== 'string' || lemma === '') throw new DataFileError(file, `"words.${upos}" gives "${form}" a bad lemma ${JSON.stringify(lemma)}`);
      m.set(form, lemma);
    }
    words.set(upos, freezeMap(m));
  }
  const rules = new Map<string, ReadonlyMap<string, LemmaEdit>>();
  for (const [upos, table] of entries(file, o.rules, 'rules')) {
    const m = new Map<string, LemmaEdit>();
    for (const [suffix, edit] of entries(file, table, `rules.${upos}`)) {
      // an edit is written "strip:add", e.g. "3:e" for -ing → -e
      const match = typeof edit === 'string' ? /^(\d+):(.*)$/.exec(edit) : null;
      if (!match || suffix.length > MAX_SUFFIX) throw new DataFileError(file, `"rules.${upos}" has a bad rule ${JSON.stringify(suffix)}: ${JSON.stringify(edit)} (want a suffix of at most ${MAX_SUFFIX} characters and "strip:add")`);
      m.set(suffix, { strip: Number(match[1]), add: match[2] });
    }
    rules.set(upos, freezeMap(m));
  }
  if (!Array.isArray(o.known) || o.known.some((w) => typeof w !== 'string' || w === '')) throw new DataFileError(file, '"known" must be an array of lemmas (non-empty strings)');
  return { words: freezeMap(words), rules: freezeMap(rules), known: freezeSet(new Set(o.known as string[])) };
}

function entries(file: string, v: unknown, name: string): [string, unknown][] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `"${name}" must be an object`);
  return Object.entries(v);
}

let cached: LemmaTables | undefined;

/** The committed lemma tables, loaded and checked once. @example lemmatize(defaultLemmas(), 'met', 'VERB') // 'meet' */
export function defaultLemmas(): LemmaTables {
  cached ??= decodeLemmas(readDataJson(LEMMA_FILE), LEMMA_FILE);
  return cached;
}
