/**
 * Parser for PETRARCH-2's verb dictionary (`CAMEO.2.0.txt`, openeventdata/petrarch2, MIT).
 * Used by `scripts/build-events.ts` to build `data/events/verbs.json`, and at run time by
 * `entente code --dictionaries DIR` to read a PETRARCH-2 verb file in place of the built-in set.
 *
 * The format (PETRreader.read_verb_dictionary and the file's own header):
 *
 *     &CURRENCY              a synset: `&NAME`, then `+MEMBER` lines; plurals are generated
 *     +DOLLAR                unless the name or the member ends in `_`
 *     ---  ASK   [020]  ---  a verb block: name and default code (`---` = no event)
 *     ASK     [020]          a verb of the block, optional own code
 *     QUERY {QUERIES …}      irregular forms in braces (then no regular forms are generated)
 *     +ASK_FOR {+ASKED_FOR}  a multi-word verb: `_` joins the words, `+` marks the verb word
 *     - * SUPPORT   [022]    a pattern: `*` is the verb, `$`/`+` source/target, `(…)` a
 *     - * (FOR HELP) [020]   prepositional phrase, `{…}` a noun phrase, `&NAME` a synset,
 *                            `[a:b]` a paired code (b is coded target → source), `[:b]` only b
 *     ~ a (a b ATTACK) SAY = a b 015   a transformation (kept as text)
 */
import { contentLines, phraseWords, type ParseWarning } from './_lines.js';

/**
 * A synset: `&NAME` and its member phrases (lower-case, words joined by one space).
 * @example { name: '&currency', members: ['dollar', 'dollars'], line: 75 }
 */
export interface Synset {
  name: string;
  /** members as written, plus the regular plurals PETRARCH generates */
  members: string[];
  line: number;
}

/**
 * One verb of a block, with every surface form PETRARCH matches.
 * @example { group: 'ASK', lemma: 'ask', head: 0, forms: ['asks', 'asked', 'asking'], code: '020', line: 914 }
 */
export interface VerbEntry {
  /** the block (verb group) it belongs to, e.g. `ASK` */
  group: string;
  /** base form, lower-case; multi-word verbs are space-joined (`ask for`) */
  lemma: string;
  /** index of the verb word in a multi-word lemma (0 for single words) */
  head: number;
  /** inflected forms, lemma excluded */
  forms: string[];
  /** CAMEO code of the bare verb, or null when it codes no event (`---`) */
  code: string | null;
  line: number;
}

/**
 * One pattern line, tokenised.
 * @example { group: 'ACCELERATE', code: '042', reverse: '043', tokens: ['*', '(', 'to', ')'], line: 718, text: '- * (TO) [042:043]' }
 */
export interface VerbPattern {
  group: string;
  /** CAMEO code for source → target, or null (`[---]`, `[:b]`) */
  code: string | null;
  /** second code of a paired code `[a:b]`, coded target → source */
  reverse?: string;
  /**
   * Tokens: `*` verb, `$` source, `+` target, `^` / `%` TABARI skip/compound markers, `(` `)`
   * around a prepositional phrase, `{` `}` around a noun phrase, `&name` a synset, else a word.
   */
  tokens: string[];
  line: number;
  /** the pattern as written, without its comment */
  text: string;
}

/**
 * Everything in a verb dictionary, as plain data.
 * @example parseVerbDictionary(text).patterns.length // 4664 for CAMEO.2.0.txt
 */
export interface VerbDictionary {
  synsets: Synset[];
  verbs: VerbEntry[];
  patterns: VerbPattern[];
  /** `~` lines, kept verbatim: the matcher does not use them yet */
  transformations: { line: number; text: string }[];
  warnings: ParseWarning[];
}

const SLOTS = new Set(['*', '$', '+', '^', '%']);

/**
 * Regular forms of an English verb: -s, -ed, -ing. PETRARCH's rules (S/X/Z → -es, final E →
 * -d and drops before -ing unless a vowel precedes it), plus consonant + Y → -ies/-ied, which
 * PETRARCH gets wrong (`CARRY` → `CARRYED`).
 *
 * @example regularVerbForms('agree') // ['agrees', 'agreed', 'agreeing']
 * @example regularVerbForms('carry') // ['carries', 'carried', 'carrying']
 */
