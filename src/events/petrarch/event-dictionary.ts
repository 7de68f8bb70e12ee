/**
 * A PETRARCH-2 verb dictionary (`CAMEO.2.0.txt` or a user's own file in that format) turned into
 * an `EventDictionary` at run time, for `entente code --dictionaries DIR`: the verbs, synsets and
 * patterns come from the file; CAMEO codes, Goldstein scores and the PLOVER tables stay the
 * built-in ones, so every coded event still carries the same scores and types.
 */
import type { DictVerb, EventDictionary, EventPattern } from '../dictionary.js';
import { DataFileError } from '../../model/errors.js';
import type { ParseWarning } from './_lines.js';
import { parseVerbDictionary } from './verbs.js';

/** Warnings that mean the file is not in the format at all, as opposed to the typos PETRARCH tolerates. */
const FATAL = /^(line not understood|unreadable block header|pattern outside a verb block)/;

/**
 * The nearest code the CAMEO table knows: PETRARCH extensions such as 176 (cyberattack) or 1952
 * (drone strike) become their parent (170, 195), as `scripts/build-events.ts` does for the
 * built-in set.
 *
 * @example knownParent('1952', cameo) // '195'
 */
export function knownParent(code: string, cameo: ReadonlyMap<string, unknown>): string | undefined {
  for (const c of [code, code.slice(0, 3), code.slice(0, 2) + '0', code.slice(0, 2)]) if (c.length >= 2 && cameo.has(c)) return c;
  return undefined;
}

/**
 * Build an event dictionary whose verb patterns are those of a PETRARCH-2 verb file.
 * Throws `DataFileError` naming `file` and the line for a line that is not in the format, a
 * code that is not CAMEO at all, or a file with no verb; tolerated problems come back as
 * `warnings`.
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
  const remap = (c: string | null, line: number): string | null => {
    if (c === null) return null;
    const k = knownParent(c, base.cameo);
    if (k === undefined) throw new DataFileError(`${file}:${line}`, `[${c}] is not a CAMEO event code`);
    if (k !== c) warnings.push({ line, message: `code ${c} is not in the CAMEO table; coded as ${k}` });
    return k;
  };
  const counters = new Map<string, number>();
  const patterns: EventPattern[] = parsed.patterns.map((p) => {
    const code = remap(p.code, p.line);
    const key = code ?? '---';
    counters.set(key, (counters.get(key) ?? 0) + 1);
    const out: EventPattern = { id: `p2:${key}:${counters.get(key)}`, code, group: p.group, tokens: p.tokens, line: p.line };
    if (p.reverse !== undefined) out.reverse = remap(p.reverse, p.line)!;
    return out;
  });
  const verbs: DictVerb[] = parsed.verbs.map((v) => ({ group: v.group, lemma: v.lemma, ...(v.head ? { head: v.head } : {}), forms: v.forms, code: remap(v.code, v.line) }));
  const synsets = new Map(parsed.synsets.map((s) => [s.name, [...new Set(s.members)] as readonly string[]]));
  return { dict: Object.freeze({ ...base, synsets, verbs, patterns }), warnings };
}
