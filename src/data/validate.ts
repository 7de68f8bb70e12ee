/**
 * Checks for the JSON data files under `data/`: shapes, word lists and numbers, each failing with
 * a `DataFileError` that names the file and the field; and run-time freezing of the loaded tables.
 */
import { DataFileError } from '../model/errors.js';


/**
 * Check that `value` is an object with exactly `keys` (first `$comment`) and return it.
 * @example expectObject('data/x.json', v, ['$comment', 'words'])
 */
export function expectObject(file: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DataFileError(file, 'expected a JSON object');
  const obj = value as Record<string, unknown>;
  const got = Object.keys(obj);
  if (got[0] !== '$comment' || typeof obj.$comment !== 'string') throw new DataFileError(file, 'the first key must be "$comment", a string');
  for (const k of got) if (!keys.includes(k)) throw new DataFileError(file, `unknown field "${k}"`);
  for (const k of keys) if (!(k in obj)) throw new DataFileError(file, `missing field "${k}"`);
  return obj;
}

/**
 * Check that `obj[key]` is a non-empty list of distinct non-empty strings without spaces.
 * @example expectWords('data/x.json', { words: ['a'] }, 'words') // ['a']
 */
export function expectWords(file: string, obj: Record<string, unknown>, key: string): string[] {
  const list = obj[key];
  if (!Array.isArray(list) || list.length === 0) throw new DataFileError(file, `"${key}" must be a non-empty array of strings`);
  const seen = new Set<string>();
  for (const w of list) {
    if (typeof w !== 'string' || w === '' || /\s/.test(w)) throw new DataFileError(file, `"${key}" holds a bad entry ${JSON.stringify(w)}`);
    if (seen.has(w)) throw new DataFileError(file, `"${key}" lists "${w}" twice`);
    seen.add(w);
  }
  return list as string[];
}

/**
 * Check that `obj[key]` is a finite number within `[min, max]`.
 * @example expectNumber('data/x.json', { n: 3 }, 'n', 0, 10) // 3
 */
export function expectNumber(file: string, obj: Record<string, unknown>, key: string, min: number, max: number): number {
  const n = obj[key];
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    throw new DataFileError(file, `"${key}" must be a number in [${min}, ${max}], got ${JSON.stringify(n)}`);
  }
  return n;
}

/**
 * Check a file made only of word lists (after its `$comment`), exactly the fields `fields` names, and
 * return them as sets under their property names.
 * @example expectWordSets('data/x.json', json, { placeCases: 'place_cases' }).placeCases.has('in')
 */
export function expectWordSets<K extends string>(file: string, value: unknown, fields: Readonly<Record<K, string>>): Readonly<Record<K, ReadonlySet<string>>> {
  const o = expectObject(file, value, ['$comment', ...Object.values<string>(fields)]);
  const out = {} as Record<K, ReadonlySet<string>>;
  for (const k of Object.keys(fields) as K[]) out[k] = new Set(expectWords(file, o, fields[k]));
  return Object.freeze(out);
}

/** Make a Map read-only at run time, not just in its type. @example freezeMap(new Map([[1, 2]])) */
export function freezeMap<K, V>(m: Map<K, V>): ReadonlyMap<K, V> {
  m.set = m.delete = () => { throw new TypeError('frozen'); };
  m.clear = () => { throw new TypeError('frozen'); };
  return Object.freeze(m);
}

/** Make a Set read-only at run time, not just in its type. @example freezeSet(new Set([1])) */
export function freezeSet<T>(s: Set<T>): ReadonlySet<T> {
  s.add = () => { throw new TypeError('frozen'); };
  s.delete = () => { throw new TypeError('frozen'); };
  s.clear = () => { throw new TypeError('frozen'); };
  return Object.freeze(s);
}