export function regularVerbForms(v: string): string[] {
  const last = v.slice(-1);
  const prev = v.slice(-2, -1);
  const vowel = (c: string) => 'aeiou'.includes(c);
  const s = /[sxz]$|[cs]h$/.test(v) ? v + 'es' : last === 'y' && !vowel(prev) ? v.slice(0, -1) + 'ies' : v + 's';
  const ed = last === 'e' ? v + 'd' : last === 'y' && !vowel(prev) ? v.slice(0, -1) + 'ied' : v + 'ed';
  const ing = last === 'e' && !vowel(prev) ? v.slice(0, -1) + 'ing' : v + 'ing';
  return [s, ed, ing];
}

/** PETRARCH's make_plural_noun: -y → -ies, -s → -es, else -s; none for `_`-final phrases. */
function plural(phrase: string): string {
  if (phrase.endsWith('y')) return phrase.slice(0, -1) + 'ies';
  if (phrase.endsWith('s')) return phrase + 'es';
  return phrase + 's';
}

/** Read `[code]`, `[a:b]`, `[:b]`, `[---]`; undefined when malformed. */
function readCode(s: string): { code: string | null; reverse?: string; odd?: boolean } | undefined {
  const m = /^(---|\d{2,4})?(!)?(?::(\d{2,4}|---))?$/.exec(s.trim());
  if (!m || (m[1] === undefined && m[3] === undefined)) return undefined;
  const code = m[1] === undefined || m[1] === '---' ? null : m[1];
  const out: { code: string | null; reverse?: string; odd?: boolean } = { code };
  if (m[3] !== undefined && m[3] !== '---') out.reverse = m[3];
  if (m[2]) out.odd = true; // "- * DOWN (FROM) [080!]": a stray mark, the digits are the code
  return out;
}

/** Split off a trailing `[…]` code. */
function splitCode(s: string): { body: string; code?: string } {
  const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(s);
  return m ? { body: m[1], code: m[2] } : { body: s };
}

/** A multi-word verb written `+ASK_FOR` or `RE_+ARREST`: words and the verb word's index. */
function compound(s: string): { words: string[]; head: number } {
  const parts = s.split('_').filter((p) => p !== '');
  let head = parts.findIndex((p) => p.startsWith('+'));
  if (head < 0) head = 0;
  return { words: parts.map((p) => p.replace(/^\+/, '').toLowerCase()), head };
}

/** Tokenise a pattern's body (between `-` and `[code]`). */
function tokenise(body: string): string[] {
  const out: string[] = [];
  for (const raw of body.split(/\s+/)) {
    if (raw === '') continue;
    let w = raw;
    if (w.length > 1 && w.startsWith('*')) { // "- *SCEPTICAL [012]"
      out.push('*');
      w = w.slice(1);
    }
    while (w.startsWith('(') || w.startsWith('{')) {
      out.push(w[0]);
      w = w.slice(1);
    }
    const close: string[] = [];
    while (w.endsWith(')') || w.endsWith('}')) {
      close.unshift(w.slice(-1));
      w = w.slice(0, -1);
    }
    if (SLOTS.has(w)) out.push(w);
    else if (w.startsWith('&')) out.push(w.replace(/_$/, '').toLowerCase());
    else if (w !== '') out.push(...phraseWords(w));
    out.push(...close);
  }
  return out;
}

/**
 * Parse a PETRARCH-2 verb dictionary. Tolerates what the shipped file contains (a stray `!`
 * after a code, synsets used before they are defined); patterns PETRARCH itself would ignore
 * (undefined synset, no `*`, unreadable code) are dropped with a warning.
 *
 * @example
 * const d = parseVerbDictionary('---  ASK   [---]  ---\nASK [020]\n- * SUPPORT [022]\n');
 * d.verbs[0].forms // ['asks', 'asked', 'asking']
 * d.patterns[0].tokens // ['*', 'support']
 */
