/**
 * The actor dictionary compiled at build time (`data/actors/compiled.json` + `compiled.bin`, written
 * by `scripts/compile-actors.ts`), so that a process (and each ingest worker) loads it in a few tens
 * of milliseconds instead of re-tokenising 60,000 phrases and building 40,000 frozen person records:
 * the frozen trie's tables as they are in memory, and the people as one text of JSON lines parsed
 * one person at a time when first asked for (most articles name a handful).
 *
 * Validated at start-up: the header names the length and CRC-32 of every source file; a source changed since
 * (another part rebuilt people.json) or a trie of another layout makes the loader build from the
 * sources instead, as before. A damaged compiled file is an error naming the file and the problem.
 */
import { crc32, gunzipSync, gzipSync } from 'node:zlib';
import { DataFileError } from '../model/errors.js';
import { Trie, type Hit, type HitType, type PhraseHit } from './_trie.js';
import type { DatedRole, PersonEntry } from './dictionary.js';

/** Bump when the format below changes. */
export const COMPILED_VERSION = 1;

type Typed = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;
const TYPED: Record<string, new (b: ArrayBuffer, o: number, n: number) => Typed> = { Int32Array, Uint32Array, Uint8Array, Uint16Array, Float64Array };

/** The JSON half; `bin` is the gzipped binary half's layout. */
export interface CompiledHeader {
  $comment: string;
  version: number;
  /** fingerprint of each source file, by file name */
  sources: Record<string, string>;
  /** the trie's own fields, in order: typed arrays point into the binary half, the rest is JSON */
  trie: [string, unknown][];
  /** hit table: per hit, its JSON; per node with hits, [node, hit index, caps, …] */
  hits: { table: unknown[]; at: number[] };
  people: { ids: string[]; text: [number, number] };
  bin: { bytes: number };
}

/**
 * A source file's fingerprint: its length and CRC-32, enough to tell a rebuilt file (this is no
 * defence against forgery, which a data folder does not need) at a fraction of a cryptographic hash's cost.
 * @example fingerprint(Buffer.from('{}')) // '2:…'
 */
export function fingerprint(bytes: Uint8Array): string {
  return `${bytes.length}:${crc32(bytes).toString(16)}`;
}

const HIT_TYPES: readonly HitType[] = ['country', 'adjective', 'demonym', 'metonym', 'org', 'description', 'org-metonym', 'person', 'role', 'place'];
/** The rule a hit has unless it says otherwise, as dictionary.ts names them. */
function defaultRule(type: HitType, id: string, surname: boolean): string {
  switch (type) {
    case 'country': return `countries/${id}/name`;
    case 'adjective': case 'demonym': case 'metonym': return `countries/${id}/${type}`;
    case 'org': return `organisations/${id}/name`;
    case 'description': return `organisations/${id}/description`;
    case 'org-metonym': return `organisations/${id}/metonym`;
    case 'role': return `roles/${id.replace(/\s+/g, '-')}`;
    case 'person': return `people/${id.slice(7)}/${surname ? 'surname' : 'name'}`;
    case 'place': return `countries/${id}/not-actor`;
  }
}
/** A hit as [type, id, flags (1 surname, 2 plural), roles or 0, rule or 0 when the default]. */
type PackedHit = [number, string, number, readonly string[] | 0, string | 0];
function packHit(h: Hit): PackedHit {
  const rule = h.rule === defaultRule(h.type, h.id, h.surname === true) ? 0 : h.rule;
  return [HIT_TYPES.indexOf(h.type), h.id, (h.surname ? 1 : 0) | (h.plural ? 2 : 0), h.roles ?? 0, rule];
}
function unpackHit(x: PackedHit, file: string): Hit {
  const type = HIT_TYPES[x[0]];
  if (!Array.isArray(x) || type === undefined || typeof x[1] !== 'string') throw new DataFileError(file, `hits: bad entry ${JSON.stringify(x).slice(0, 80)}`);
  const surname = (x[2] & 1) !== 0;
  // the keys in the order the dictionary makes them (same shapes: same hidden classes as built hits)
  return Object.freeze({ type, id: x[1], rule: x[4] === 0 ? defaultRule(type, x[1], surname) : x[4], ...(x[3] !== 0 ? { roles: x[3] } : {}), ...(x[2] & 1 ? { surname } : type === 'person' ? { surname } : {}), ...(x[2] & 2 ? { plural: true } : {}) });
}

/** The trie's field names, for telling a snapshot of another layout. */
function layout(t: Trie): string {
  return Object.keys(t).join(',');
}

