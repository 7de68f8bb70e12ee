/**
 * Places as the coder reads them: "arrived in Amman", "evacuate settlements in the Gaza Strip",
 * "demonstrators in Baghdad". The actor stage keeps a capital after "in" out of its mentions (the
 * city is where, not who); the coder still needs the country an act happens in when no one else is
 * named as acted on. Names come from `data/actors/places.json` (CountryInfo's capitals, cities,
 * regions and features), matched only when capitalised as in the table.
 */
import { DataFileError } from '../model/errors.js';
import { placeEntries } from '../actors/index.js';
import { countryCodes } from './adjectives.js';
import type { SentenceView } from './sentence.js';

interface Entry {
  /** the words after the first, lower case ("Tel Aviv" → ["aviv"]) */
  rest: readonly string[];
  country: string;
}

/** Places by their first word, lower case, longest first. */
export type PlaceTable = ReadonlyMap<string, readonly Entry[]>;

const FILE = 'data/actors/places.json';
let cached: PlaceTable | undefined;

/**
 * Places by their first word, lower case, longest first; loaded and checked once (every country
 * must be one of `data/actors/countries.json`).
 */
export function placeTable(): PlaceTable {
  if (cached) return cached;
  const known = countryCodes();
  const out = new Map<string, Entry[]>();
  for (const [name, country] of placeEntries()) {
    if (!known.has(country)) throw new DataFileError(FILE, `place "${name}": ${JSON.stringify(country)} is not a country of data/actors/countries.json`);
    const [first, ...rest] = name.toLowerCase().split(/\s+/);
    const list = out.get(first) ?? [];
    list.push({ rest, country });
    out.set(first, list);
  }
  for (const l of out.values()) l.sort((a, b) => b.rest.length - a.rest.length);
  return (cached = out);
}

/**
 * The country of the place named at token `i` of the sentence (a capitalised table name, or a
 * country mention), with the token after it; undefined when there is none. `places` is the table
 * the coder was given (`placeTable()` loads the built-in one).
 */
export function placeAt(v: SentenceView, i: number, text: string, countryOf: (mention: number) => string | undefined, places: PlaceTable): { country: string; end: number } | undefined {
  const m = v.mention[i];
  if (m >= 0) {
    const country = countryOf(m);
    if (!country) return undefined;
    let end = i + 1;
    while (end < v.words.length && v.mention[end] === m) end++;
    return { country, end };
  }
  const c0 = text.charCodeAt(v.toks[i].start);
  if (c0 < 65 || c0 > 90) return undefined;
  const list = places.get(v.words[i]);
  if (!list) return undefined;
  for (const e of list) {
    if (e.rest.every((w, k) => v.words[i + 1 + k] === w && v.mention[i + 1 + k] < 0)) return { country: e.country, end: i + 1 + e.rest.length };
  }
  return undefined;
}