export function parseVerbDictionary(text: string): VerbDictionary {
  const dict: VerbDictionary = { synsets: [], verbs: [], patterns: [], transformations: [], warnings: [] };
  let state: 'none' | 'synset' | 'block' = 'none';
  let synset: Synset | undefined;
  let noPlural = false;
  let group = '';
  let groupCode: string | null = null;
  for (const { line, text: full } of contentLines(text)) {
    // TABARI's ";" comment survives in a few lines: "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93"
    const s = full.replace(/\s*;.*$/, '');
    if (s === '') continue;
    const warn = (message: string) => dict.warnings.push({ line, message });
    if (s.startsWith('---')) {
      // 1. block header: "---  ASK   [---]  ---"
      // "---  DELAY   [120]---  ---" (4 headers lack the space): read loosely
      const m = /^---\s+([^\s[]+)\s*(?:\[([^\]]*)\])?/.exec(s);
      if (!m) { warn(`unreadable block header "${s}"`); continue; }
      group = m[1];
      groupCode = m[2] === undefined ? null : readCode(m[2])?.code ?? null;
      state = 'block';
    } else if (s.startsWith('-')) {
      // 2. pattern
      if (state !== 'block') { warn('pattern outside a verb block; skipped'); continue; }
      const { body, code } = splitCode(s.slice(1).trim());
      const c = code === undefined ? undefined : readCode(code);
      if (!c) { warn(`pattern without a readable [code]: "${s}"; skipped`); continue; }
      if (c.odd) warn(`stray mark in code [${code}]; read as ${c.code}`);
      const tokens = tokenise(body);
      if (tokens.filter((t) => t === '*').length !== 1) { warn(`pattern needs exactly one "*": "${s}"; skipped`); continue; }
      const p: VerbPattern = { group, code: c.code, tokens, line, text: s };
      if (c.reverse !== undefined) p.reverse = c.reverse;
      dict.patterns.push(p);
    } else if (s.startsWith('&')) {
      // 3. synset label; "&AUXVERB1_" means no plurals
      noPlural = s.endsWith('_');
      synset = { name: s.replace(/_$/, '').toLowerCase(), members: [], line };
      if (dict.synsets.some((x) => x.name === synset!.name)) warn(`synset ${synset.name} defined twice; the later one wins`);
      dict.synsets = dict.synsets.filter((x) => x.name !== synset!.name);
      dict.synsets.push(synset);
      state = 'synset';
    } else if (s.startsWith('+') && state === 'synset' && synset) {
      const member = s.slice(1).trim();
      const words = phraseWords(member).join(' ');
      if (words === '') continue;
      synset.members.push(words);
      if (!noPlural && !member.endsWith('_')) synset.members.push(plural(words));
    } else if (s.startsWith('~')) {
      dict.transformations.push({ line, text: s });
    } else if (state === 'block') {
      // 4. a verb of the block
      const { body, code } = splitCode(s);
      const c = code === undefined ? undefined : readCode(code);
      if (code !== undefined && !c) warn(`unreadable code [${code}] on verb; block code used`);
      const brace = /^([^{]*?)\s*(?:\{([^}]*)\})?\s*$/.exec(body);
      if (!brace || brace[1] === '') { warn(`unreadable verb line "${s}"; skipped`); continue; }
      const lemmaRaw = brace[1].split(/\s+/)[0];
      const { words, head } = compound(lemmaRaw);
      const lemma = words.join(' ');
      let forms: string[];
      if (brace[2] !== undefined) forms = brace[2].split(/\s+/).filter((f) => f !== '').map((f) => compound(f).words.join(' '));
      else forms = regularVerbForms(words[head]).map((f) => words.map((w, i) => (i === head ? f : w)).join(' '));
      // the source has stray punctuation in two irregular-form lists ("{… , …}"): not a verb form
      const stray = forms.filter((f) => !/^[a-z]/.test(f));
      if (stray.length) warn(`non-word form ${stray.map((f) => JSON.stringify(f)).join(', ')} of "${lemma}"; dropped`);
      dict.verbs.push({ group, lemma, head, forms: [...new Set(forms)].filter((f) => f !== lemma && /^[a-z]/.test(f)), code: c ? c.code : groupCode, line });
    } else warn(`line not understood: "${s}"`);
  }
  // 5. drop patterns naming an undefined synset, as PETRARCH does
  const names = new Set(dict.synsets.map((x) => x.name));
  dict.patterns = dict.patterns.filter((p) => {
    const missing = p.tokens.find((t) => t.startsWith('&') && !names.has(t));
    if (missing) dict.warnings.push({ line: p.line, message: `undefined synset ${missing}; pattern skipped` });
    return !missing;
  });
  return dict;
}