/**
 * Compiles a frozen trie and the people into the two halves.
 * @example const { header, bin } = compileActors(dict.trie, dict.people, sourceSums(), 'Sources: …')
 */
export function compileActors(trie: Trie, people: ReadonlyMap<string, PersonEntry>, sources: Record<string, string>, comment: string): { header: CompiledHeader; bin: Buffer } {
  const parts: Buffer[] = [];
  let at = 0;
  const put = (b: Buffer): [number, number] => {
    const pad = (8 - (at % 8)) % 8; // typed arrays need aligned offsets
    if (pad) { parts.push(Buffer.alloc(pad)); at += pad; }
    parts.push(b);
    at += b.length;
    return [at - b.length, b.length];
  };
  const fields: [string, unknown][] = [];
  const table: unknown[] = [];
  const hitIndex = new Map<object, number>();
  const hitAt: number[] = [];
  for (const [k, v] of Object.entries(trie)) {
    if (k === 'hits') {
      (v as (PhraseHit[] | undefined)[]).forEach((hs, node) => {
        for (const h of hs ?? []) {
          let i = hitIndex.get(h.hit);
          if (i === undefined) { i = table.length; table.push(packHit(h.hit)); hitIndex.set(h.hit, i); }
          hitAt.push(node, i, h.caps);
        }
      });
      fields.push([k, { hits: (v as unknown[]).length }]);
    } else if (ArrayBuffer.isView(v)) {
      const ta = v as Typed;
      const [off] = put(Buffer.from(ta.buffer, ta.byteOffset, ta.byteLength));
      fields.push([k, { typed: ta.constructor.name, off, length: ta.length }]);
    } else if (v instanceof Set) fields.push([k, { set: [...v] }]);
    else if (v instanceof Map) fields.push([k, { map: [...v] }]);
    else if (v === undefined) fields.push([k, { undef: true }]);
    else fields.push([k, { json: v }]);
  }
  const ids = [...people.keys()];
  const lines = ids.map((id) => { const p = people.get(id)!; return JSON.stringify([p.name, p.names.length === 1 && p.names[0] === p.name ? 0 : p.names, p.roles, p.gender ?? 0]); });
  const text = put(Buffer.from(lines.join('\n'), 'utf8'));
  const raw = Buffer.concat(parts);
  const header: CompiledHeader = { $comment: comment, version: COMPILED_VERSION, sources, trie: [['$layout', layout(trie)], ...fields], hits: { table, at: hitAt }, people: { ids, text }, bin: { bytes: raw.length } };
  return { header, bin: gzipSync(raw, { level: 9 }) };
}

/**
 * The trie and people of a compiled dictionary, or undefined when it is stale (a source's fingerprint
 * differs, or the trie's layout changed): the caller then builds from the sources.
 */
