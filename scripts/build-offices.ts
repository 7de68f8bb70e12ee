/**
 * Builds `data/actors/offices.json`, the office holders of `../shared/ontology/offices/offices.csv`
 * (Wikidata, CC0, via every-politician-scrapers; CIA World Factbook archive, public domain: see that
 * folder's SOURCES.md) completed by entente's hand-kept `data/actors/office-additions.json`, as
 * people with dated CAMEO roles, merged with the Phoenix people of `data/actors/people.json`
 * (built by scripts/build-actors.ts). The loader lays offices.json over people.json: an entry
 * with the id of a people.json entry replaces it.
 *
 * Choices (also in README, "Design"):
 * - terms that ended before 1990 are left out (the news read here starts then).
 * - executive offices (heads, ministers) → <ISO3>GOV, speakers and legislators → <ISO3>LEG, IGO
 *   heads → the organisation's code; after the last term codes.ts gives ELI. Rows of the "other"
 *   position are left out: the source does not say which office, so neither sector nor rank.
 * - legislators: 132,000 terms of 90,000 people would make the dictionary five times larger (load
 *   time and each ingest worker's memory) and bring in every common full name of every
 *   parliament. Kept: a legislator whose terms run into 2010 or later, in a legislature of an
 *   English-speaking country whose press names members by title ("Sen.", "Rep.", "MP": the G20's
 *   other parliaments cost 6,000 more people, about 5 MB more per ingest worker, for members
 *   English news seldom names by full name),
 *   re-elected at least once (two terms or more: the members the news quotes are long-serving),
 *   with a full name of two words or more that no other person in the dictionary bears. Their
 *   full names only, never a surname alone (that is the mention finder's business).
 * - the same person (one Wikidata QID; a Factbook row with the same name and country; a people.json
 *   entry with the same full name, when only one has it) is one entry with the roles joined; for an
 *   office both give, the CSV's dated terms replace Phoenix's, and office-additions.json and the
 *   hand-kept people of people.json (source "entente") replace both.
 *
 * @example node --import tsx scripts/build-offices.ts   # from the repository root
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatedRole } from '../src/actors/dictionary.js';
import { fold, isoDay, joinTerms, nameVariants, shortNames, officeRole, overlaps, parseOfficesCsv, preferRoles, slug, type OfficeRow } from '../src/actors/offices.js';

const CSV = resolve(process.argv[2] ?? '../shared/ontology/offices/offices.csv');
const OUT = resolve('data/actors');
/** Legislatures kept (see the header): those whose members English-language news names by title ("Sen.", "Rep.", "MP"). */
const LEGISLATURES = new Set('USA GBR CAN AUS IRL NZL'.split(' '));
/** Office terms that ended before the news this reads are left out (the CSV goes back to 1948). */
const OFFICE_SINCE = '1990-01-01';
const LEGISLATOR_SINCE = '2010-01-01';

type Json = Record<string, unknown>;
interface Person { name: string; names: Set<string>; roles: DatedRole[]; gender?: 'male' | 'female'; iso: Set<string>; qid: string; legislatorOnly: boolean; legTerms: number; rowsByIso: Map<string, number> }

const rows = parseOfficesCsv(readFileSync(CSV, 'utf8'), CSV);
const peopleFile = JSON.parse(readFileSync(resolve(OUT, 'people.json'), 'utf8')) as { people: Record<string, Json> };
const additions = JSON.parse(readFileSync(resolve(OUT, 'office-additions.json'), 'utf8')) as { people: Record<string, Json> };
const key = (n: string): string => fold(n).toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

