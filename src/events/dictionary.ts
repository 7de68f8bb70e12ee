/**
 * The event dictionaries under `data/events/` (built by `scripts/build-events.ts`): CAMEO codes
 * with Goldstein scores, PLOVER types, the CAMEO→PLOVER table and the verb patterns (PETRARCH-2's,
 * converted, plus entente's own). Loaded once, validated, frozen.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFileError } from '../model/errors.js';
import type { CodedEvent } from '../model/event.js';
import { expectNumber, expectObject, freezeMap } from '../data/validate.js';
import { readDataJson } from '../data/read.js';

/**
 * One CAMEO event code.
 * @example { code: '190', name: 'Use conventional military force', goldstein: -10, root: '19', quad: 4 }
 */
export interface CameoCode {
  code: string;
  name: string;
  /**
   * Goldstein conflict–cooperation score, −10 … +10 (ICEWS values); null only for a code a
   * user's PETRARCH-2 dictionary adds (src/events/petrarch/event-dictionary.ts): every
   * built-in code has one
   */
  goldstein: number | null;
  /** 2-digit root, e.g. `19` */
  root: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; null as `goldstein` (a user's code whose root is not CAMEO's) */
  quad: 1 | 2 | 3 | 4 | null;
}

/**
 * A PLOVER event type.
 * @example { name: 'CONSULT', quad: 1, requires_recipient: false, score: 2.5, modes: [{ name: 'visit', score: 4 }] }
 */
export interface PloverType {
  name: string;
  quad: 1 | 2 | 3 | 4;
  requires_recipient: boolean;
  score: number;
  /** modes with their scores (null: the manual gives none) */
  modes: readonly { name: string; score: number | null }[];
}

/**
 * What a CAMEO code becomes in PLOVER.
 * @example { event: 'CONSULT', mode: 'visit', context: [] }
 */
export interface PloverCoding {
  event: string;
  mode: string | null;
  context: readonly string[];
}

/**
 * How one flagged row of the CAMEO→PLOVER source was resolved.
 * @example { code: '185', line: 281, flag: 'mode_not_in_manual:assassinate', decision: 'mode assassinate → targeted', why: '…' }
 */
export interface Resolution { code: string; line: number; flag: string; decision: string; why: string }

/**
 * A verb of a pattern group with its surface forms.
 * @example { group: 'ASK', lemma: 'ask for', forms: ['asks for', 'asked for', 'asking for'], code: '020' }
 */
export interface DictVerb { group: string; lemma: string; head?: number; forms: readonly string[]; code: string | null }

/**
 * A pattern (see the `$comment` of `data/events/verbs.json` for the token grammar).
 * @example { id: 'en:impose-sanctions-on', code: '163', group: 'EN_IMPOSE', tokens: ['*', 'sanctions', 'on', '+'] }
 */
export interface EventPattern {
  /** `p2:<code>:<n>` for PETRARCH-2 patterns, `en:<slug>` for entente's */
  id: string;
  code: string | null;
  reverse?: string;
  /**
   * the PLOVER type and mode when PLOVER codes the act apart from its CAMEO code's row (a
   * resignation: CAMEO 0831, PLOVER RETREAT with mode "resign"); entente patterns only
   */
  plover?: { event: string; mode?: string };
  /** the verb group the pattern hangs on; null for a verbless phrase pattern (entente only) */
  group: string | null;
  tokens: readonly string[];
  line?: number;
}

/**
 * All event dictionaries, frozen.
 * @example loadEventDictionary().cameoToPlover.get('042') // { event: 'CONSULT', mode: 'visit', context: [] }
 */
export interface EventDictionary {
  cameo: ReadonlyMap<string, CameoCode>;
  plover: { events: ReadonlyMap<string, PloverType>; contexts: ReadonlySet<string>; legacy: ReadonlyMap<string, { event: string; mode: string | null }> };
  cameoToPlover: ReadonlyMap<string, PloverCoding>;
  resolutions: readonly Resolution[];
  synsets: ReadonlyMap<string, readonly string[]>;
  verbs: readonly DictVerb[];
  patterns: readonly EventPattern[];
}

type Obj = Record<string, unknown>;
const cache = new Map<string, EventDictionary>();

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function list(file: string, obj: Obj, key: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) throw new DataFileError(file, `"${key}" must be an array`);
  return v;
}

function str(file: string, where: string, obj: Obj, key: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') throw new DataFileError(file, `${where}: "${key}" must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function entry(file: string, where: string, v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `${where}: expected an object`);
  return v as Obj;
}

