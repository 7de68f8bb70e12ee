/**
 * Country adjectives as actors for the coder only: "rejected an Indian proposal", "Israeli tanks
 * shelled", "opposed to French mediation". The actor stage makes a demonym mention only before a
 * role noun ("Russian forces"), since the quote stage needs people and institutions; an event's
 * party may be any thing of a country's, so the coder adds the bare capitalised adjectives of
 * `data/actors/countries.json` (and plural demonyms, "Iraqis") that no mention covers.
 */
import type { Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { DataFileError } from '../model/errors.js';
import { readDataJson } from '../data/read.js';

interface Entry {
  /** the words after the first, lower case ("North Korean" → ["korean"]) */
  rest: readonly string[];
  code: string;
  name: string;
}

const FILE = 'data/actors/countries.json';

interface Tables {
  /** adjectives and demonyms by their first word, lower case, longest first */
  words: ReadonlyMap<string, readonly Entry[]>;
  /** names and adjectives, lower case, for "US-led", "Saudi-led": the country leads, so it acts */
  leaders: ReadonlyMap<string, Omit<Entry, 'rest'>>;
  /** every country's code */
  codes: ReadonlySet<string>;
}
let cached: Tables | undefined;

/**
 * The codes of `data/actors/countries.json`, read with the adjectives: what the coder's other
 * tables are checked against, without loading the actor stage's whole dictionary into a thread
 * that runs only the coder.
 *
 * @example countryCodes().has('RUS') // true
 */
export function countryCodes(): ReadonlySet<string> {
  return tables().codes;
}

/** Both tables from one read of the countries file; loaded once. */
function tables(): Tables {
  if (cached) return cached;
  const raw = readDataJson(FILE) as { countries?: Record<string, { name?: unknown; names?: unknown; adjectives?: unknown; demonyms?: unknown }> };
  if (typeof raw !== 'object' || raw === null || typeof raw.countries !== 'object') throw new DataFileError(FILE, 'expected {"countries": {...}}');
  const words = new Map<string, Entry[]>();
  const leaders = new Map<string, Omit<Entry, 'rest'>>();
  for (const [code, c] of Object.entries(raw.countries)) {
    const name = typeof c.name === 'string' ? c.name : code;
    const adjectives = Array.isArray(c.adjectives) ? c.adjectives : [];
    for (const w of [...adjectives, ...(Array.isArray(c.demonyms) ? c.demonyms : [])]) {
      if (typeof w !== 'string' || w === '') throw new DataFileError(FILE, `entry "${code}": adjectives and demonyms must be non-empty strings`);
      // lower-case entries ("sino") are not the capitalised adjectives this reads
      if (w[0] === w[0].toLowerCase()) continue;
      const [first, ...rest] = w.toLowerCase().split(/\s+/);
      const list = words.get(first) ?? [];
      list.push({ rest, code, name });
      words.set(first, list);
    }
    for (const w of [...(Array.isArray(c.names) ? c.names : []), ...adjectives]) {
      if (typeof w === 'string' && /^\p{Lu}/u.test(w) && !leaders.has(w.toLowerCase())) leaders.set(w.toLowerCase(), { code, name });
    }
  }
  for (const l of words.values()) l.sort((a, b) => b.rest.length - a.rest.length);
  return (cached = { words, leaders, codes: new Set(Object.keys(raw.countries)) });
}

/**
 * The article's mentions with a mention added for each capitalised country adjective or demonym
 * (tokens `tokens`) that no mention covers, in text order. Returns `mentions` itself when there is
 * none to add.
 *
 * @example withAdjectives('Israeli tanks fired.', toks, []) // [{ start: 0, end: 7, kind: 'demonym', actor: { code: 'ISR', … } }]
 */
export function withAdjectives(text: string, tokens: readonly Span[], mentions: readonly Mention[]): readonly Mention[] {
  const { words: t, leaders } = tables();
  let added: Mention[] | undefined;
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i];
    const c0 = text.charCodeAt(tk.start);
    if (c0 < 65 || c0 > 90) continue;
    while (m < mentions.length && mentions[m].end <= tk.start) m++;
    if (m < mentions.length && mentions[m].start < tk.end) continue;
    const word = text.slice(tk.start, tk.end).toLowerCase();
    if (word.endsWith('-led')) {
      const e = leaders.get(word.slice(0, -4));
      if (e) (added ??= []).push(adjectiveMention(tk.start, tk.end, e.code, e.name));
      continue;
    }
    const list = t.get(word);
    if (!list) continue;
    // "Bosnian Serbs": a country word right after another qualifies it, it is not a second party
    if (i > 0) {
      const p = tokens[i - 1];
      const before = m > 0 ? mentions[m - 1] : undefined;
      if ((before && before.start <= p.start && before.end >= p.end) || (added && added[added.length - 1].end >= p.end)) continue;
    }
    for (const e of list) {
      let ok = i + e.rest.length < tokens.length;
      for (let k = 0; k < e.rest.length && ok; k++) {
        const n = tokens[i + 1 + k];
        ok = text.slice(n.start, n.end).toLowerCase() === e.rest[k] && !(m < mentions.length && mentions[m].start < n.end);
      }
      if (!ok) continue;
      const end = tokens[i + e.rest.length].end;
      (added ??= []).push(adjectiveMention(tk.start, end, e.code, e.name));
      i += e.rest.length;
      break;
    }
  }
  if (!added) return mentions;
  const out: Mention[] = [];
  let a = 0;
  let b = 0;
  while (a < mentions.length || b < added.length) {
    if (b >= added.length || (a < mentions.length && mentions[a].start <= added[b].start)) out.push(mentions[a++]);
    else out.push(added[b++]);
  }
  return out;
}

function adjectiveMention(start: number, end: number, code: string, name: string): Mention {
  return { start, end, kind: 'demonym', rule: 'events/adjective', actor: { id: `country/${code}`, code, country: code, roles: [], name, kind: 'country' } };
}