// 1. CSV rows → people, by QID; a Factbook row without one joins the QID person of its name and country
const byQid = new Map<string, Person>();
const byNameIso = new Map<string, Person>();
const byName = new Map<string, Set<Person>>();
function onlyOne(names: string[]): Person | undefined {
  const found = new Set(names.filter((n) => /\s/.test(n)).flatMap((n) => [...(byName.get(key(n)) ?? [])]));
  return found.size === 1 ? [...found][0] : undefined;
}
const rowsSorted = [...rows].sort((a, b) => (a.qid ? 0 : 1) - (b.qid ? 0 : 1));
let skipped = 0;
for (const r of rowsSorted) {
  const role = officeRole(r);
  const from = isoDay(r.start, 'start');
  const to = r.end ? isoDay(r.end, 'end') : undefined;
  if (!role || !r.person || (r.end && !to) || (from && to && from > to) || (to && to < OFFICE_SINCE)) { skipped++; continue; }
  const p = person(r);
  p.rowsByIso.set(r.iso3, (p.rowsByIso.get(r.iso3) ?? 0) + 1);
  p.roles.push({ code: role.code, ...(from ? { from } : {}), ...(to ? { to } : {}), title: role.title });
  if (r.position !== 'legislator') p.legislatorOnly = false;
  else p.legTerms++;
}
function person(r: OfficeRow): Person {
  const nameKeys = [r.person, ...r.aliases].map((n) => `${key(n)}|${r.iso3}`);
  // a row without a QID (the Factbook's) joins the person of its name in its country, else the one person of its name anywhere
  let p = r.qid ? byQid.get(r.qid) : (nameKeys.map((k) => byNameIso.get(k)).find((x) => x) ?? onlyOne([r.person, ...r.aliases]));
  if (!p) {
    p = { name: r.person, names: new Set(), roles: [], iso: new Set(), qid: r.qid, legislatorOnly: true, legTerms: 0, rowsByIso: new Map() };
    if (r.qid) byQid.set(r.qid, p);
  }
  // a one-word name from the sources is a monarch's regnal name or a Factbook fragment ("On", "Jean"): never matched alone
  for (const n of [r.person, ...r.aliases]) if (/\s/.test(n.trim())) p.names.add(n);
  if (!/\s/.test(p.name) && p.names.size > 0) p.name = [...p.names][0];
  for (const k of nameKeys) if (!byNameIso.has(k)) byNameIso.set(k, p);
  for (const n of p.names) byName.set(key(n), new Set([...(byName.get(key(n)) ?? []), p]));
  p.iso.add(r.iso3);
  if (!p.gender && (r.gender === 'male' || r.gender === 'female')) p.gender = r.gender;
  return p;
}
const csvPeople = [...new Set([...byQid.values(), ...byNameIso.values()])].filter((p) => p.names.size > 0);
const rowsOfCountry = new Map<string, number>();
for (const r of rows) rowsOfCountry.set(r.iso3, (rowsOfCountry.get(r.iso3) ?? 0) + 1);
for (const p of csvPeople) p.roles = oneHeadOfState(p);

/**
 * The head of state of several countries at once is coded by one: the Factbook names the US
 * president as American Samoa's chief of state, the British monarch as Canada's, the French
 * president as Andorra's co-prince. Kept: the country the person has most rows in; on a tie the
 * country with most rows in the source (the sovereign's, not a realm's or a territory's).
 */
function oneHeadOfState(p: Person): DatedRole[] {
  const heads = p.roles.filter((r) => r.title === 'head of state');
  if (new Set(heads.map((r) => r.code)).size < 2) return p.roles;
  const home = [...p.rowsByIso].sort((a, b) => b[1] - a[1] || (rowsOfCountry.get(b[0]) ?? 0) - (rowsOfCountry.get(a[0]) ?? 0) || a[0].localeCompare(b[0]))[0][0];
  return p.roles.filter((r) => r.title !== 'head of state' || r.code.startsWith(home) || !heads.some((h) => h.code.startsWith(home) && overlaps(h, r)));
}

// 2. which legislators (see the header)
const fullNameCount = new Map<string, number>();
const countName = (n: string): void => { fullNameCount.set(key(n), (fullNameCount.get(key(n)) ?? 0) + 1); };
for (const p of csvPeople) for (const n of new Set([...p.names].map(key))) countName(n);
for (const e of Object.values(peopleFile.people)) for (const n of new Set([String(e.name), ...((e.names as string[]) ?? [])].map(key))) countName(n);
const kept = csvPeople.filter((p) => {
  if (!p.legislatorOnly) return true;
  if (![...p.iso].some((c) => LEGISLATURES.has(c)) || p.legTerms < 2) return false;
  if (!p.roles.some((r) => (r.to ?? '9999') >= LEGISLATOR_SINCE)) return false;
  return p.name.split(' ').length > 1 && [...p.names].every((n) => (fullNameCount.get(key(n)) ?? 0) <= 1);
});

// 3. join with people.json and office-additions.json
const existingByName = new Map<string, string[]>();
for (const [id, e] of Object.entries(peopleFile.people)) {
  for (const n of new Set([String(e.name), ...((e.names as string[]) ?? [])])) {
    if (!/\s/.test(n)) continue; // surnames join nobody
    const k = key(n);
    existingByName.set(k, [...new Set([...(existingByName.get(k) ?? []), id])]);
  }
}
const out = new Map<string, Json>();
const taken = new Set(Object.keys(peopleFile.people));
const matchExisting = (names: Iterable<string>): string | undefined => {
  const ids = new Set<string>();
  for (const n of names) for (const id of existingByName.get(key(n)) ?? []) ids.add(id);
  return ids.size === 1 ? [...ids][0] : undefined;
};
const addedIds = new Map<string, Json>(Object.entries(additions.people));
const additionByName = new Map<string, string>();
for (const [id, a] of addedIds) for (const n of [String(a.name), ...((a.names as string[]) ?? [])]) if (/\s/.test(n)) additionByName.set(key(n), id);