function quad(file: string, where: string, v: unknown): 1 | 2 | 3 | 4 {
  if (v !== 1 && v !== 2 && v !== 3 && v !== 4) throw new DataFileError(file, `${where}: quad class must be 1-4, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Load, validate and freeze the event dictionaries in `dir` (default: the built-in
 * `data/events/`); later calls with the same `dir` return the same object.
 * Throws `DataFileError` naming the file and entry for: duplicate codes or pattern ids, unknown
 * CAMEO codes in patterns or the PLOVER table, Goldstein outside [−10, 10], quad not 1–4,
 * unknown PLOVER events, modes or contexts, undefined synsets or verb groups.
 *
 * @example loadEventDictionary().cameo.get('190')?.goldstein // -10
 */
export function loadEventDictionary(dir?: string): EventDictionary {
  const key = dir === undefined ? '' : resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const name = (f: string) => (dir === undefined ? `data/events/${f}` : join(key, f));
  const read = (f: string): unknown => {
    if (dir === undefined) return readDataJson(name(f));
    try {
      return JSON.parse(readFileSync(name(f), 'utf8')) as unknown;
    } catch (err) {
      throw new DataFileError(name(f), `cannot read as JSON: ${(err as Error).message}`, { cause: err });
    }
  };

  // 1. CAMEO codes
  let file = name('cameo.json');
  const cameo = new Map<string, CameoCode>();
  for (const [i, v] of list(file, expectObject(file, read('cameo.json'), ['$comment', 'codes']), 'codes').entries()) {
    const e = entry(file, `codes[${i}]`, v);
    const code = str(file, `codes[${i}]`, e, 'code');
    const at = `codes[${i}] "${code}"`;
    if (!/^\d{2,4}$/.test(code)) throw new DataFileError(file, `${at}: a CAMEO code is 2-4 digits`);
    if (cameo.has(code)) throw new DataFileError(file, `${at}: duplicate code`);
    const root = str(file, at, e, 'root');
    if (root !== code.slice(0, 2)) throw new DataFileError(file, `${at}: root "${root}" is not the code's first two digits`);
    const goldstein = expectNumber(`${file}: ${at}`, e, 'goldstein', -10, 10);
    cameo.set(code, { code, name: str(file, at, e, 'name'), goldstein, root, quad: quad(file, at, e.quad) });
  }
  const knownCode = (f: string, at: string, c: unknown, nullable: boolean): string | null => {
    if (c === null && nullable) return null;
    if (typeof c !== 'string' || !cameo.has(c)) throw new DataFileError(f, `${at}: unknown CAMEO code ${JSON.stringify(c)}`);
    return c;
  };

  // 2. PLOVER types, contexts, legacy names
  file = name('plover.json');
  const p = expectObject(file, read('plover.json'), ['$comment', 'events', 'contexts', 'auxiliary_modes', 'legacy', 'notes']);
  const events = new Map<string, PloverType>();
  for (const [i, v] of list(file, p, 'events').entries()) {
    const e = entry(file, `events[${i}]`, v);
    const n = str(file, `events[${i}]`, e, 'name');
    const at = `events[${i}] "${n}"`;
    if (events.has(n)) throw new DataFileError(file, `${at}: duplicate event type`);
    const modes = list(file, e, 'modes').map((m, j) => {
      const mo = entry(file, `${at} modes[${j}]`, m);
      const score = mo.score === null ? null : expectNumber(`${file}: ${at} modes[${j}]`, mo, 'score', -10, 10);
      return { name: str(file, `${at} modes[${j}]`, mo, 'name'), score };
    });
    if (new Set(modes.map((m) => m.name)).size !== modes.length) throw new DataFileError(file, `${at}: duplicate mode`);
    if (typeof e.requires_recipient !== 'boolean') throw new DataFileError(file, `${at}: requires_recipient must be true or false`);
    events.set(n, { name: n, quad: quad(file, at, e.quad), requires_recipient: e.requires_recipient, score: expectNumber(`${file}: ${at}`, e, 'score', -10, 10), modes });
  }
  const contexts = new Set<string>();
  for (const c of list(file, p, 'contexts')) {
    if (typeof c !== 'string' || contexts.has(c)) throw new DataFileError(file, `contexts: bad or duplicate entry ${JSON.stringify(c)}`);
    contexts.add(c);
  }
  const checkPlover = (f: string, at: string, ev: unknown, mode: unknown, ctx: unknown[]): PloverCoding => {
    const t = typeof ev === 'string' ? events.get(ev) : undefined;
    if (!t) throw new DataFileError(f, `${at}: unknown PLOVER event ${JSON.stringify(ev)}`);
    if (mode !== null && !t.modes.some((m) => m.name === mode)) throw new DataFileError(f, `${at}: unknown mode ${JSON.stringify(mode)} for ${t.name}`);
    for (const c of ctx) if (typeof c !== 'string' || !contexts.has(c)) throw new DataFileError(f, `${at}: unknown PLOVER context ${JSON.stringify(c)}`);
    return { event: t.name, mode: mode as string | null, context: ctx as string[] };
  };
  const legacy = new Map<string, { event: string; mode: string | null }>();
  for (const [i, v] of list(file, p, 'legacy').entries()) {
    const e = entry(file, `legacy[${i}]`, v);
    const c = checkPlover(file, `legacy[${i}]`, e.event, e.mode ?? null, []);
    legacy.set(str(file, `legacy[${i}]`, e, 'old'), { event: c.event, mode: c.mode });
  }

  // 3. CAMEO → PLOVER
  file = name('cameo-plover.json');
  const cp = expectObject(file, read('cameo-plover.json'), ['$comment', 'unmapped', 'mappings', 'resolutions']);
  const cameoToPlover = new Map<string, PloverCoding>();
  for (const [i, v] of list(file, cp, 'mappings').entries()) {
    const e = entry(file, `mappings[${i}]`, v);
    const at = `mappings[${i}] "${String(e.code)}"`;
    const code = knownCode(file, at, e.code, false)!;
    if (cameoToPlover.has(code)) throw new DataFileError(file, `${at}: duplicate code`);
    cameoToPlover.set(code, checkPlover(file, at, e.event, e.mode ?? null, list(file, e, 'context')));
  }
  const resolutions = list(file, cp, 'resolutions').map((v, i) => {
    const e = entry(file, `resolutions[${i}]`, v);
    const at = `resolutions[${i}]`;
    return { code: str(file, at, e, 'code'), line: expectNumber(`${file}: ${at}`, e, 'line', 1, 1e6), flag: str(file, at, e, 'flag'), decision: str(file, at, e, 'decision'), why: str(file, at, e, 'why') };
  });

  // 4. verb patterns: PETRARCH-2's, then entente's; ids, synsets and groups are shared
  const synsets = new Map<string, readonly string[]>();
  const verbs: DictVerb[] = [];
  const patterns: EventPattern[] = [];
  const raw = ['verbs.json', 'verbs-entente.json'].map((f) => ({ f: name(f), o: expectObject(name(f), read(f), ['$comment', 'source', 'remapped', 'synsets', 'verbs', 'patterns']) }));
  for (const { f, o } of raw) {
    const s = entry(f, 'synsets', o.synsets);
    for (const [k, members] of Object.entries(s)) {
      if (!k.startsWith('&') || !Array.isArray(members) || members.some((m) => typeof m !== 'string' || m === '')) throw new DataFileError(f, `synsets "${k}": a synset is "&name": [non-empty strings]`);
      if (synsets.has(k)) throw new DataFileError(f, `synsets "${k}": defined twice`);
      synsets.set(k, members as string[]);
    }
    for (const [i, v] of list(f, o, 'verbs').entries()) {
      const e = entry(f, `verbs[${i}]`, v);
      const at = `verbs[${i}] "${String(e.lemma)}"`;
      const forms = list(f, e, 'forms');
      if (forms.some((x) => typeof x !== 'string' || x === '')) throw new DataFileError(f, `${at}: forms must be non-empty strings`);
      const verb: DictVerb = { group: str(f, at, e, 'group'), lemma: str(f, at, e, 'lemma'), forms: forms as string[], code: knownCode(f, at, e.code, true) };
      if (e.head !== undefined) verb.head = expectNumber(`${f}: ${at}`, e, 'head', 0, 10);
      verbs.push(verb);
    }
  }
  const groups = new Set(verbs.map((v) => v.group));
  const ids = new Set<string>();
  for (const { f, o } of raw) {
    const prefix = f.endsWith('verbs.json') ? 'p2:' : 'en:';
    for (const [i, v] of list(f, o, 'patterns').entries()) {
      const e = entry(f, `patterns[${i}]`, v);
      const id = str(f, `patterns[${i}]`, e, 'id');
      const at = `patterns[${i}] "${id}"`;
      if (!id.startsWith(prefix)) throw new DataFileError(f, `${at}: ids in this file start with "${prefix}"`);
      if (ids.has(id)) throw new DataFileError(f, `${at}: duplicate id`);
      ids.add(id);
      const group = e.group === null ? null : str(f, at, e, 'group');
      if (group !== null && !groups.has(group)) throw new DataFileError(f, `${at}: unknown verb group "${group}"`);
      const tokens = list(f, e, 'tokens');
      if (tokens.length === 0 || tokens.some((t) => typeof t !== 'string' || t === '')) throw new DataFileError(f, `${at}: tokens must be non-empty strings`);
      const stars = tokens.filter((t) => t === '*').length;
      if (stars !== (group === null ? 0 : 1)) throw new DataFileError(f, `${at}: a pattern has one "*" when it has a verb group, none otherwise`);
      for (const t of tokens as string[]) if (t.startsWith('&') && !synsets.has(t)) throw new DataFileError(f, `${at}: undefined synset ${t}`);
      const pat: EventPattern = { id, code: knownCode(f, at, e.code, true), group, tokens: tokens as string[] };
      if (e.reverse !== undefined) pat.reverse = knownCode(f, `${at} reverse`, e.reverse, false)!;
      if (pat.code === null && pat.reverse === undefined && prefix === 'en:') throw new DataFileError(f, `${at}: an entente pattern needs a code`);
      if (e.plover !== undefined) {
        const pl = e.plover as { event?: unknown; mode?: unknown };
        const ev = typeof pl === 'object' && pl !== null && typeof pl.event === 'string' ? events.get(pl.event) : undefined;
        if (prefix !== 'en:' || !ev) throw new DataFileError(f, `${at}: "plover" must be {event, mode?} with a PLOVER event type, in an entente pattern`);
        if (pl.mode !== undefined && !ev.modes.some((m) => m.name === pl.mode)) throw new DataFileError(f, `${at}: PLOVER ${ev.name} has no mode ${JSON.stringify(pl.mode)}`);
        pat.plover = { event: ev.name, ...(typeof pl.mode === 'string' ? { mode: pl.mode } : {}) };
      }
      if (typeof e.line === 'number') pat.line = e.line;
      patterns.push(pat);
    }
  }

  const dict: EventDictionary = deepFreeze({
    cameo: freezeMap(cameo),
    plover: { events: freezeMap(events), contexts: Object.freeze(contexts), legacy: freezeMap(legacy) },
    cameoToPlover: freezeMap(cameoToPlover),
    resolutions,
    synsets: freezeMap(synsets),
    verbs,
    patterns,
  });
  cache.set(key, dict);
  return dict;
}

