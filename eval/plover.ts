/**
 * The PLOVER gold sentences (`../shared/ontology/plover/PLOVER_GSR_CAMEO.txt`, PLOVER 0.5b1) as
 * a test of the event coder: each record's old type names mapped to today's (the `legacy` list of
 * `data/events/plover.json`), its actor codes brought to the country or organisation level that
 * entente's dyads use (`data/events/plover-gold-codes.json`), and a scorer for any predictor.
 *
 * Plugging the coder in:
 *   const gold = loadPloverGold(ploverGoldPath(shared));
 *   const s = scorePlover(gold.records, (text) => predictionsOf(codeSentence(text)));
 *   console.log(formatPloverScores(s));
 * or from the command line, with a module that exports `predict(text)`:
 *   node dist/eval/plover.js --predictor dist/eval/my-predictor.js [--gold FILE] [--json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataFileError } from '../src/model/errors.js';
import type { CodedEvent } from '../src/model/event.js';
import { dataPath, readDataJson } from '../src/data/read.js';
import { expectObject, expectWords } from '../src/data/validate.js';
import { loadEventDictionary } from '../src/events/dictionary.js';
import { type ActorDictionary, loadActorDictionary } from '../src/actors/dictionary.js';
import { orgActor } from '../src/actors/codes.js';

/** One actor of a gold record, with the code entente would emit for it. */
export interface GoldActor {
  text: string;
  /** the code as the gold file gives it, e.g. "JAP", "IGO" */
  gold: string;
  /** entente's dyad code ("JPN", "UN"); the gold code's first three letters when unmapped */
  code: string;
  mapped: boolean;
}

/** One gold event (one record of the file). */
export interface PloverGold {
  id: string;
  /** position among the event records, since one id is used twice in the file */
  index: number;
  text: string;
  /** the type as the file writes it ("DEMAND") and as PLOVER now calls it ("REQUEST") */
  fileType: string;
  type: string;
  sources: GoldActor[];
  targets: GoldActor[];
}

/** What a loaded gold file holds, for the report. */
export interface PloverGoldSet {
  records: PloverGold[];
  /** DOCUMENT records skipped */
  documents: number;
  /** file type → count, for the types renamed through `legacy` */
  renamed: Map<string, number>;
  /** types that are neither current nor legacy (should be none) */
  unknownTypes: Map<string, number>;
  /** gold code → count, for the codes changed by the country table or organisation patterns */
  recoded: Map<string, number>;
  /** "CODE actorText" → count, for the text codes (IGO, NGO…) no organisation pattern matched */
  unmapped: Map<string, number>;
  /** record ids whose target is a string other than "" (read as no target) */
  oddTargets: string[];
}

/** A prediction for one sentence: the dyad codes entente emits and a current PLOVER type. */
export interface PloverPrediction {
  source: string;
  target?: string;
  type: string;
}

export interface PRF { p: number; r: number; f1: number; tp: number; fp: number; fn: number }

export interface PloverScores {
  /** distinct gold sentences scored (records sharing a text are one sentence) */
  sentences: number;
  records: number;
  /** gold and predicted (source, target, type) triples, after compound expansion */
  gold: number;
  predicted: number;
  typeAndDyad: PRF;
  typeOnly: PRF;
  byType: Record<string, { typeAndDyad: PRF; typeOnly: PRF }>;
  /** per sentence, for reading the errors */
  items: { text: string; ids: string[]; gold: string[]; predicted: string[]; missed: string[]; spurious: string[] }[];
}

interface CodeTable {
  countries: ReadonlyMap<string, string>;
  textCodes: ReadonlySet<string>;
  organisations: readonly { re: RegExp; org: string; code: string }[];
}

const CODES_FILE = 'data/events/plover-gold-codes.json';

/**
 * The gold file beside the repository: `$ENTENTE_SHARED` or `../shared`.
 * @example ploverGoldPath() // '/…/shared/ontology/plover/PLOVER_GSR_CAMEO.txt'
 */
export function ploverGoldPath(shared = process.env.ENTENTE_SHARED ?? resolve(dataPath('.'), '..', 'shared')): string {
  return resolve(shared, 'ontology', 'plover', 'PLOVER_GSR_CAMEO.txt');
}

