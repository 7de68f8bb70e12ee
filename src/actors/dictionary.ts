/**
 * The actor dictionaries (`data/actors/{countries,organisations,roles,people}.json`, built by
 * `scripts/build-actors.ts`): loaded once, validated, frozen, and compiled into a token trie.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataFileError } from '../model/errors.js';
import { dataPath } from '../data/read.js';
import { expectObject } from '../data/validate.js';
import { Trie, type Hit } from './_trie.js';
import { fingerprint, loadCompiled } from './compiled.js';

type Compiled = { trie: Trie; people: ReadonlyMap<string, PersonEntry> };

/** A dated role: a CAMEO code held from `from` to `to` (ISO dates; absent = open). @example { code: 'RUSGOV', from: '2004-03-09', title: 'foreign minister' } */
export interface DatedRole { code: string; from?: string; to?: string; title?: string }
/** A person with dated roles. @example dict.people.get('person/wang-yi')?.gender // 'male' */
export interface PersonEntry { id: string; name: string; names: readonly string[]; roles: readonly DatedRole[]; gender?: 'male' | 'female' }
/** @example dict.countries.get('HUN') // { code: 'HUN', name: 'Hungary' } */
export interface CountryEntry { code: string; name: string }
/** An organisation; `country` is its own key for IGOs, the home country for national ones. @example dict.organisations.get('TASS')?.code // 'RUSMED' */
export interface OrgEntry { key: string; code: string; country: string; name: string; parent?: string; /** dated codes that replace `code` while they run (the Taliban: AFGGOV from 2021-08-15) */ roles?: readonly DatedRole[] }
/** A role noun; `person` when it names one person (a title). @example dict.roles.get('forces')?.roles // ['MIL'] */
export interface RoleEntry { phrase: string; roles: readonly string[]; person: boolean; gender?: 'male' | 'female'; /** a title that names its country ("Rep.", "White House press secretary") */ country?: string }

/** Everything the actor stage needs, read-only. @example loadActorDictionary().trie.size // ≈ 31,000 phrases */
export interface ActorDictionary {
  readonly countries: ReadonlyMap<string, CountryEntry>;
  readonly organisations: ReadonlyMap<string, OrgEntry>;
  readonly people: ReadonlyMap<string, PersonEntry>;
  readonly roles: ReadonlyMap<string, RoleEntry>;
  /** organisation key by CAMEO code, for coding people who work for one ("IGOEUREEC" → "EU") */
  readonly orgByCode: ReadonlyMap<string, string>;
  readonly trie: Trie;
}

/** Sector codes a role may use (CAMEO actor role and secondary codes). */
const ROLE_CODES = new Set('PPL MAR GOV MIL JUD LEG OPP REB MED BUS CVL IGO NGO ELI COP SPY PTY LAB EDU HLH AGR DEV ENV REL HRI REF UAF CRM MOD RAD INS SEP AMN IRC UNO MNC IMG CHR MUS BUD HIN JEW ITM SHI SUN JAN SFI CTH ORT PRO DRZ ALE ATH'.split(' '));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// offices.json (scripts/build-offices.ts) is laid over people.json: an entry with a people.json id replaces it
const FILES = ['countries', 'organisations', 'roles', 'people', 'offices'] as const;
let cached: ActorDictionary | undefined;

/**
 * Loads and validates the actor dictionaries once (later calls return the same frozen object).
 * `dir` reads another folder instead (tests of bad data), uncached.
 *
 * @example const dict = loadActorDictionary(); dict.countries.get('RUS')?.name // 'Russia'
 */