/**
 * Goldstein score of a CAMEO code, or undefined for a code not in `cameo.json` or one without a
 * score (a user dictionary's own code).
 * @example goldstein('190') // -10
 */
export function goldstein(code: string, dict: EventDictionary = loadEventDictionary()): number | undefined {
  return dict.cameo.get(code)?.goldstein ?? undefined;
}

/**
 * Quad class of a CAMEO code (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict).
 * @example quadClass('051') // 1
 */
export function quadClass(code: string, dict: EventDictionary = loadEventDictionary()): 1 | 2 | 3 | 4 | undefined {
  return dict.cameo.get(code)?.quad ?? undefined;
}

/**
 * PLOVER coding of a CAMEO code; undefined for 01x/02x (PLOVER has no statements or appeals,
 * see `unmapped` in `cameo-plover.json`) and for unknown codes.
 * @example toPlover('163') // { event: 'SANCTION', mode: 'discontinue', context: ['economic'] }
 */
export function toPlover(code: string, dict: EventDictionary = loadEventDictionary()): PloverCoding | undefined {
  return dict.cameoToPlover.get(code);
}

/**
 * A CAMEO code's PLOVER coding as a coded event carries it, with its own copy of the context; what
 * the verb steps, the noun events and the spread step attach to an event they code.
 * @example eventPlover(loadEventDictionary(), '042') // { event: 'CONSULT', mode: 'visit', context: [] }
 */
export function eventPlover(dict: EventDictionary, code: string): CodedEvent['plover'] {
  const p = dict.cameoToPlover.get(code);
  return p && { event: p.event, mode: p.mode, context: [...p.context] };
}

/**
 * Name of a CAMEO code as in the CAMEO manual.
 * @example cameoName('042') // 'Make a visit'
 */
export function cameoName(code: string, dict: EventDictionary = loadEventDictionary()): string | undefined {
  return dict.cameo.get(code)?.name;
}