/** Reads and checks `data/events/plover-gold-codes.json` against the actor dictionary. */
function loadCodeTable(actors: ActorDictionary): CodeTable {
  const file = CODES_FILE;
  const obj = expectObject(file, readDataJson(file), ['$comment', 'countries', 'textCodes', 'organisations']);
  const countries = new Map<string, string>();
  if (typeof obj.countries !== 'object' || obj.countries === null || Array.isArray(obj.countries)) throw new DataFileError(file, '"countries" must be an object');
  for (const [from, to] of Object.entries(obj.countries)) {
    if (!/^[A-Z]{3}$/.test(from)) throw new DataFileError(file, `"countries": "${from}" is not a three-letter code`);
    if (typeof to !== 'string' || !actors.countries.has(to)) throw new DataFileError(file, `"countries"."${from}": ${JSON.stringify(to)} is not a country of data/actors/countries.json`);
    countries.set(from, to);
  }
  const textCodes = new Set(expectWords(file, obj, 'textCodes'));
  if (!Array.isArray(obj.organisations)) throw new DataFileError(file, '"organisations" must be an array');
  const organisations = obj.organisations.map((e: unknown, i) => {
    const where = `"organisations"[${i}]`;
    const o = e as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || Object.keys(o).some((k) => k !== 'pattern' && k !== 'org')) throw new DataFileError(file, `${where}: expected {pattern, org}`);
    if (typeof o.org !== 'string' || !actors.organisations.has(o.org)) throw new DataFileError(file, `${where}: "${String(o.org)}" is not an organisation of data/actors/organisations.json`);
    let re: RegExp;
    try {
      re = new RegExp(String(o.pattern), 'u');
    } catch (err) {
      throw new DataFileError(file, `${where}: bad pattern: ${(err as Error).message}`);
    }
    return { re, org: o.org, code: orgActor(actors, o.org).country };
  });
  return { countries, textCodes, organisations };
}

function goldActor(table: CodeTable, a: { actorText: string; code: string }): GoldActor {
  const head = a.code.slice(0, 3);
  if (table.textCodes.has(head)) {
    const hit = table.organisations.find((o) => o.re.test(a.actorText));
    return { text: a.actorText, gold: a.code, code: hit ? hit.code : head, mapped: hit !== undefined };
  }
  return { text: a.actorText, gold: a.code, code: table.countries.get(head) ?? head, mapped: true };
}

/**
 * Reads the PLOVER gold file. Records with `event: "DOCUMENT"` are file notes and are skipped.
 * `source`/`target` are a list of `{actorText, code, sector?}`, `""` or absent (no actor); one
 * record has the string "diplomatic" as its target (a context put in the wrong field), read as
 * no target and listed in `oddTargets`. Any other shape throws a `DataFileError` naming the file
 * and the record.
 *
 * @example loadPloverGold(ploverGoldPath()).records.length // 322
 */
export function loadPloverGold(path: string, actors: ActorDictionary = loadActorDictionary()): PloverGoldSet {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new DataFileError(path, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!Array.isArray(raw)) throw new DataFileError(path, 'expected a JSON array of records');
  const plover = loadEventDictionary().plover;
  const table = loadCodeTable(actors);
  const set: PloverGoldSet = { records: [], documents: 0, renamed: new Map(), unknownTypes: new Map(), recoded: new Map(), unmapped: new Map(), oddTargets: [] };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  raw.forEach((r: unknown, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new DataFileError(path, `record ${i}: expected an object`);
    const rec = r as Record<string, unknown>;
    const id = typeof rec.id === 'string' ? rec.id : `#${i}`;
    if (typeof rec.event !== 'string') throw new DataFileError(path, `record ${id}: "event" must be a string`);
    if (rec.event === 'DOCUMENT') return void set.documents++;
    if (typeof rec.text !== 'string' || rec.text.trim() === '') throw new DataFileError(path, `record ${id}: "text" must be a non-empty string`);
    let type = rec.event;
    if (!plover.events.has(type)) {
      const now = plover.legacy.get(type);
      if (now) {
        bump(set.renamed, type);
        type = now.event;
      } else bump(set.unknownTypes, type);
    }
    const side = (key: 'source' | 'target'): GoldActor[] => {
      const v = rec[key];
      if (v === undefined || v === '') return [];
      if (typeof v === 'string' && key === 'target') {
        set.oddTargets.push(id);
        return [];
      }
      if (!Array.isArray(v)) throw new DataFileError(path, `record ${id}: "${key}" must be a list of actors or ""`);
      return v.map((a: unknown, j) => {
        const o = a as Record<string, unknown>;
        if (typeof o !== 'object' || o === null || typeof o.code !== 'string' || typeof o.actorText !== 'string') throw new DataFileError(path, `record ${id}: ${key}[${j}] must be {actorText, code, sector?}`);
        const g = goldActor(table, { actorText: o.actorText, code: o.code });
        if (!g.mapped) bump(set.unmapped, `${g.gold} ${g.text}`);
        else if (g.code !== g.gold.slice(0, 3)) bump(set.recoded, g.gold.slice(0, 3));
        return g;
      });
    };
    set.records.push({ id, index: set.records.length, text: rec.text, fileType: rec.event, type, sources: side('source'), targets: side('target') });
  });
  return set;
}

