/**
 * Places by name → the country they lie in, for the actor a place in a title or a dateline
 * gives ("New York Mayor …", "LONDON (Reuters) -"). Read from `data/actors/places.json`
 * (CountryInfo's capitals, cities, regions and features, and entente's additions), once.
 */
import { readDataJson } from '../data/read.js';
import { DataFileError } from '../model/errors.js';

const FILE = 'data/actors/places.json';
let entries: readonly (readonly [string, string])[] | undefined;
let cached: { byName: ReadonlyMap<string, string>; maxWords: number } | undefined;

/**
 * The file's places as written, each with its country; read and checked once (a name starts with
 * a capital, a country is a string). The event coder's place table is built from these too.
 *
 * @example placeEntries().find(([name]) => name === 'Tel Aviv') // ['Tel Aviv', 'ISR']
 */
export function placeEntries(): readonly (readonly [string, string])[] {
  if (entries) return entries;
  const raw = readDataJson(FILE) as { places?: Record<string, unknown> };
  if (typeof raw?.places !== 'object' || raw.places === null) throw new DataFileError(FILE, 'expected {"places": {name: country}}');
  const out: [string, string][] = [];
  for (const [name, country] of Object.entries(raw.places)) {
    if (typeof country !== 'string') throw new DataFileError(FILE, `place "${name}": country must be a string`);
    if (!/^\p{Lu}/u.test(name)) throw new DataFileError(FILE, `place "${name}": must start with a capital letter`);
    out.push([name, country]);
  }
  return (entries = out);
}

/**
 * Country by place name, keyed in lower case, with the most words a name has.
 *
 * @example placeCountries().byName.get('new york') // 'USA'
 */
export function placeCountries(): { byName: ReadonlyMap<string, string>; maxWords: number } {
  if (cached) return cached;
  const byName = new Map<string, string>();
  let maxWords = 1;
  for (const [name, country] of placeEntries()) {
    byName.set(name.toLowerCase(), country);
    maxWords = Math.max(maxWords, name.split(/\s+/).length);
  }
  return (cached = { byName, maxWords });
}
