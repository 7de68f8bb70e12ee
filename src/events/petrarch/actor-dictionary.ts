/**
 * PETRARCH-2 actor and agent dictionaries (`Phoenix.*.actors.txt`, `Phoenix.agents.txt`, or a
 * user's own files in those formats) turned into the `ActorDictionary` the actor stage reads, at
 * run time, for `entente code --dictionaries DIR`.
 *
 * How each PETRARCH entry is read:
 * - a code with a date restriction anywhere in the entry (office holders, "UKRAINE_ [UKR >911221]")
 *   → a dated entry (`people`): the code valid on the article's date is chosen, an undated code
 *   is the default outside every range, as PETRARCH does;
 * - a bare three-letter code (`AFGHANISTAN_ [AFG]` and its synonyms, cities included as PETRARCH
 *   has them) → a country name;
 * - any other fixed code (`UNITED_NATIONS_ [IGOUNO]`, `WHITE_HOUSE_ [USAGOV]`) → an organisation
 *   keyed by its code;
 * - an agent (`TROOP [~MIL]`) → a role noun, composed with a country before it as entente does
 *   ("Russian troops" → RUSMIL). Prefix agents (`[NGO~]`) have no place in that composition and
 *   are counted as unused.
 * Names are matched as proper names (capitalised words must be capitalised in the text; "of",
 * "the" and the like in any case); agent phrases in any case.
 */
import type { ActorDictionary, CountryEntry, DatedRole, OrgEntry, PersonEntry, RoleEntry } from '../../actors/dictionary.js';
import { Trie, type Hit } from '../../actors/_trie.js';
import type { ActorEntry } from './actors.js';
import type { AgentEntry } from './agents.js';

/** Words of a name that stay lower case, so "Republic of Korea" matches as written. */
const SMALL = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'de', 'del', 'la', 'le', 'al', 'el', 'bin', 'van', 'von', 'der', 'da', 'du', 'a', 'an', 'at', 'by']);

/**
 * A PETRARCH name (lower-case words) as text writes it: "u.s. state department" → "U.S. State
 * Department".
 *
 * @example displayName('republic of korea') // 'Republic of Korea'
 */
export function displayName(phrase: string): string {
  return phrase.split(' ').map((w, i) => {
    if (w.includes('.')) return w.toUpperCase();
    if (i > 0 && SMALL.has(w)) return w;
    return w.replace(/(^|[-'])(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  }).join(' ');
}

/** What `actorDictionaryFromPetrarch` made, for the summary on standard error. */
export interface ActorBuildCounts { countries: number; organisations: number; dated: number; roles: number; unused: number }

/**
 * Build an actor dictionary from parsed PETRARCH actor entries and agents. With no agents,
 * `fallbackRoles` (the built-in role nouns) are used, so "Russian troops" still composes.
 *
 * @example
 * const { dict } = actorDictionaryFromPetrarch([{ name: 'russian federation', synonyms: ['russia'], codes: [{ code: 'RUS' }], line: 1 }], [], new Map());
 * dict.countries.get('RUS')?.name // 'Russian Federation'
 */
export function actorDictionaryFromPetrarch(
  actors: readonly ActorEntry[],
  agents: readonly AgentEntry[],
  fallbackRoles: ReadonlyMap<string, RoleEntry>,
): { dict: ActorDictionary; counts: ActorBuildCounts } {
  const trie = new Trie();
  // the trie holds phrases of up to 16 tokens; a longer PETRARCH name cannot be written in a sentence anyway
  const add = (n: string, hit: Hit) => { if (n.split(/[\s()'.,-]+/).length <= 12) trie.add(n, hit); };
  const countries = new Map<string, CountryEntry>();
  const organisations = new Map<string, OrgEntry>();
  const people = new Map<string, PersonEntry>();
  const roles = new Map<string, RoleEntry>();
  const orgByCode = new Map<string, string>();
  const counts: ActorBuildCounts = { countries: 0, organisations: 0, dated: 0, roles: 0, unused: 0 };
  for (const a of actors) {
    const codes = a.codes.filter((c): c is DatedRole & { code: string } => c.code !== null);
    if (codes.length === 0) { counts.unused++; continue; }
    const names = [...new Set([a.name, ...a.synonyms])].filter((n) => n !== '').map(displayName);
    if (codes.some((c) => c.from !== undefined || c.to !== undefined)) {
      // the line number keeps two entries with the same name apart
      const id = `person/p2-${a.line}`;
      const roleList = codes.map((c) => Object.freeze({ code: c.code, ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}) }));
      people.set(id, Object.freeze({ id, name: names[0], names: Object.freeze(names), roles: Object.freeze(roleList) }));
      const full = names[0].split(' ').length;
      for (const n of names) {
        const surname = full > 1 && !n.includes(' ');
        add(n, { type: 'person', id, surname, rule: `petrarch/line-${a.line}` });
      }
      counts.dated++;
      continue;
    }
    const code = codes[0].code;
    if (/^[A-Z]{3}$/.test(code) && !/^(IGO|NGO)$/.test(code)) {
      if (!countries.has(code)) { countries.set(code, Object.freeze({ code, name: names[0] })); counts.countries++; }
      for (const n of names) add(n, { type: 'country', id: code, rule: `petrarch/line-${a.line}` });
      continue;
    }
    if (!organisations.has(code)) {
      const country = /^(IGO|NGO)/.test(code) ? code : code.slice(0, 3);
      organisations.set(code, Object.freeze({ key: code, code, country, name: names[0] }));
      orgByCode.set(code, code);
      counts.organisations++;
    }
    for (const n of names) add(n, { type: 'org', id: code, rule: `petrarch/line-${a.line}` });
  }
  const addRole = (phrase: string, entry: RoleEntry, plurals: readonly string[], rule: string) => {
    const prev = roles.get(phrase);
    if (prev) {
      // one phrase, two agent lines: PETRARCH keeps both codes
      roles.set(phrase, Object.freeze({ ...prev, roles: Object.freeze([...new Set([...prev.roles, ...entry.roles])]) }));
    } else roles.set(phrase, entry);
    add(phrase, { type: 'role', id: phrase, rule });
    for (const p of plurals) if (p !== phrase) add(p, { type: 'role', id: phrase, plural: true, rule });
  };
  if (agents.length > 0) {
    for (const g of agents) {
      if (g.place === 'prefix' || !/^([A-Z]{3})+$/.test(g.code)) { counts.unused++; continue; }
      addRole(g.phrase, Object.freeze({ phrase: g.phrase, roles: Object.freeze(g.code.match(/.../g)!), person: false }), g.plurals, `petrarch/agent-line-${g.line}`);
      counts.roles++;
    }
  } else {
    for (const r of fallbackRoles.values()) {
      const plural = r.phrase.replace(/(?:([^aeiou])y|(s|x|ch|sh))$|$/, (_m, y?: string, s?: string) => (y ? `${y}ies` : s ? `${s}es` : 's'));
      addRole(r.phrase, r, fallbackRoles.has(plural) ? [] : [plural], `roles/${r.phrase.replace(/\s+/g, '-')}`);
      counts.roles++;
    }
  }
  const dict: ActorDictionary = Object.freeze({ countries, organisations, people, roles, orgByCode, trie: trie.freeze() });
  return { dict, counts };
}
