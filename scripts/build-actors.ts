/**
 * Builds the actor dictionaries under `data/actors/` from the public sources in
 * `../shared/ontology` plus entente's own hand-kept `data/actors/additions.json`:
 *
 * - `countries.json`  ← Phoenix.Countries.actors.txt (country blocks) + CountryInfo.120116.txt
 *   (which variant is an adjective, a capital, a city or a region) + additions;
 * - `people.json`     ← Phoenix.Countries/International office holders with dated codes + additions;
 * - `organisations.json` ← additions (hand-kept, they win) + IGO/NGO blocks of Phoenix.International and
 *   the militant groups of Phoenix.MilNonState, filtered (step 4b);
 * - `roles.json`      ← Phoenix.agents.txt role nouns + additions (titles that name one person).
 *
 * Steps: 1. read the sources; 2. countries; 3. people; 4. roles, places, organisations; 5. write
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
interface Country { name: string; names: string[]; adjectives: string[]; demonyms: string[]; metonyms: Json[]; notActors?: string[] }

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
  // names that contain the country's but are not it acting ("South China Sea", "Times of India"): matched so that they are skipped
  if (add.notActors) c.notActors = [...(add.notActors as string[])].sort();
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
// news outlets and agencies are organisations (MED of their country) like any other: the event stage
// leaves them out of the events they only narrate ("CNN has learned", "reported Reuters")
const orgs = { ...(additions.organisations ?? {}), ...(additions.outlets ?? {}) } as Record<string, Json>;
delete orgs.$comment;
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

// 4b. organisations from Phoenix — IGO and NGO blocks of Phoenix.International, every group of
// Phoenix.MilNonState. Rules (tunable lists in additions.json "organisationRules"):
// - a block is its name lines ("NAME_", "+VARIANT_") and the code lines after them; blocks with a
//   dated code are people (step 3 harvests those with an office), MNC blocks are companies (not
//   actors of international relations, and their brand names are common words), a bare [MED] is
//   a channel with no country; everything else with a code is a candidate;
// - who it belongs to: IGO/NGO codes keep their code and have no country, as the hand-kept IGOs
//   (the actor's country is the organisation itself; "IGOUNO…" bodies get parent UN, as IAEA),
//   but an NGO code naming one country is that country's ("NGOUSAHRI" → USA, "USANGOHRI");
//   "TURREB" → TUR; a head that is no country ("WAF", "INT", "KKL", "SEA", "IMG"…) gets, in this
//   order, its country in "homes" (hand-kept), a country chunk of an IMG code ("IMGMUSRUSCNY" →
//   RUS), "oldCodes" ("ANG" → AGO), the one country its name names ("(Colombia)", "Japanese Red
//   Army", "Aceh"), else the block is skipped; such codes are rewritten to the country's
//   ("WAFREB" → "SLEREB", IMG → REB); transnational groups are thus left out (al-Qaeda is hand-kept);
// - names: "(AAIA)" in a name line is an abbreviation; a name of two words or more needs an
//   organisation noun (people are filed under group codes: "+KHALED_MESHAAL"); a one-word name
//   of 3–6 letters is an acronym, matched in capitals ("UNITA", "UNDP"); longer one-word names are
//   names ("Hezbollah"); dropped: common English words (the Phoenix verb, agent and discard
//   dictionaries, function words, role nouns), names shorter than 4 letters unless an acronym of
//   3+, country names, places, people's names and surnames, role phrases, generic names ("the
//   Army", "Popular Front"), the stop list, and a name two organisations of different countries share;
// - hand-kept entries win: their names, abbreviations and keys are not generated again, a block
//   that lists one of their names is theirs, and so is a body whose IGO/NGO code (or its last,
//   naming chunk) a hand-kept entry holds.
const rules = (additions.organisationRules ?? {}) as Json;
const words = (k: string): Set<string> => new Set(((rules[k] as string[] | undefined) ?? []).map((w) => w.toLowerCase()));
const NOUNS = words('nouns');
const GENERIC = words('generic');
const STOP = words('stop');
const OLD = (rules.oldCodes ?? {}) as Record<string, string>;
const HOMES = (rules.homes ?? {}) as Record<string, string>;
const SECTORS = new Set('PPL MAR GOV MIL JUD LEG OPP REB MED BUS CVL IGO NGO ELI COP SPY PTY LAB EDU HLH AGR DEV ENV REL HRI REF UAF CRM MOD RAD INS SEP AMN IRC UNO MNC IMG CHR MUS BUD HIN JEW ITM SHI SUN JAN SFI CTH ORT PRO DRZ ALE ATH KID'.split(' '));
const common = new Set<string>();
for (const f of ['petrarch2/CAMEO.2.0.txt', 'petrarch2/Phoenix.agents.txt', 'petrarch2/Phoenix.discards.txt']) {
  for (const line of read(f).split('\n')) if (!line.startsWith('#')) for (const w of line.replace(/#.*$/, '').match(/[A-Z][A-Z'-]+/g) ?? []) common.add(w.toLowerCase());
}
for (const w of (JSON.parse(readFileSync(resolve('data/nlp/english-function-words.json'), 'utf8')) as { words: string[] }).words) common.add(w);
for (const phrase of Object.keys(roleNouns)) common.add(phrase);
const lower = (s: string): string => s.toLowerCase();
const countryIds = new Map<string, string>(); // "colombia", "japanese" → COL, JPN
for (const [code, c] of Object.entries(countries)) for (const n of [...c.names, ...c.adjectives, ...c.demonyms]) if (!countryIds.has(lower(n))) countryIds.set(lower(n), code); else if (countryIds.get(lower(n)) !== code) countryIds.set(lower(n), '');
const taken = new Set<string>([...countryIds.keys(), ...Object.keys(places).map(lower), ...Object.keys(roleNouns)]);
for (const p of people.values()) for (const n of [p.name, ...p.names]) { taken.add(lower(n)); taken.add(lower(n.split(' ').pop()!)); }
const handKept = Object.entries(orgs).filter(([k]) => k !== '$comment');
const handKeptNames = new Set(handKept.flatMap(([k, o]) => [k, ...((o.names as string[]) ?? []), ...((o.abbreviations as string[]) ?? [])].map(lower)));
for (const n of handKeptNames) taken.add(n);
/** The naming chunk of an IGO/NGO code: "IGOUNOLABILO" → "ILO"; none when the code ends in a sector or region. */
const bodyOf = (code: string): string | undefined => {
  const last = code.length >= 9 ? code.slice(-3) : undefined;
  return last && !SECTORS.has(last) && !countries[last] && !/^(IGO|NGO)$/.test(last) ? code.slice(0, 3) + last : undefined;
};
const heldCodes = new Set(handKept.flatMap(([, o]) => (o.parent ? [] : [String(o.code), bodyOf(String(o.code))].filter((c): c is string => c !== undefined))));
/** The one country a name names ("Japanese Red Army" → JPN), or undefined (none, or two). */
function namedCountry(d: string): string | undefined {
  const ws = d.split(' ');
  const found = new Set<string>();
  for (let i = 0; i < ws.length; i++) for (let j = i + 1; j <= Math.min(ws.length, i + 3); j++) {
    const p = lower(ws.slice(i, j).join(' '));
    const c = countryIds.get(p) || places[ws.slice(i, j).join(' ')];
    if (c) found.add(c);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
interface Block { names: string[]; codes: Role[]; dated: boolean; file: string }
function blocks(text: string, file: string): Block[] {
  const out: Block[] = [];
  let b: Block = { names: [], codes: [], dated: false, file };
  const flush = (): void => { if (b.names.length) out.push(b); b = { names: [], codes: [], dated: false, file }; };
  for (const line of text.split('\n')) {
    const body = line.replace(/#.*$/, '');
    if (!body.trim()) { if (!line.trim() || b.codes.length) flush(); continue; }
    const head = body.replace(/\[[^\]]*\]/g, '').trim();
    if (head && !head.startsWith('+') && b.codes.length) flush();
    if (head) b.names.push(head.replace(/^\+\s*/, '').replace(/\s+/g, '_'));
    for (const [, c] of body.matchAll(/\[([^\]]*)\]/g)) {
      if (/\d/.test(c)) b.dated = true;
      const r = parseCode(c);
      if (r) b.codes.push(r);
    }
  }
  flush();
  return out;
}
interface GenOrg { code: string; name: string; names: string[]; abbreviations: string[]; country?: string; parent?: string; home: string }
const generated = new Map<string, GenOrg>();
const byBody = new Map<string, string>();
const skipped: Record<string, number> = {};
const skip = (why: string): void => void (skipped[why] = (skipped[why] ?? 0) + 1);
for (const b of [...blocks(phoenixIntl, 'International'), ...blocks(read('petrarch2/Phoenix.MilNonState.actors.txt'), 'MilNonState')]) {
  const code0 = b.codes[0]?.code;
  if (!code0) { skip('no code'); continue; }
  if (b.dated) { skip('dated (people)'); continue; }
  if (b.file === 'International' && !/^(IGO|NGO)/.test(code0)) { skip('International, not IGO/NGO'); continue; }
  // names and abbreviations of the block
  const names: string[] = [];
  const abbrs: string[] = [];
  let hint: string | undefined;
  for (const raw0 of b.names) {
    let raw = raw0.replace(/_+$/, '');
    for (const [, inner] of raw.matchAll(/\(([^)]*)\)/g)) {
      const c = countryIds.get(lower(display(inner)));
      if (c) hint = c;
      else if (/^[A-Z]{3,}$/.test(inner)) abbrs.push(inner);
    }
    raw = raw.replace(/_?\([^)]*\)_?/g, '_').replace(/_+$/, '').replace(/^THE_/, '');
    if (!ok(raw) || raw.includes('+')) continue;
    const d = display(raw).replace(/'S\b/g, "'s").replace(/ (In|On|To|At|By|A|An|With|Against|Into|Within)(?= )/g, (m) => m.toLowerCase());
    const ws = d.split(' ');
    if (ws.length === 1) {
      const letters = d.replace(/[^A-Za-z]/g, '').length;
      if (letters >= 3 && letters <= 6 && /^[A-Z][A-Z'.-]*$/.test(raw)) abbrs.push(raw.replace(/\.$/, ''));
      // a one-word variant is a spelling of the root ("Hizballah" of "Hezbollah"), not a leader filed with it ("Nasrallah")
      else if (letters > 6 && (raw0 === b.names[0] || lower(raw).slice(0, 2) === lower(b.names[0]).slice(0, 2))) names.push(d);
    } else if (ws.length <= 10 && ws.some((w) => NOUNS.has(lower(w)))) names.push(d);
  }
  // a block that shares a name with a hand-kept entry is that organisation ("Hezballah", "Party of God" filed with "HEZBOLLAH")
  if ([...names, ...abbrs].some((n) => handKeptNames.has(lower(n)))) { skip('hand-kept name'); continue; }
  const keepName = (n: string): boolean => {
    const l = lower(n);
    const ws = l.split(' ');
    if (taken.has(l) || STOP.has(l) || (ws.length === 1 && common.has(l))) return false;
    if (ws.length === 1 && n.replace(/[^A-Za-z]/g, '').length < 4 && !/^[A-Z]{3,}$/.test(n)) return false;
    // "the Army", "Popular Front", "Turkish Armed Forces": anyone's, or a country's own forces
    const plain = (w: string): boolean => NOUNS.has(w) || SMALL.has(w) || w === 'the' || countryIds.has(w);
    if (ws.every(plain) || (ws.length <= 2 && ws.every((w) => plain(w) || GENERIC.has(w)))) return false;
    return true;
  };
  const keptNames = [...new Set(names)].filter(keepName);
  const keptAbbrs = [...new Set(abbrs)].filter(keepName);
  if (!keptNames.length && !keptAbbrs.length) { skip('no usable name'); continue; }
  const label = keptNames[0] ?? keptAbbrs[0];
  // whose it is
  let code = code0;
  let country: string | undefined;
  let parent: string | undefined;
  if (/^(IGO|NGO)/.test(code)) {
    if (heldCodes.has(code) || heldCodes.has(bodyOf(code) ?? code)) { skip('hand-kept body'); continue; }
    if (code.startsWith('IGOUNO')) parent = 'UN';
    // an NGO of one country ("NGOUSAHRI", the ACLU) is that country's civil society, written
    // as CAMEO writes a domestic group: country first ("USANGOHRI"); international ones keep NGO
    const home = code.startsWith('NGO') ? code.slice(3, 6) : '';
    if (countries[home] && !SECTORS.has(home)) { country = home; code = home + code.slice(0, 3) + code.slice(6); }
  } else if (/^MNC/.test(code)) { skip('company'); continue; }
  else if (code === 'MED') { skip('medium with no country'); continue; }
  else {
    const head = code.slice(0, 3);
    if (countries[head] && head !== 'IMG') country = head;
    else {
      const inCode = head === 'IMG' ? code.slice(3).match(/.../g)?.find((x) => countries[x] && !SECTORS.has(x)) : undefined;
      country = HOMES[label] ?? keptAbbrs.map((a) => HOMES[a]).find(Boolean) ?? inCode ?? OLD[head] ?? hint ?? namedCountry(label);
      if (!country || !countries[country]) { skip(`region code, no country (${head})`); continue; }
      code = country + (head === 'IMG' ? 'REB' : code.slice(3));
    }
  }
  const body = /^(IGO|NGO)/.test(code0) ? bodyOf(code0) : undefined;
  // British and American spellings of one name are one organisation ("Organisation for Economic…")
  const key = (body && byBody.get(body)) ?? slug(label.replace(/isation/g, 'ization').replace(/centre/gi, 'center').replace(/programme/gi, 'program').replace(/defence/gi, 'defense').replace(/labour/gi, 'labor')).toUpperCase();
  if (orgs[key]) { skip('hand-kept key'); continue; }
  const prev = generated.get(key);
  if (prev && (prev.country !== country || prev.code.slice(0, 3) !== code.slice(0, 3))) { skip('same name, another owner'); continue; }
  const o = prev ?? { code, name: label, names: [], abbreviations: [], ...(country ? { country } : {}), ...(parent ? { parent } : {}), home: country ?? key };
  o.names.push(...keptNames);
  o.abbreviations.push(...keptAbbrs);
  generated.set(key, o);
  if (body && !byBody.has(body)) byBody.set(body, key);
}
// a name two organisations of different homes share means neither
const owners = new Map<string, Set<string>>();
for (const o of generated.values()) for (const n of [...o.names, ...o.abbreviations]) (owners.get(lower(n)) ?? owners.set(lower(n), new Set()).get(lower(n))!).add(o.home);
const organisations: Record<string, Json> = Object.fromEntries(handKept);
for (const [key, o] of generated) {
  const own = (n: string): boolean => owners.get(lower(n))!.size === 1;
  const names = [...new Set(o.names)].filter(own).sort();
  const abbreviations = [...new Set(o.abbreviations)].filter(own).sort();
  if (!names.length && !abbreviations.length) { skip('only shared names'); continue; }
  organisations[key] = { code: o.code, name: names.includes(o.name) || abbreviations.includes(o.name) ? o.name : (names[0] ?? abbreviations[0]), names, abbreviations, ...(o.country ? { country: o.country } : {}), ...(o.parent ? { parent: o.parent } : {}) };
}
console.log(`organisations: ${handKept.length} hand-kept, ${Object.keys(organisations).length - handKept.length} from Phoenix; blocks skipped: ${JSON.stringify(skipped)}`);
write('organisations.json', { $comment: `International and national organisations with CAMEO codes, names, abbreviations, descriptions ("the bloc") and metonyms ("Brussels"). Sources: ${PHOENIX}, Phoenix.International.actors.txt (IGO and NGO blocks) and Phoenix.MilNonState.actors.txt (militant groups; region codes resolved to a country or skipped), filtered as the script's step 4b says; hand-kept entries, descriptions and metonyms, and the filter lists ("organisationRules"): ${OURS}, which win over the generated ones. Generated by scripts/build-actors.ts: do not edit by hand.`, organisations });
write('people.json', { $comment: `People with dated roles (CAMEO codes, ISO dates, "to" absent = open). Sources: ${PHOENIX}, office holders in Phoenix.Countries/International.actors.txt (names with titles dropped; six-digit dates read as 19YY above 30); current figures: ${OURS}. Generated by scripts/build-actors.ts: do not edit by hand.`, people: peopleOut });