let joined = 0;
const usedAdditions = new Set<string>();
for (const p of kept) {
  const variants = new Set([...p.names].flatMap(nameVariants));
  // heads and ministers are also written short ("Bola Tinubu"): a short form nobody else has
  if (!p.legislatorOnly) for (const n of [...variants]) for (const v of shortNames(n)) if (!fullNameCount.has(key(v))) variants.add(v);
  const addId = [...variants].map((n) => additionByName.get(key(n))).find((x) => x);
  const existingId = matchExisting(variants) ?? (addId && peopleFile.people[addId] ? addId : undefined);
  let roles = joinTerms(p.roles);
  let names = [...variants];
  let gender = p.gender;
  let name = p.name;
  let source = 'offices.csv';
  let id = existingId ?? addId ?? uniqueId(p);
  if (existingId) {
    const e = peopleFile.people[existingId];
    const theirs = e.roles as DatedRole[];
    // hand-kept people (source "entente") beat the CSV; the CSV beats Phoenix
    roles = e.source === 'entente' ? preferRoles(roles, theirs) : preferRoles(theirs, roles);
    names = [...new Set([...((e.names as string[]) ?? []), ...names])];
    name = String(e.name);
    gender ??= e.gender as Person['gender'];
    source = `${String(e.source)}+offices.csv`;
    joined++;
  }
  if (addId) {
    const a = addedIds.get(addId)!;
    roles = preferRoles(roles, a.roles as DatedRole[]);
    names = [...new Set([...names, ...nameList(a)])];
    gender ??= a.gender as Person['gender'];
    source += '+office-additions';
    usedAdditions.add(addId);
  }
  if (out.has(id)) id = uniqueId(p); // two CSV people with one existing name: the second gets its own id
  taken.add(id);
  out.set(id, entry(name, names, roles, gender, source));
}
// office-additions people the CSV lacks
for (const [addId, a] of addedIds) {
  if (usedAdditions.has(addId)) continue;
  const names = nameList(a);
  const existingId = out.has(addId) || peopleFile.people[addId] ? addId : matchExisting(names.filter((n) => /\s/.test(n)));
  const e = existingId ? (out.get(existingId) ?? peopleFile.people[existingId]) : undefined;
  const roles = preferRoles((e?.roles as DatedRole[]) ?? [], a.roles as DatedRole[]);
  const allNames = [...new Set([...((e?.names as string[]) ?? []), ...names])];
  const id = existingId ?? addId;
  out.set(id, entry(String(e?.name ?? a.name), allNames, roles, (e?.gender ?? a.gender) as Person['gender'], e ? `${String(e.source).replace(/\+office-additions$/, '')}+office-additions` : 'office-additions'));
}

function nameList(a: Json): string[] {
  return [...new Set([String(a.name), ...((a.names as string[]) ?? [])].flatMap((n) => (/\s/.test(n) ? nameVariants(n) : [n])))];
}
function uniqueId(p: Person): string {
  const base = `person/${slug(p.name)}`;
  return taken.has(base) || out.has(base) ? `${base}-${(p.qid || [...p.iso][0]).toLowerCase()}` : base;
}
function entry(name: string, names: string[], roles: DatedRole[], gender: string | undefined, source: string): Json {
  return { name, names: [...new Set([name, ...names])], roles: roles.map(({ code, from, to, title }) => ({ code, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(title ? { title } : {}) })), ...(gender ? { gender } : {}), source };
}

// 4. write: sorted, one entry a line
const ids = [...out.keys()].sort();
const comment = 'Office holders with dated roles (CAMEO codes, ISO dates, "to" absent = in office when the source was last updated), laid over people.json by the loader (same id = this entry wins). Sources: ../shared/ontology/offices/offices.csv (Wikidata office terms via every-politician-scrapers, CC0; CIA World Factbook archive 1990–2025, public domain; see its SOURCES.md), entente\'s hand-kept data/actors/office-additions.json (facts from public references named per entry), Phoenix people of people.json (MIT) where the same person. Legislators: USA, GBR, CAN, AUS, IRL and NZL legislatures, terms into 2010 or later, re-elected at least once, unique full names only (see scripts/build-offices.ts). Generated by scripts/build-offices.ts: do not edit by hand.';
const text = `{\n "$comment": ${JSON.stringify(comment)},\n "offices": {\n${ids.map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(out.get(id))}`).join(',\n')}\n }\n}\n`;
writeFileSync(resolve(OUT, 'offices.json.tmp'), text);
renameSync(resolve(OUT, 'offices.json.tmp'), resolve(OUT, 'offices.json'));
const legislators = kept.filter((p) => p.legislatorOnly).length;
console.log(`offices.json: ${ids.length} people (${kept.length - legislators} office holders and ${legislators} legislators of ${csvPeople.length} CSV people; ${joined} joined with people.json; ${addedIds.size} additions), ${skipped} rows skipped (other/uncoded/bad dates)`);
await import('./compile-actors.js');
