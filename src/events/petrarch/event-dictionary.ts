/**
 * A PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`, PETRARCH's `PETR.Validate.verbs.txt`, or a
 * user's own file in that format) turned into an `EventDictionary` at run time, for
 * `entente code --dictionaries DIR`: the verbs, synsets and patterns come from the file; the
 * CAMEO table, Goldstein scores and PLOVER tables stay the built-in ones.
 *
 * A code the CAMEO table does not hold (PETRARCH's extensions such as 1952 "drone strike", the
 * made-up 223 or 912 of its validation suite, a user's own) is kept as given: remapping it to a
 * parent would report an event the file did not code, and refusing it would refuse PETRARCH's
 * own files. Such a code has no Goldstein score and no PLOVER type (no source gives them); its
 * quad class is its root's when the root is a CAMEO root (every CAMEO code of a root shares one
 * quad class), else none.
 */
import type { CameoCode, DictVerb, EventDictionary, EventPattern } from '../dictionary.js';
import { DataFileError } from '../../model/errors.js';
import { freezeMap } from '../../data/validate.js';
import type { ParseWarning } from './_lines.js';
import { parseVerbDictionary } from './verbs.js';

/** Warnings that mean the file is not in the format at all, as opposed to the typos PETRARCH tolerates. */
const FATAL = /^(line not understood|unreadable block header|pattern outside a verb block)/;

/**
 * The table entry for a code outside the CAMEO table: no score, the quad class of its root if
 * CAMEO has that root.
 *
 * @example userCode('1952', cameo) // { code: '1952', name: 'code 1952 (not in CAMEO)', goldstein: null, root: '19', quad: 4 }
 * @example userCode('223', cameo).quad // null
 */
export function userCode(code: string, cameo: ReadonlyMap<string, CameoCode>): CameoCode {
  const root = code.slice(0, 2);
  let quad: CameoCode['quad'] = null;
  for (const c of cameo.values()) if (c.root === root) { quad = c.quad; break; }
  return { code, name: `code ${code} (not in CAMEO)`, goldstein: null, root, quad };
}

/**
 * Build an event dictionary whose verb patterns are those of a PETRARCH-2 verb file.
 * Throws `DataFileError` naming `file` and the line for a line that is not in the format or a
 * file with no verb; tolerated problems come back as `warnings`, and each code outside the
 * CAMEO table is named once there (kept as given, without Goldstein score or PLOVER type).
 *
 * @example
 * const { dict } = eventDictionaryFromVerbs('---  MEET [040] ---\nMEET {MET MEETS MEETING}\n- * + [040]\n', 'v.txt', loadEventDictionary());
 * dict.patterns[0] // { id: 'p2:040:1', code: '040', group: 'MEET', tokens: ['*', '+'], line: 3 }
 */
export function eventDictionaryFromVerbs(text: string, file: string, base: EventDictionary): { dict: EventDictionary; warnings: ParseWarning[] } {
  const parsed = parseVerbDictionary(text);
  const fatal = parsed.warnings.find((w) => FATAL.test(w.message));
  if (fatal) throw new DataFileError(`${file}:${fatal.line}`, fatal.message);
  if (parsed.verbs.length === 0) throw new DataFileError(file, 'no verb block ("---  NAME  [code]  ---" followed by verbs) found: not a PETRARCH-2 verb dictionary');
  const warnings = [...parsed.warnings];
  const cameo = new Map(base.cameo);
  const keep = (c: string | null, line: number): string | null => {
    if (c === null || cameo.has(c)) return c;
    cameo.set(c, userCode(c, base.cameo));
    warnings.push({ line, message: `code ${c} is not in the CAMEO table; kept as given, without Goldstein score or PLOVER type` });
    return c;
  };
  const counters = new Map<string, number>();
  const patterns: EventPattern[] = parsed.patterns.map((p) => {
    const code = keep(p.code, p.line);
    const key = code ?? '---';
    counters.set(key, (counters.get(key) ?? 0) + 1);
    const out: EventPattern = { id: `p2:${key}:${counters.get(key)}`, code, group: p.group, tokens: p.tokens, line: p.line };
    if (p.reverse !== undefined) out.reverse = keep(p.reverse, p.line)!;
    return out;
  });
  const verbs: DictVerb[] = parsed.verbs.map((v) => ({ group: v.group, lemma: v.lemma, ...(v.head ? { head: v.head } : {}), forms: v.forms, code: keep(v.code, v.line) }));
  const synsets = new Map(parsed.synsets.map((s) => [s.name, [...new Set(s.members)] as readonly string[]]));
  warnings.sort((x, y) => x.line - y.line); // patterns are read before verbs: report in file order
  const extra = cameo.size > base.cameo.size;
  return { dict: Object.freeze({ ...base, cameo: extra ? freezeMap(cameo) : base.cameo, synsets, verbs, patterns }), warnings };
}