export function loadActorDictionary(dir?: string, options: { compiled?: boolean } = {}): ActorDictionary {
  if (dir === undefined && cached && options.compiled !== false) return cached;
  const path = (name: string): { file: string; at: string } => {
    const file = dir === undefined ? `data/actors/${name}` : join(dir, name);
    return { file, at: dir === undefined ? dataPath(file) : file };
  };
  const raw = (name: string): { file: string; bytes: Buffer } => {
    const { file, at } = path(`${name}.json`);
    try {
      return { file, bytes: readFileSync(at) };
    } catch (err) {
      throw new DataFileError(file, `cannot read: ${(err as Error).message}`, { cause: err });
    }
  };
  // a folder of test data may leave the office holders out
  const files = FILES.map((name) => (name === 'offices' && dir !== undefined && !existsSync(join(dir, 'offices.json')) ? { file: join(dir, 'offices.json'), bytes: Buffer.alloc(0) } : raw(name)));
  const pre = options.compiled === false ? undefined : compiledFor(path, files);
  const parsed = FILES.map((name, i) => {
    const { file, bytes } = files[i];
    // the compiled form holds the people: their 10 MB are neither decoded, checked nor parsed again
    if (bytes.length === 0 || (pre && (name === 'people' || name === 'offices'))) return { file, text: '', obj: {} };
    const text = bytes.toString('utf8');
    checkDuplicateIds(file, text);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new DataFileError(file, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
    }
    return { file, text, obj: expectObject(file, value, ['$comment', name]) [name] as Record<string, Record<string, unknown>> };
  });
  let dict: ActorDictionary;
  try {
    dict = build(parsed[0], parsed[1], parsed[2], parsed[3], parsed[4], pre);
  } catch (err) {
    throw withLine(err, parsed);
  }
  if (dir === undefined && options.compiled !== false) cached = dict;
  return dict;
}

/** The compiled trie and people (compiled.ts) when compiled.json is there and was made from these very sources. */
function compiledFor(path: (name: string) => { file: string; at: string }, files: readonly { file: string; bytes: Buffer }[]): Compiled | undefined {
  const head = path('compiled.json');
  const bin = path('compiled.bin');
  if (!existsSync(head.at)) return undefined;
  const sums = Object.fromEntries(files.filter((f) => f.bytes.length > 0).map((f) => [basename(f.file), fingerprint(f.bytes)]));
  let binGz: Buffer;
  try {
    binGz = readFileSync(bin.at);
  } catch (err) {
    throw new DataFileError(bin.file, `cannot read: ${(err as Error).message}`, { cause: err });
  }
  return loadCompiled(head.file, readFileSync(head.at, 'utf8'), bin.file, binGz, sums);
}

/** The source files' fingerprints by name, as compiled.json records them. @example sourceSums() // { 'countries.json': '57657:…', … } */
export function sourceSums(dir?: string): Record<string, string> {
  return Object.fromEntries(FILES.map((name) => {
    const file = dir === undefined ? dataPath(`data/actors/${name}.json`) : join(dir, `${name}.json`);
    return [`${name}.json`, fingerprint(readFileSync(file))];
  }));
}

/** JSON.parse keeps the last of two equal keys silently: find entry ids (object-valued keys) twice. */
function checkDuplicateIds(file: string, text: string): void {
  const seen = new Set<string>();
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)+)"\s*:\s*\{/g)) {
    if (seen.has(m[1])) throw new DataFileError(file, `duplicate id "${m[1]}" (line ${lineAt(text, m.index)})`);
    seen.add(m[1]);
  }
}

function lineAt(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A bad entry's error with the line the entry starts on (the files hold one entry per line). */
function withLine(err: unknown, srcs: readonly (Src & { text: string })[]): unknown {
  if (!(err instanceof DataFileError)) return err;
  const src = srcs.find((x) => err.message.includes(`[${x.file}] `));
  const id = /entry "((?:[^"\\]|\\.)+)"/.exec(err.message)?.[1];
  const at = src && id !== undefined ? src.text.indexOf(`${JSON.stringify(id)}:`) : -1;
  if (!src || at < 0) return err;
  const detail = err.message.slice(err.message.indexOf(`[${src.file}] `) + src.file.length + 3);
  return new DataFileError(src.file, `${detail} (line ${lineAt(src.text, at)})`, { cause: err });
}

type Src = { file: string; obj: Record<string, Record<string, unknown>> };

function strings(file: string, id: string, v: unknown, key: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) throw new DataFileError(file, `entry "${id}": "${key}" must be a list of non-empty strings`);
  return v as string[];
}