/**
 * The predictions of coded events: each event's dyad codes and PLOVER type. Events PLOVER does
 * not code (CAMEO 01x/02x) are dropped, and negated ones ("did not attack") unless
 * `keepNegated`, since the gold codes only what happened.
 *
 * @example predictionsOf(events) // [{ source: 'RUS', target: 'UKR', type: 'ASSAULT' }]
 */
export function predictionsOf(events: readonly CodedEvent[], keepNegated = false): PloverPrediction[] {
  const out: PloverPrediction[] = [];
  for (const e of events) {
    if (!e.plover || (e.negated && !keepNegated)) continue;
    out.push({ source: e.source.country, ...(e.target ? { target: e.target.country } : {}), type: e.plover.event });
  }
  return out;
}

const ANY = '*';

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
}

/** "SRC>TGT:TYPE" with `*` for a side the gold leaves open. */
function triple(source: string, target: string, type: string): string {
  return `${source}>${target}:${type}`;
}

function parts(t: string): [string, string, string] {
  const [dyad, type] = t.split(':');
  const [s, g] = dyad.split('>');
  return [s, g, type];
}

/** A gold triple matches a predicted one: same type, same source and target, `*` matching anything (and "no target"). */
function fits(gold: string, pred: string): boolean {
  const [gs, gt, gy] = parts(gold);
  const [ps, pt, py] = parts(pred);
  return gy === py && (gs === ANY || gs === ps) && (gt === ANY || gt === pt);
}

