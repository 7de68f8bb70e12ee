/**
 * Parser for PETRARCH-2 / TABARI actor dictionaries (`Phoenix.Countries.actors.txt`,
 * `Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt`; openeventdata/petrarch2,
 * MIT). Read at run time by `entente code --dictionaries DIR`.
 *
 * The format (PETRreader.read_actor_dictionary):
 *
 *     AFGHANISTAN_  [AFG]                  a base actor with its code
 *     +AFGHAN_                             a synonym of the actor above
 *     VLADIMIR_PUTIN_                      a base actor whose codes follow on their own lines,
 *     	[RUSGOV 000507-080507]              each restricted to a date range (YYMMDD or YYYYMMDD),
 *     	[RUSELI >080508]                    from a date (`>`), or until a date (`<`)
 *     JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]   several codes on one line
 *
 * `_` joins words; `[---]` is "no code". PETRARCH reads only the last bracket of a line and drops
 * `<`/`>`; this parser keeps every bracket and the direction.
 */
import { contentLines, petrarchDate, phraseWords, type ParseWarning } from './_lines.js';

/**
 * A code, optionally valid only between two dates (ISO `YYYY-MM-DD`, both ends inclusive).
 * @example { code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }
 */
export interface DatedCode {
  /** CAMEO actor code, e.g. `RUSGOV`, or null for `[---]` */
  code: string | null;
  from?: string;
  to?: string;
}

/**
 * One actor: its base name, synonyms and codes.
 * @example { name: 'afghanistan', synonyms: ['afghan'], codes: [{ code: 'AFG' }], line: 45 }
 */
export interface ActorEntry {
  /** the base name, lower-case words joined by one space */
  name: string;
  synonyms: string[];
  codes: DatedCode[];
  /** line of the base name */
  line: number;
}

/**
 * Everything in an actor file, as plain data.
 * @example parseActorDictionary(text).actors[0].name // 'afghanistan'
 */
export interface ActorDictionary {
  actors: ActorEntry[];
  warnings: ParseWarning[];
}

/**
 * Read one bracket's content: `RUSGOV 000507-080507`, `DZAGOV >030101`, `USAGOV <19820101`,
 * `AFG`, `---`. Undefined when it holds no code at all.
 *
 * @example readDatedCode('RUSGOV 000507-080507') // { code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }
 */
export function readDatedCode(s: string, warn: (m: string) => void = () => {}): DatedCode | undefined {
  const parts = s.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const out: DatedCode = { code: parts[0] === '---' ? null : parts[0] };
  const rest = parts.slice(1).join(''); // "> 030101" has a space in 9 entries
  if (rest === '') return out;
  const date = (d: string) => {
    const iso = petrarchDate(d);
    if (iso === undefined) warn(`bad date "${d}" in [${s.trim()}]; that bound is ignored`);
    return iso;
  };
  let m: RegExpExecArray | null;
  if ((m = /^>(\d+)$/.exec(rest))) out.from = date(m[1]);
  else if ((m = /^<(\d+)$/.exec(rest))) out.to = date(m[1]);
  else if ((m = /^(\d+)-(\d+)$/.exec(rest))) {
    out.from = date(m[1]);
    out.to = date(m[2]);
  } else if ((m = /^(\d+)$/.exec(rest))) {
    // "[MNEGOV 20121204]": no direction; read as a start date, the common case for office holders
    warn(`date without "<", ">" or "-" in [${s.trim()}]; read as a start date`);
    out.from = date(m[1]);
  } else warn(`unreadable date restriction in [${s.trim()}]; ignored`);
  if (out.from === undefined) delete out.from;
  if (out.to === undefined) delete out.to;
  return out;
}

/** Split "NAME_ [A] [B 010101-020202]" into the name and the bracket contents. */
function splitBrackets(s: string): { name: string; brackets: string[] } {
  const first = s.indexOf('[');
  if (first < 0) return { name: s.trim(), brackets: [] };
  const brackets = [...s.slice(first).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
  return { name: s.slice(0, first).trim(), brackets };
}

/**
 * Parse an actor dictionary. A base name without any code (e.g. `U.N._` in the International
 * file, which PETRARCH also stores without a code) is kept with `codes: []` and a warning.
 *
 * @example
 * const d = parseActorDictionary('VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSGOV 000507-080507]\n');
 * d.actors[0] // { name: 'vladimir putin', synonyms: ['putin'], codes: [{ code: 'RUSGOV', from: '2000-05-07', to: '2008-05-07' }], line: 1 }
 */
export function parseActorDictionary(text: string): ActorDictionary {
  const dict: ActorDictionary = { actors: [], warnings: [] };
  let current: ActorEntry | undefined;
  const close = () => {
    if (current && current.codes.length === 0) dict.warnings.push({ line: current.line, message: `actor "${current.name}" has no code` });
  };
  for (const { line, text: s } of contentLines(text)) {
    const warn = (message: string) => dict.warnings.push({ line, message });
    const { name, brackets } = splitBrackets(s.startsWith('+') ? s.slice(1) : s);
    if (!s.startsWith('[') && !s.startsWith('+')) {
      close();
      current = { name: phraseWords(name).join(' '), synonyms: [], codes: [], line };
      dict.actors.push(current);
    } else if (!current) {
      warn('code or synonym before any actor; skipped');
      continue;
    } else if (s.startsWith('+')) {
      const syn = phraseWords(name).join(' ');
      if (syn !== '' && syn !== current.name && !current.synonyms.includes(syn)) current.synonyms.push(syn);
    }
    for (const b of brackets) {
      const c = readDatedCode(b, warn);
      if (c) current.codes.push(c);
      else warn('empty [] ignored');
    }
  }
  close();
  return dict;
}