function build(c: Src, o: Src, r: Src, p: Src, off: Src, pre?: Compiled): ActorDictionary {
  // with the compiled form, the trie is there already: the entries are still checked, their phrases not added again
  const trie = pre ? { add: (_phrase: string, _hit: Hit): void => undefined } : new Trie();
  const countries = new Map<string, CountryEntry>();
  const organisations = new Map<string, OrgEntry>();
  const people = new Map<string, PersonEntry>();
  const roles = new Map<string, RoleEntry>();
  const orgByCode = new Map<string, string>();
  // 1. countries: names, adjectives, demonyms, metonyms
  for (const [code, e] of Object.entries(c.obj)) {
    if (!/^[A-Z]{3}$/.test(code)) throw new DataFileError(c.file, `entry "${code}": a country code is three capital letters`);
    if (typeof e.name !== 'string') throw new DataFileError(c.file, `entry "${code}": "name" must be a string`);
    countries.set(code, { code, name: e.name });
    for (const n of strings(c.file, code, e.names, 'names')) trie.add(n, { type: 'country', id: code, rule: `countries/${code}/name` });
    for (const n of strings(c.file, code, e.adjectives, 'adjectives')) trie.add(n, { type: 'adjective', id: code, rule: `countries/${code}/adjective` });
    for (const n of strings(c.file, code, e.demonyms, 'demonyms')) trie.add(n, { type: 'demonym', id: code, rule: `countries/${code}/demonym` });
    for (const m of (e.metonyms ?? []) as { text: string; roles?: string[] }[]) {
      const rs = checkRoles(c.file, code, m.roles ?? []);
      trie.add(m.text, { type: 'metonym', id: code, roles: rs, rule: `countries/${code}/metonym` });
    }
    // "South China Sea", "Times of India": matched so that the country inside them is not read
    for (const n of strings(c.file, code, e.notActors, 'notActors')) trie.add(n, { type: 'place', id: code, rule: `countries/${code}/not-actor` });
  }
  // 2. roles (role nouns and person titles)
  for (const [phrase, e] of Object.entries(r.obj)) {
    const rs = checkRoles(r.file, phrase, strings(r.file, phrase, e.roles, 'roles'));
    if (rs.length === 0) throw new DataFileError(r.file, `entry "${phrase}": "roles" is empty`);
    if (e.country !== undefined && !countries.has(String(e.country))) throw new DataFileError(r.file, `entry "${phrase}": unknown country code "${String(e.country)}"`);
    const entry: RoleEntry = Object.freeze({ phrase, roles: Object.freeze(rs), person: e.person === true, ...(e.gender ? { gender: e.gender as 'male' | 'female' } : {}), ...(e.country ? { country: String(e.country) } : {}) });
    roles.set(phrase, entry);
    trie.add(phrase, { type: 'role', id: phrase, rule: `roles/${phrase.replace(/\s+/g, '-')}` });
    // regular plurals are implied, as in Phoenix.agents ("minister" → "ministers")
    const plural = phrase.replace(/(?:([^aeiou])y|(s|x|ch|sh))$|$/, (_m, y?: string, s?: string) => (y ? `${y}ies` : s ? `${s}es` : 's'));
    if (!r.obj[plural]) trie.add(plural, { type: 'role', id: phrase, plural: true, rule: `roles/${phrase.replace(/\s+/g, '-')}` });
  }
  // 3. organisations
  for (const [key, e] of Object.entries(o.obj)) {
    const code = String(e.code ?? '');
    const country = typeof e.country === 'string' ? e.country : key;
    if (!/^([A-Z]{3})+$/.test(code)) throw new DataFileError(o.file, `entry "${key}": bad code "${code}"`);
    if (typeof e.country === 'string' && !countries.has(e.country)) throw new DataFileError(o.file, `entry "${key}": unknown country code "${e.country}"`);
    if (e.parent !== undefined && !o.obj[String(e.parent)]) throw new DataFileError(o.file, `entry "${key}": unknown parent "${String(e.parent)}"`);
    organisations.set(key, Object.freeze({ key, code, country, name: String(e.name ?? key), ...(e.parent ? { parent: String(e.parent) } : {}), ...(Array.isArray(e.roles) ? { roles: Object.freeze((e.roles as DatedRole[]).map((d) => Object.freeze(d))) } : {}) }));
    if (!e.parent && !orgByCode.has(code)) orgByCode.set(code, key);
    for (const n of [...strings(o.file, key, e.names, 'names'), ...strings(o.file, key, e.abbreviations, 'abbreviations')]) trie.add(n, { type: 'org', id: key, rule: `organisations/${key}/name` });
    for (const n of strings(o.file, key, e.descriptions, 'descriptions')) trie.add(n, { type: 'description', id: key, rule: `organisations/${key}/description` });
    for (const n of strings(o.file, key, e.metonyms, 'metonyms')) trie.add(n, { type: 'org-metonym', id: key, rule: `organisations/${key}/metonym` });
  }
  // 4. people, with dated roles checked; the office holders' entry wins over people.json's of the same id
  for (const [src, id, e, shadowed] of peopleEntries(p, off)) {
    if (typeof e.name !== 'string') throw new DataFileError(src, `entry "${id}": "name" must be a string`);
    const dated = (e.roles ?? []) as DatedRole[];
    if (!Array.isArray(dated) || dated.length === 0) throw new DataFileError(src, `entry "${id}": "roles" must be a non-empty list`);
    for (const d of dated) {
      if (!checkCode(d.code, countries, orgByCode)) throw new DataFileError(src, `entry "${id}": unknown country or role code "${d.code}"`);
      for (const k of ['from', 'to'] as const) if (d[k] !== undefined && !ISO_DATE.test(d[k]!)) throw new DataFileError(src, `entry "${id}": "${k}" must be an ISO date, got "${d[k]}"`);
      if (d.from && d.to && d.from > d.to) throw new DataFileError(src, `entry "${id}": role ${d.code} runs backwards (${d.from} > ${d.to})`);
    }
    if (shadowed) continue; // checked all the same: a bad entry is an error wherever it is
    const gender = e.gender === 'male' || e.gender === 'female' ? e.gender : undefined;
    // a variant equal to the name shares its string (most people list just their name): 17,000 fewer strings held
    const names = strings(src, id, e.names, 'names').map((n) => (n === e.name ? e.name : n));
    people.set(id, Object.freeze({ id, name: e.name, names: Object.freeze(names), roles: Object.freeze(dated.map((d) => Object.freeze(d))), ...(gender ? { gender } : {}) }));
    const full = e.name.split(' ').length;
    for (const n of new Set([e.name, ...names])) {
      // a one-word variant of a longer name ("Lavrov") is a surname mention
      const surname = full > 1 && !/\s/.test(n);
      trie.add(n, { type: 'person', id, surname, rule: `people/${id.slice(7)}/${surname ? 'surname' : 'name'}` });
    }
  }
  return Object.freeze({ countries, organisations, people: pre?.people ?? people, roles, orgByCode, trie: pre?.trie ?? (trie as Trie).freeze() });
}