/** Largest one-to-one matching of gold to predicted triples (augmenting paths; a sentence has a handful). */
function match(gold: readonly string[], pred: readonly string[]): Map<number, number> {
  const owner = new Map<number, number>(); // pred index → gold index
  const tryGold = (g: number, seen: Set<number>): boolean => {
    for (let p = 0; p < pred.length; p++) {
      if (seen.has(p) || !fits(gold[g], pred[p])) continue;
      seen.add(p);
      const o = owner.get(p);
      if (o === undefined || tryGold(o, seen)) {
        owner.set(p, g);
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < gold.length; g++) tryGold(g, new Set());
  return owner;
}

/**
 * Scores a predictor on gold records, sentence by sentence (records sharing a text are pooled,
 * and the predictor is called once per distinct text).
 *
 * Type and dyad: each gold record gives one (source, target, type) triple per source × target
 * pair of its compound actors; a gold record with no source or no target leaves that side open
 * (`*`), so it matches a prediction with the same type and the other side equal, whatever the
 * open side holds (a target or none). Duplicate triples in a sentence count once, on both sides.
 * Gold and predicted triples are matched one to one (largest matching): unmatched gold are false
 * negatives, unmatched predictions false positives. Type only: the set of types of the sentence,
 * gold against predicted.
 *
 * @example scorePlover(gold.records, (text) => []).typeAndDyad.r // 0
 */
export function scorePlover(gold: readonly PloverGold[], predict: (text: string) => readonly PloverPrediction[]): PloverScores {
  const byText = new Map<string, PloverGold[]>();
  for (const g of gold) byText.set(g.text, [...(byText.get(g.text) ?? []), g]);
  const tally = new Map<string, { d: [number, number, number]; t: [number, number, number] }>();
  const at = (type: string) => {
    let x = tally.get(type);
    if (!x) tally.set(type, (x = { d: [0, 0, 0], t: [0, 0, 0] }));
    return x;
  };
  const items: PloverScores['items'] = [];
  let nGold = 0;
  let nPred = 0;
  for (const [text, records] of byText) {
    const g = new Set<string>();
    for (const r of records) {
      const ss = r.sources.length ? r.sources.map((a) => a.code) : [ANY];
      const ts = r.targets.length ? r.targets.map((a) => a.code) : [ANY];
      for (const s of ss) for (const t of ts) g.add(triple(s, t, r.type));
    }
    const p = new Set(predict(text).map((x) => triple(x.source, x.target ?? '', x.type)));
    const gl = [...g];
    const pl = [...p];
    const owner = match(gl, pl);
    const matchedGold = new Set(owner.values());
    for (const pi of owner.keys()) at(parts(pl[pi])[2]).d[0]++;
    pl.forEach((x, i) => owner.has(i) || at(parts(x)[2]).d[1]++);
    gl.forEach((x, i) => matchedGold.has(i) || at(parts(x)[2]).d[2]++);
    const gt = new Set(gl.map((x) => parts(x)[2]));
    const pt = new Set(pl.map((x) => parts(x)[2]));
    for (const t of new Set([...gt, ...pt])) at(t).t[gt.has(t) && pt.has(t) ? 0 : pt.has(t) ? 1 : 2]++;
    nGold += gl.length;
    nPred += pl.length;
    items.push({ text, ids: records.map((r) => r.id), gold: gl, predicted: pl, missed: gl.filter((_, i) => !matchedGold.has(i)), spurious: pl.filter((_, i) => !owner.has(i)) });
  }
  const sum = (k: 'd' | 't') => [...tally.values()].reduce((a, x) => [a[0] + x[k][0], a[1] + x[k][1], a[2] + x[k][2]], [0, 0, 0]);
  const byType: PloverScores['byType'] = {};
  for (const [type, x] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) byType[type] = { typeAndDyad: prf(...x.d), typeOnly: prf(...x.t) };
  return { sentences: byText.size, records: gold.length, gold: nGold, predicted: nPred, typeAndDyad: prf(...(sum('d') as [number, number, number])), typeOnly: prf(...(sum('t') as [number, number, number])), byType, items };
}

/** The scores as a plain-text table: the two overall rows, then one row per type. */
export function formatPloverScores(s: PloverScores): string {
  const row = (name: string, x: PRF) => `${name.padEnd(22)} ${x.p.toFixed(3)}  ${x.r.toFixed(3)}  ${x.f1.toFixed(3)}  ${String(x.tp).padStart(4)} ${String(x.fp).padStart(4)} ${String(x.fn).padStart(4)}`;
  const lines = [
    `PLOVER gold: ${s.sentences} sentences, ${s.records} records, ${s.gold} gold and ${s.predicted} predicted (source, target, type) triples`,
    `${''.padEnd(22)} P      R      F1       TP   FP   FN`,
    row('type and dyad', s.typeAndDyad),
    row('type only', s.typeOnly),
  ];
  for (const [type, x] of Object.entries(s.byType)) lines.push(row(`  ${type} (dyad)`, x.typeAndDyad), row(`  ${type} (type)`, x.typeOnly));
  return lines.join('\n');
}

/** What was renamed, recoded and left unmapped in a loaded gold file, in a few lines. */
export function describeGold(set: PloverGoldSet): string {
  const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  return [
    `gold: ${set.records.length} event records (${set.documents} DOCUMENT skipped)`,
    `  renamed types: ${list(set.renamed)}; unknown types: ${list(set.unknownTypes)}`,
    `  recoded actors: ${list(set.recoded)}`,
    `  unmapped actors (kept as their gold code): ${list(set.unmapped)}`,
    ...(set.oddTargets.length ? [`  a string as target, read as none: ${set.oddTargets.join(', ')}`] : []),
  ].join('\n');
}

/** Command line: `--predictor MODULE` (exporting `predict(text)` or a default function), `--gold FILE`, `--json`. */
export async function main(argv: readonly string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help') || !arg('--predictor')) {
    (argv.includes('--help') ? process.stdout : process.stderr).write('usage: node dist/eval/plover.js --predictor MODULE [--gold FILE] [--json]\n  scores a predictor (a module exporting predict(text) → [{source, target?, type}]) on the PLOVER gold sentences\n  --gold  the gold file (default: ../shared/ontology/plover/PLOVER_GSR_CAMEO.txt)\n  --json  print the scores as JSON, per-sentence items included\n');
    return argv.includes('--help') ? 0 : 2;
  }
  let mod: { predict?: unknown; default?: unknown };
  try {
    mod = (await import(pathToFileURL(resolve(arg('--predictor')!)).href)) as typeof mod;
  } catch (err) {
    process.stderr.write(`plover: --predictor ${arg('--predictor')} cannot be loaded: ${(err as Error).message}\n`);
    return 2;
  }
  const predict = (typeof mod.predict === 'function' ? mod.predict : mod.default) as ((text: string) => PloverPrediction[]) | undefined;
  if (typeof predict !== 'function') {
    process.stderr.write(`plover: --predictor ${arg('--predictor')} exports neither predict() nor a default function\n`);
    return 2;
  }
  const set = loadPloverGold(arg('--gold') ?? ploverGoldPath());
  const s = scorePlover(set.records, predict);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(s)}\n`);
  else process.stdout.write(`${describeGold(set)}\n${formatPloverScores(s)}\n`);
  return 0;
}

// no top-level await: a predictor module may import this one (for predictionsOf), and would wait on it forever
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => void (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`plover: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