export function loadCompiled(headerFile: string, headerText: string, binFile: string, binGz: Buffer, sources: Record<string, string>): { trie: Trie; people: ReadonlyMap<string, PersonEntry> } | undefined {
  let h: CompiledHeader;
  try {
    h = JSON.parse(headerText) as CompiledHeader;
  } catch (err) {
    throw new DataFileError(headerFile, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  if (h === null || typeof h !== 'object' || h.version !== COMPILED_VERSION || !h.sources || !Array.isArray(h.trie) || !h.people || !h.bin || !h.hits) throw new DataFileError(headerFile, `not a compiled actor dictionary of version ${COMPILED_VERSION} (rebuild: node --import tsx scripts/compile-actors.ts)`);
  for (const [file, sum] of Object.entries(sources)) if (h.sources[file] !== sum) return undefined;
  if (Object.keys(h.sources).length !== Object.keys(sources).length) return undefined;
  const trie = Object.create(Trie.prototype) as Trie;
  if (h.trie[0]?.[1] !== layout(new Trie())) return undefined;
  let raw: Buffer;
  try {
    raw = gunzipSync(binGz);
  } catch (err) {
    throw new DataFileError(binFile, `cannot unpack: ${(err as Error).message}`, { cause: err });
  }
  // gzip checks its own CRC-32: a length that differs is a binary half from another compile
  if (raw.length !== h.bin.bytes) throw new DataFileError(binFile, `damaged or from another compile: ${raw.length} bytes unpacked, ${headerFile} expects ${h.bin.bytes}`);
  // the typed arrays view the unpacked bytes where they are (no copy) when aligned, as a fresh gunzip result is
  const buf = (raw.byteOffset % 8 === 0 && raw.buffer.byteLength === raw.length ? raw.buffer : new Uint8Array(raw).buffer) as ArrayBuffer;
  const t = trie as unknown as Record<string, unknown>;
  for (const [k, v] of h.trie.slice(1) as [string, Record<string, unknown>][]) {
    if (v.typed !== undefined) {
      const C = TYPED[String(v.typed)];
      const off = Number(v.off);
      const n = Number(v.length);
      const size = (C as unknown as { BYTES_PER_ELEMENT: number } | undefined)?.BYTES_PER_ELEMENT ?? 0;
      if (!C || !(n >= 0) || off % size !== 0 || off + n * size > raw.length) throw new DataFileError(headerFile, `trie field "${k}": bad typed array ${JSON.stringify(v)}`);
      t[k] = new C(buf, off, n);
    } else if (v.set !== undefined) t[k] = new Set(v.set as unknown[]);
    else if (v.map !== undefined) t[k] = new Map(v.map as [unknown, unknown][]);
    else if (v.undef) t[k] = undefined;
    else if (v.hits !== undefined) t[k] = new Array<PhraseHit[] | undefined>(Number(v.hits));
    else if ('json' in v) t[k] = v.json;
    else throw new DataFileError(headerFile, `trie field "${k}": unknown kind ${JSON.stringify(v).slice(0, 80)}`);
  }
  const hits = t.hits as (PhraseHit[] | undefined)[];
  const table = h.hits.table.map((x) => unpackHit(x as PackedHit, headerFile));
  const at = h.hits.at;
  if (at.length % 3 !== 0) throw new DataFileError(headerFile, 'hits: a list of (node, hit, caps) triples expected');
  for (let i = 0; i < at.length; i += 3) {
    const hit = table[at[i + 1]];
    if (hit === undefined || !(at[i] < hits.length)) throw new DataFileError(headerFile, `hits: entry ${i / 3} points outside the tables`);
    (hits[at[i]] ??= []).push({ hit, caps: at[i + 2] });
  }
  const [start, len] = h.people.text;
  if (start + len > raw.length) throw new DataFileError(headerFile, 'people: text outside the binary half');
  // the people stay UTF-8 bytes (a decoded string with one accent would be UTF-16: twice the memory per worker)
  const text = Buffer.from(buf, start, len);
  return { trie, people: new LazyPeople(h.people.ids, text, headerFile) };
}

/**
 * A read-only map of people whose records are parsed from their JSON line (UTF-8) when first asked for.
 * @example new LazyPeople(['person/x'], Buffer.from('["X",0,[{"code":"USAGOV"}],0]'), 'f').get('person/x')?.name // 'X'
 */
export class LazyPeople implements ReadonlyMap<string, PersonEntry> {
  private readonly index = new Map<string, number>();
  private readonly starts: Uint32Array;
  private readonly made: (PersonEntry | undefined)[];
  constructor(private readonly ids: readonly string[], private readonly text: Buffer, private readonly file: string) {
    this.starts = new Uint32Array(ids.length + 1);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      this.index.set(ids[i], i);
      this.starts[i] = at;
      const nl = text.indexOf(10, at);
      at = nl < 0 ? text.length + 1 : nl + 1;
    }
    this.starts[ids.length] = at;
    if (at !== text.length + 1) throw new DataFileError(file, `people: ${ids.length} ids but the text holds another number of lines`);
    this.made = new Array<PersonEntry | undefined>(ids.length);
  }
  get size(): number { return this.ids.length; }
  has(id: string): boolean { return this.index.has(id); }
  get(id: string): PersonEntry | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : (this.made[i] ??= this.make(i));
  }
  private make(i: number): PersonEntry {
    const id = this.ids[i];
    let rec: [string, 0 | string[], DatedRole[], 0 | 'male' | 'female'];
    try {
      rec = JSON.parse(this.text.toString('utf8', this.starts[i], this.starts[i + 1] - 1));
    } catch (err) {
      throw new DataFileError(this.file, `person "${id}": cannot read: ${(err as Error).message}`, { cause: err });
    }
    const [name, names, roles, gender] = rec;
    return Object.freeze({ id, name, names: Object.freeze(names === 0 ? [name] : names), roles: Object.freeze(roles.map((r) => Object.freeze(r))), ...(gender ? { gender } : {}) });
  }
  *entries(): MapIterator<[string, PersonEntry]> { for (const id of this.ids) yield [id, this.get(id)!]; }
  *keys(): MapIterator<string> { yield* this.ids; }
  *values(): MapIterator<PersonEntry> { for (const id of this.ids) yield this.get(id)!; }
  [Symbol.iterator](): MapIterator<[string, PersonEntry]> { return this.entries(); }
  forEach(f: (v: PersonEntry, k: string, m: ReadonlyMap<string, PersonEntry>) => void): void { for (const [k, v] of this.entries()) f(v, k, this); }
}
