/**
 * Builds the actor dictionaries under `data/actors/` from the public sources in
 * `../shared/ontology` plus entente's own hand-kept `data/actors/additions.json`:
 *
 * - `countries.json`  ← Phoenix.Countries.actors.txt (country blocks) + CountryInfo.120116.txt
 *   (which variant is an adjective, a capital, a city or a region) + additions;
 * - `people.json`     ← Phoenix.Countries/International office holders with dated codes + additions;
 * - `organisations.json` ← additions (codes checked against Phoenix.International.actors.txt);
 * - `roles.json`      ← Phoenix.agents.txt role nouns + additions (titles that name one person).
 *
 * Steps: 1. read the sources; 2. countries; 3. people; 4. organisations and roles; 5. write
 * sorted, deterministic JSON.
 *
 * @example node --import tsx scripts/build-actors.ts   # from the repository root
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';

const ONTOLOGY = resolve(process.argv[2] ?? '../shared/ontology');
const OUT = resolve('data/actors');
const PHOENIX = 'Phoenix dictionaries @ openeventdata/petrarch2 676801c (MIT)';
const COUNTRYINFO = 'CountryInfo.120116.txt @ openeventdata/CountryInfo 07c9c54 (CC BY-SA 3.0, P. A. Schrodt)';
const OURS = "entente's own additions (data/actors/additions.json, hand-kept, merged by scripts/build-actors.ts)";

type Json = Record<string, unknown>;
interface Role { code: string; from?: string; to?: string; title?: string }
interface Person { name: string; names: string[]; roles: Role[]; gender?: 'male' | 'female'; source: string }
interface Country { name: string; names: string[]; adjectives: string[]; demonyms: string[]; metonyms: Json[] }

// 1. sources
const read = (p: string): string => readFileSync(resolve(ONTOLOGY, p), 'utf8');
const additions = JSON.parse(readFileSync(resolve(OUT, 'additions.json'), 'utf8')) as Json;
const phoenixCountries = read('petrarch2/Phoenix.Countries.actors.txt');
const phoenixIntl = read('petrarch2/Phoenix.International.actors.txt');
const countryInfo = read('countryinfo/CountryInfo.120116.txt').replace(/^<Comment>\s*$[\s\S]*?^<\/Comment>/gm, ''); // line-anchored: the header mentions "<Comment>:" in prose

const SMALL = new Set(['of', 'the', 'and', 'de', 'al', 'el', 'bin', 'van', 'von', 'der', 'da', 'du', 'la', 'le', 'for']);
/** "SERGEY_V._LAVROV_" → "Sergey V. Lavrov"; all-caps short tokens ("U.S.", "UN") stay as they are. */
function display(raw: string): string {
  const words = raw.replace(/#.*$/, '').trim().replace(/_+$/, '').split(/[_ ]+/).filter(Boolean);
  return words.map((w, i) => {
    if (/^([A-Z]\.)+[A-Z]?\.?$/.test(w) || (w.length <= 3 && /^[A-Z]+$/.test(w) && i === 0 && words.length === 1)) return w;
    const lw = w.toLowerCase();
    if (i > 0 && SMALL.has(lw)) return lw;
    return lw.replace(/(^|[-'’.])([a-zà-ÿ])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  }).join(' ');
}
const clean = (raw: string): string => raw.replace(/#.*$/, '').replace(/^\+/, '').trim().split(/\s+/)[0] ?? '';
const ok = (name: string): boolean => name.length >= 2 && !/[(),/&?�]/.test(name) && /^[A-Za-z]/.test(name);

// 2. countries — CountryInfo says which variants are capitals, cities, regions; the first
// nationality entry is the adjective ("RUSSIAN_"), later ones are mostly names and misspellings.
interface Info { name?: string; adjective?: string; nationality: Set<string>; capitals: Set<string>; drop: Set<string> }
const infos = new Map<string, Info>();
for (const block of countryInfo.split('<Country>').slice(1)) {
  const code = /<CountryCode>([A-Z]{3})<\/CountryCode>/.exec(block)?.[1];
  if (!code || infos.has(code)) continue;
  const list = (tag: string): string[] => (new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(block)?.[1] ?? '').split('\n').map((l) => clean(l.replace(/^\s*#.*/, ''))).filter(Boolean);
  const nat = list('Nationality');
  const drop = new Set([...list('MajorCities'), ...list('Regions'), ...list('GeogFeatures')].map(display));
  const capitals = new Set(list('Capital').map(display));
  for (const c of capitals) drop.delete(c);
  const first = nat[0] ? display(nat[0]) : undefined;
  infos.set(code, { name: display(/<CountryName>([^<]*)<\/CountryName>/.exec(block)?.[1] ?? code), adjective: first && /(an|ese|ish|i|ch|ot|ic|ss|ek|ai|ino|ean)$/i.test(first) ? first : undefined, nationality: new Set(nat.map(display)), capitals, drop });
}
const ADJECTIVE = /(ian|an|ese|ish|i|ench|utch|ot|iss|eek|ai|ino|ean|ic)$/i;
const countries: Record<string, Country> = {};
const cAdd = (additions.countries ?? {}) as Record<string, Json>;
for (const m of phoenixCountries.matchAll(/^([A-Z][^\s\[#]*)\s+\[([A-Z]{3})\]\s*(?:#.*)?\n((?:\+.*\n|#.*\n)*)/gm)) {
  const code = m[2];
  if (countries[code]) continue;
  const info: Info = infos.get(code) ?? { nationality: new Set<string>(), capitals: new Set<string>(), drop: new Set<string>() };
  const c: Country = { name: info.name ?? display(m[1]), names: [], adjectives: [], demonyms: [], metonyms: [] };
  for (const line of [m[1], ...m[3].split('\n').filter((l) => l.startsWith('+'))]) {
    const raw = clean(line);
    if (!ok(raw)) continue;
    const d = display(raw);
    if (info.drop.has(d) || /^The /.test(d)) continue; // "Sochi", "Kursk": places, not the state acting
    if (info.capitals.has(d)) c.metonyms.push({ text: d, roles: ['GOV'] });
    else if (d === info.adjective || (info.nationality.has(d) && ADJECTIVE.test(d) && !/(land|stan|ia)$/i.test(d) && d.split(' ').length === 1)) c.adjectives.push(d);
    else c.names.push(d);
  }
  countries[code] = c;
}
// countries Phoenix files under dated blocks ("UKRAINE_" with [UKR >911221]) come from CountryInfo alone
for (const block of countryInfo.split('<Country>').slice(1)) {
  const code = /<CountryCode>([A-Z]{3})<\/CountryCode>/.exec(block)?.[1];
  const info = code ? infos.get(code) : undefined;
  if (!code || !info || countries[code]) continue;
  const name = display(/<CountryName>([^<]*)<\/CountryName>/.exec(block)?.[1] ?? code);
  const nat = [...info.nationality].filter((n) => ok(n.replace(/ /g, '_')));
  countries[code] = { name, names: [name, ...nat.filter((n) => n !== info.adjective)], adjectives: info.adjective ? [info.adjective] : [], demonyms: [], metonyms: [...info.capitals].map((t) => ({ text: t, roles: ['GOV'] })) };
}
for (const [code, add] of Object.entries(cAdd)) {
  if (code === '$comment') continue;
  const c = (countries[code] ??= { name: String(add.name ?? code), names: [], adjectives: [], demonyms: [], metonyms: [] });
  if (typeof add.name === 'string') c.name = add.name;
  for (const k of ['names', 'adjectives', 'demonyms'] as const) c[k].push(...((add[k] as string[] | undefined) ?? []));
  c.metonyms.push(...((add.metonyms as Json[] | undefined) ?? []));
  const remove = new Set((add.remove as string[] | undefined) ?? []);
  for (const k of ['names', 'adjectives', 'demonyms'] as const) c[k] = c[k].filter((x) => !remove.has(x));
  c.metonyms = c.metonyms.filter((x) => !remove.has(String(x.text)));
}
for (const c of Object.values(countries)) {
  // plural demonyms: "Russians", "Iraqis", "Cypriots"; "the Chinese" has none in this form
  for (const a of c.adjectives) if (/((?<!m)an|i|ot)$/.test(a) && a.split(' ').length === 1) c.demonyms.push(a + 's');
  for (const k of ['names', 'adjectives', 'demonyms'] as const) c[k] = [...new Set(c[k])].filter((x) => x !== c.name || k !== 'names').sort();
  c.names = c.names.filter((n) => !c.adjectives.includes(n));
  if (!c.names.includes(c.name)) c.names.unshift(c.name);
  const seen = new Set<string>();
  c.metonyms = c.metonyms.filter((x) => !seen.has(String(x.text)) && seen.add(String(x.text))).sort((a, b) => String(a.text).localeCompare(String(b.text)));
}

// 3. people — TABARI groups: name lines (a root, "+variants") followed by code lines; codes with
// dates make an office holder. Names that carry a title ("PRESIDENT_PUTIN") are left to the
// title rules, so the mention is the name and the title only gives the role.
const TITLE = /(?:^|_)(PRESIDENT|MINISTER|PREMIER|SECRETARY|GENERAL|AMBASSADOR|LEADER|FORMER|EX-|CHAIRMAN|KING|QUEEN|PRINCE|SENATOR|GOVERNOR|ADMINISTRATION|GOVERNMENT|SPOKESMAN|COMMANDER|GEN\.|COL\.|DR\.|MR\.|MRS\.|SIR|LORD|LADY|BARONESS|CHIEF|DEPUTY|SOVIET|RUSSIAN|AMERICAN|CHINESE|FOREIGN|PRIME|REPRESENTATIVE|ENVOY|UN|EU|THE|ADMINISTRATION|GOVT|PRESIDENT-ELECT|GOV\.)_/;
function isoDate(s: string): string | undefined {
  let d = s.trim();
  if (/^\d{6}$/.test(d)) d = (Number(d.slice(0, 2)) <= 30 ? '20' : '19') + d;
  if (!/^\d{8}$/.test(d)) return undefined;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}
function parseCode(s: string): Role | undefined {
  const m = /^([A-Z]{3,})\s*(?:(>|<)\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$/.exec(s.trim());
  if (!m || m[1].length % 3 !== 0) return undefined;
  const r: Role = { code: m[1] };
  if (m[2] === '>') r.from = isoDate(m[3]);
  else if (m[2] === '<') r.to = isoDate(m[3]);
  else if (m[4]) { r.from = isoDate(m[4]); r.to = isoDate(m[5]); }
  if ((m[3] || m[4]) && !r.from && !r.to) return undefined;
  if ((m[4] && (!r.from || !r.to)) || (r.from && r.to && r.from > r.to)) return undefined; // "2004017", reversed ranges
  return r;
}
const people = new Map<string, Person>();
const countryWords = new Set(Object.values(countries).flatMap((c) => [...c.names, ...c.adjectives]).filter((w) => !w.includes(' ')));
function harvest(text: string, source: string): void {
  let names: string[] = [];
  let codes: Role[] = [];
  let dated = false;
  const flush = (): void => {
    if (dated && names.length) {
      const kept = names.filter((n) => ok(n) && !TITLE.test(n + '_') && (n.includes('_') || n.length >= 5));
      const full = kept.filter((n) => n.replace(/_+$/, '').includes('_'));
      // an office holder has an office: bare country codes are a country block ("UKRAINE_ [UKR >911221]"),
      // former elites only are noise for a news coder
      if (full.length && codes.some((r) => r.code.length > 3 && !r.code.endsWith('ELI'))) {
        const name = display(full[0]);
        // one-word variants must be a word of the name ("LAVROV"), not a place filed with it
        const surname = name.split(' ').pop()!.toLowerCase();
        kept.splice(0, kept.length, ...kept.filter((n) => display(n).toLowerCase().split(' ').includes(surname)));
        if (name.split(' ').some((w) => countryWords.has(w))) { names = []; codes = []; dated = false; return; } // "Swiss Canton"
        const id = 'person/' + slug(name);
        const p = people.get(id) ?? { name, names: [], roles: [], source };
        p.names.push(...kept.map(display));
        for (const r of codes) if (!p.roles.some((x) => JSON.stringify(x) === JSON.stringify(r))) p.roles.push(r);
        people.set(id, p);
      }
    }
    names = []; codes = []; dated = false;
  };
  let afterCode = false;
  for (const line of text.split('\n')) {
    const body = line.replace(/#.*$/, '');
    if (!body.trim()) continue;
    const inline = [...body.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]);
    const head = body.replace(/\[[^\]]*\]/g, '').trim();
    if (head) {
      if (afterCode) flush();
      afterCode = false;
      names.push(clean(head.replace(/ /g, '_')));
    }
    for (const c of inline) {
      if (/\d/.test(c)) dated = true;
      const r = parseCode(c);
      if (r && /^(IGO[A-Z]*|[A-Z]{3}(GOV|MIL|JUD|LEG|OPP|REB|MED|BUS|CVL|ELI|COP|SPY|PTY|LAB|EDU|HLH|AGR|DEV|ENV|REL|HRI|IGO|NGO|REF|UAF|CRM|MOD|RAD)*)$/.test(r.code)) codes.push(r);
      afterCode = true;
    }
  }
  flush();
}
harvest(phoenixCountries, 'phoenix');
harvest(phoenixIntl, 'phoenix');
for (const [id, add] of Object.entries((additions.people ?? {}) as Record<string, Json>)) {
  const prev = people.get(id);
  const names = [...((add.names as string[]) ?? []), ...(prev?.names ?? [])];
  people.set(id, { name: String(add.name), names, roles: add.roles as Role[], gender: add.gender as Person['gender'], source: 'entente' });
}
function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

// 4. organisations (codes must exist in Phoenix) and roles (Phoenix agents + our titles)
const orgs = (additions.organisations ?? {}) as Record<string, Json>;
for (const [key, o] of Object.entries(orgs)) {
  const code = String(o.code);
  if (code.startsWith('IGO') && !phoenixIntl.includes(`[${code}`)) console.warn(`warning: ${key} code ${code} is not in Phoenix.International`);
}
const roleNouns: Record<string, Json> = {};
const agents = read('petrarch2/Phoenix.agents.txt');
const macros = new Map<string, string[]>();
for (const m of agents.matchAll(/^(![A-Z]+!)\s*=\s*(.+)$/gm)) macros.set(m[1], m[2].split(',').map((s) => s.trim()));
for (const line of agents.split('\n')) {
  const m = /^([A-Z!][A-Z_!\- ]*?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]/.exec(line.replace(/#.*$/, ''));
  if (!m || /!PERSON!/.test(m[1]) || m[3].length % 3 !== 0) continue;
  let forms = [m[1].trim()];
  for (const [k, v] of macros) if (forms[0].includes(k)) forms = v.map((x) => forms[0].replaceAll(k, x));
  for (const f of forms) {
    const phrase = f.replace(/[_ ]+/g, ' ').trim().toLowerCase();
    if (!phrase || /[^a-z\- ]/.test(phrase) || phrase.split(' ').length > 4) continue;
    roleNouns[phrase] ??= { roles: m[3].match(/.../g) };
  }
}
for (const [phrase, r] of Object.entries((additions.roles ?? {}) as Record<string, Json>)) if (phrase !== '$comment') roleNouns[phrase] = r;

// 5. write
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Json;
    const keys = Object.keys(o).sort((a, b) => (a === '$comment' ? -1 : b === '$comment' ? 1 : a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}
function write(file: string, data: Json): void {
  const path = resolve(OUT, file);
  // one entry per line: readable diffs, and a third of the size of an indented file
  const sorted = sortKeys(data) as Json;
  const [head, body] = Object.keys(sorted);
  const entries = Object.entries(sorted[body] as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  writeFileSync(path + '.tmp', `{\n ${JSON.stringify(head)}: ${JSON.stringify(sorted[head])},\n ${JSON.stringify(body)}: {\n${lines}\n }\n}\n`);
  renameSync(path + '.tmp', path);
  console.log(`${file}: ${Object.keys(Object.values(data)[1] as Json).length} entries`);
}
const peopleOut: Record<string, Json> = {};
for (const [id, p] of people) {
  const names = [...new Set([p.name, ...p.names])].filter((n) => n.length >= 4).sort();
  peopleOut[id] = { name: p.name, names, roles: p.roles, ...(p.gender ? { gender: p.gender } : {}), source: p.source };
}
write('countries.json', { $comment: `Countries by ISO alpha-3 (CAMEO) code: names, adjectives, demonyms, capitals and seats of government as metonyms. Sources: ${PHOENIX}, Phoenix.Countries.actors.txt country blocks; ${COUNTRYINFO} (capitals, cities and regions, which are dropped); ${OURS}. Generated by scripts/build-actors.ts: do not edit by hand.`, countries });
write('organisations.json', { $comment: `International and national organisations with CAMEO codes (checked against ${PHOENIX}, Phoenix.International.actors.txt), names, abbreviations, descriptions ("the bloc") and metonyms ("Brussels"). Names and descriptions: ${OURS}. Generated by scripts/build-actors.ts: do not edit by hand.`, organisations: Object.fromEntries(Object.entries(orgs).filter(([k]) => k !== '$comment')) });
write('roles.json', { $comment: `Role and sector nouns → CAMEO agent codes. Sources: ${PHOENIX}, Phoenix.agents.txt (macros expanded, "!PERSON!" entries dropped); person titles ("foreign minister", "counterpart") and gender: ${OURS}. Generated by scripts/build-actors.ts: do not edit by hand.`, roles: roleNouns });
// places: where an act happens ("arrived in Amman", "demonstrators in Baghdad"), read by the event
// coder only; a name CountryInfo gives to two countries, or that is also a country's own name, is left out
const placeCountries = new Map<string, Set<string>>();
for (const [code, info] of infos) {
  if (!countries[code]) continue;
  for (const p of [...info.capitals, ...info.drop]) if (ok(p.replace(/ /g, '_'))) (placeCountries.get(p) ?? placeCountries.set(p, new Set()).get(p)!).add(code);
}
for (const [p, code] of Object.entries((additions.places ?? {}) as Record<string, string>)) if (p !== '$comment') placeCountries.set(p, new Set([code]));
const countryNames = new Set(Object.values(countries).flatMap((c) => [...c.names, ...c.adjectives, ...c.demonyms]));
const places: Record<string, string> = {};
for (const [p, codes] of placeCountries) if (codes.size === 1 && !countryNames.has(p)) places[p] = [...codes][0];
write('places.json', { $comment: `Capitals, major cities, regions and geographic features → the country they lie in, for an act's place. Sources: ${COUNTRYINFO} (Capital, MajorCities, Regions, GeogFeatures); ${OURS} ("places"). Generated by scripts/build-actors.ts: do not edit by hand.`, places });
write('people.json', { $comment: `People with dated roles (CAMEO codes, ISO dates, "to" absent = open). Sources: ${PHOENIX}, office holders in Phoenix.Countries/International.actors.txt (names with titles dropped; six-digit dates read as 19YY above 30); current figures: ${OURS}. Generated by scripts/build-actors.ts: do not edit by hand.`, people: peopleOut });
