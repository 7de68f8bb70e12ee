/**
 * The actor table (issue 17): short news-style sentences written for entente, each holding one
 * mention of an office holder, group, agency, legislature or a name that must not be an actor,
 * with the article date and the country and role expected on that date
 * (`test/fixtures/actors/holders.jsonl`; `holders-heldout.jsonl` is the held-out list nobody
 * tunes on). `test/actors/holders.test.ts` asserts the main list; `npm run eval` scores both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/index.js';
import { findActors, loadActorDictionary, type ActorDictionary } from '../src/actors/index.js';
import type { Article } from '../src/model/article.js';
import type { Actor, Mention } from '../src/model/actor.js';

export interface HolderRow {
  text: string;
  /** the mention as written; its last occurrence in `text` is the one scored (a surname after the full name) */
  mention: string;
  date: string;
  /** ISO3 or organisation key ("UN", "NATO", "EU", "ISIS" …); "" when no actor is expected */
  country: string;
  /** GOV, LEG, ELI, MIL, SPY, COP, REB, IGO, MED …; "" with a country: any role (a state by name, "the Islamic Republic") */
  role: string;
  /** with country "": countries no mention there may have ("South China Sea" is no CHN) */
  not?: string[];
  /** finding no actor there is also right (an outlet: USA MED or nothing) */
  none_ok?: boolean;
  kind: string;
  source: string;
}

export interface HolderResult { row: HolderRow; pass: boolean; got: string }

/** The real-news quote scorer's names for organisations (../shared/quotes-realnews/score.mjs), so both agree on "country". */
const ALIAS: Record<string, string> = { UNSC: 'UN', WHO: 'UN', IAEA: 'UN', UNHCR: 'UN', UNO: 'UN', 'WORLD-BANK': 'WB', 'AL-QAEDA': 'AQ', 'ISLAMIC-STATE': 'ISIS' };
const ORG: [RegExp, string][] = [[/^IGOUNODEVWBK/, 'WB'], [/^IGOUNO/, 'UN'], [/^IGOEUREEC/, 'EU'], [/^IGOWSTNAT/, 'NATO'], [/^IGOAFRAFU/, 'AU'], [/^IGOBUSIMF/, 'IMF'], [/^IGOBUSWTO/, 'WTO'], [/^IMGMUSALQ/, 'AQ']];

const canon = (c: string): string => ALIAS[c.toUpperCase()] ?? c.toUpperCase();

/** Every name an actor's country or organisation goes by: its country field and what its code maps to. */
function countriesOf(a: Actor): Set<string> {
  const out = new Set<string>();
  if (a.country) out.add(canon(a.country));
  for (const [re, v] of ORG) if (re.test(a.code)) out.add(v);
  if (/^[A-Z]{3}/.test(a.code) && !/^(IGO|NGO|IMG|MNC)/.test(a.code)) out.add(a.code.slice(0, 3));
  return out;
}

/** Roles an actor holds: its role list, IGO/NGO from the code's head, REB for a transnational militant group (IMG). */
function rolesOf(a: Actor): Set<string> {
  const out = new Set(a.roles);
  const head = a.code.slice(0, 3);
  if (head === 'IGO' || head === 'NGO') out.add(head);
  if (head === 'IMG') out.add('REB');
  return out;
}

function show(text: string, m: Mention): string {
  return `"${text.slice(m.start, m.end)}" ${m.actor.code} (${m.actor.country}, ${m.kind}, ${m.rule})`;
}

/**
 * One row scored: the actor stage over the analysed sentence with the row's date; the mentions
 * overlapping the last occurrence of `mention`. Right when one of them has the expected country
 * and role and none has another country; for a row expecting nothing, right when no overlapping
 * mention has a country in `not` (or none at all, without `not`).
 */
export function scoreHolder(row: HolderRow, dict: ActorDictionary): HolderResult {
  const a = analyze({ text: row.text, format: 'text', given: { date: row.date } });
  if ('skipped' in a) return { row, pass: false, got: 'article skipped' };
  const text = (a as Article).text;
  const at = text.lastIndexOf(row.mention);
  if (at < 0) return { row, pass: false, got: 'mention not in the cleaned text' };
  const end = at + row.mention.length;
  const over = findActors(a as Article, dict).filter((m) => m.start < end && m.end > at);
  const got = over.map((m) => show(text, m)).join('; ') || 'no actor';
  if (!row.country) {
    const bad = row.not?.map(canon);
    const pass = bad ? over.every((m) => ![...countriesOf(m.actor)].some((c) => bad.includes(c))) : over.length === 0;
    return { row, pass, got };
  }
  if (over.length === 0) return { row, pass: row.none_ok === true, got };
  const want = canon(row.country);
  const right = over.some((m) => countriesOf(m.actor).has(want) && (!row.role || rolesOf(m.actor).has(row.role)));
  const wrong = over.some((m) => !countriesOf(m.actor).has(want));
  return { row, pass: right && !wrong, got };
}

export function readHolders(path: string): HolderRow[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as HolderRow);
}

/** The fixtures' folder from the project root (the tests run from dist/, the files stay in test/). */
export function holdersPath(root: string, heldOut = false): string {
  return join(root, 'test', 'fixtures', 'actors', heldOut ? 'holders-heldout.jsonl' : 'holders.jsonl');
}

/** Each row of a list scored with one dictionary load. */
export function scoreHolders(rows: HolderRow[], dict: ActorDictionary = loadActorDictionary()): HolderResult[] {
  return rows.map((r) => scoreHolder(r, dict));
}

/** A failure count per kind of mention, for the notes under the eval table. */
export function failuresByKind(results: HolderResult[]): string {
  const by = new Map<string, [number, number]>();
  for (const r of results) {
    const [f, n] = by.get(r.row.kind) ?? [0, 0];
    by.set(r.row.kind, [f + (r.pass ? 0 : 1), n + 1]);
  }
  return [...by].map(([k, [f, n]]) => `${k} ${n - f}/${n}`).join(', ');
}

/**
 * The "actors table" rows of `npm run eval`: right / total on the main and the held-out list.
 * @example evalActorsTable('.').values['actors.table.main'] // 0.4…
 */
export function evalActorsTable(root: string): { values: Record<string, number>; notes: string[] } {
  const dict = loadActorDictionary();
  const values: Record<string, number> = {}, notes: string[] = [];
  for (const [name, heldOut] of [['main', false], ['heldout', true]] as const) {
    const res = scoreHolders(readHolders(holdersPath(root, heldOut)), dict);
    const right = res.filter((r) => r.pass).length;
    values[`actors.table.${name}`] = right / res.length;
    notes.push(`actors table (${name}, ${name === 'main' ? 'test/fixtures/actors/holders.jsonl' : 'held out'}): ${right}/${res.length} right; by kind: ${failuresByKind(res)}`);
  }
  return { values, notes };
}