/** [file, id, entry, shadowed] of every person: people.json's (shadowed when offices.json replaces it), then offices.json's. */
function* peopleEntries(p: Src, off: Src): Generator<[string, string, Record<string, unknown>, boolean]> {
  for (const [id, e] of Object.entries(p.obj)) yield [p.file, id, e, Object.hasOwn(off.obj, id)];
  for (const [id, e] of Object.entries(off.obj)) yield [off.file, id, e, false];
}

function checkRoles(file: string, id: string, rs: string[]): string[] {
  for (const x of rs) if (!ROLE_CODES.has(x)) throw new DataFileError(file, `entry "${id}": unknown role code "${x}"`);
  return rs;
}

function checkCode(code: string, countries: ReadonlyMap<string, CountryEntry>, orgs: ReadonlyMap<string, string>): boolean {
  if (!/^([A-Z]{3})+$/.test(code)) return false;
  if (/^(IGO|NGO)/.test(code)) return true; // IGO codes name regions and bodies freely ("IGOUNOKID")
  if (orgs.has(code)) return true;
  const head = code.slice(0, 3);
  // Phoenix codes a few regions and old states ("AFR", "SUN", "MEA"): accept them when the rest are roles
  return (countries.has(head) || /^[A-Z]{3}$/.test(head)) && (code.length === 3 || code.slice(3).match(/.../g)!.every((x) => ROLE_CODES.has(x) || x === head));
}

/** Token keys as the matcher sees them. @example phraseKeys('the U.S.') // ['the', 'u.s'] */
export { phraseKeys, tokenKey, type Hit } from './_trie.js';
