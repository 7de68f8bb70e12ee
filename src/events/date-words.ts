/**
 * The calendar words that date an event from its sentence (`data/events/dates.json`): month and
 * weekday names, relative days and periods, fixed-date holidays and the little words around them.
 * Loaded once, validated (an unknown key, a bad month or day, a duplicate phrase throws a
 * `DataFileError` naming the file) and frozen.
 */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../model/errors.js';
import { readDataJson } from '../data/read.js';
import { expectObject, expectWords, freezeMap, freezeSet } from '../data/validate.js';

export type PeriodUnit = 'week' | 'month' | 'year';

/** A multi-word (or one-word) phrase the resolver matches token by token. */
export type DatePhrase =
  | { kind: 'day'; words: readonly string[]; offset: number }
  | { kind: 'period'; words: readonly string[]; unit: PeriodUnit; offset: number }
  | { kind: 'holiday'; words: readonly string[]; month: number; day: number; needsLead: boolean }
  /** "a day after": dates the clause it opens, `offset` days from the sentence's own day */
  | { kind: 'clause'; words: readonly string[]; offset: number };

export interface DateWords {
  /** lower-case name or abbreviation → month 1–12 and whether it is the full name */
  readonly months: ReadonlyMap<string, { month: number; full: boolean }>;
  /** lower-case full name → 0 (Sunday) … 6 */
  readonly weekdays: ReadonlyMap<string, number>;
  /** first word → the phrases starting with it, longest first */
  readonly phrases: ReadonlyMap<string, readonly DatePhrase[]>;
  readonly modifiers: ReadonlyMap<string, -1 | 0 | 1>;
  readonly monthLeads: ReadonlySet<string>;
  readonly yearLeads: ReadonlySet<string>;
  readonly qualifiers: ReadonlySet<string>;
  readonly holidayLeads: ReadonlySet<string>;
  readonly dayLeads: ReadonlySet<string>;
  readonly blockers: ReadonlySet<string>;
  readonly weekdayNames: ReadonlySet<string>;
  readonly yearFollowers: ReadonlySet<string>;
  /** past forms of verbs that announce or report ("said", "agreed"): an announced act's date before them is the announcement's */
  readonly announcingPast: ReadonlySet<string>;
  readonly years: { readonly min: number; readonly max: number };
  /**
   * Finds a digit, a month or weekday name or the last word of a phrase: every date expression
   * holds one, so a sentence without any is skipped untokenized (about half of news sentences).
   */
  readonly screen: RegExp;
}

const DEFAULT_FILE = 'data/events/dates.json';
const KEYS = ['$comment', 'months', 'weekdays', 'relativeDays', 'periods', 'holidays', 'modifiers', 'monthLeads', 'yearLeads', 'qualifiers', 'holidayLeads', 'dayLeads', 'blockers', 'weekdayNames', 'yearFollowers', 'clauseLeads', 'announcingPast', 'years'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
let cached: DateWords | undefined;
const CURLY = /’/g;
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * The words of a phrase as the resolver's tokenizer cuts them, lower case, curly apostrophes
 * straightened. @example phraseWords("New Year's Day") // ['new', "year's", 'day']
 */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().replace(CURLY, "'").split(/\s+/).filter(Boolean);
}

function int(file: string, where: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new DataFileError(file, `${where} must be an integer in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return v;
}

function record(file: string, where: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `${where} must be an object`);
  return v as Record<string, unknown>;
}

function phrase(file: string, where: string, v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '' || v !== v.toLowerCase()) throw new DataFileError(file, `${where}: a phrase must be a non-empty lower-case string, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Validate and index the date words in `raw`, read from `file` (named in every error).
 * @example parseDateWords('x.json', JSON.parse(readFileSync('data/events/dates.json', 'utf8'))).weekdays.get('tuesday') // 2
 */
export function parseDateWords(file: string, raw: unknown): DateWords {
  const obj = expectObject(file, raw, KEYS);
  const months = new Map<string, { month: number; full: boolean }>();
  const rawMonths = obj.months;
  if (!Array.isArray(rawMonths) || rawMonths.length !== 12) throw new DataFileError(file, '"months" must list the 12 months in calendar order');
  rawMonths.forEach((names, i) => {
    const words = expectWords(file, { [`months[${i}]`]: names }, `months[${i}]`);
    words.forEach((w, j) => {
      if (w !== w.toLowerCase() || months.has(w)) throw new DataFileError(file, `"months[${i}]": "${w}" is not lower case or is listed twice`);
      months.set(w, { month: i + 1, full: j === 0 });
    });
  });
  const weekdayList = expectWords(file, obj, 'weekdays');
  if (weekdayList.length !== 7) throw new DataFileError(file, '"weekdays" must list the 7 weekdays from Sunday');
  const weekdays = new Map(weekdayList.map((w, i) => [w.toLowerCase(), i] as const));

  const all: DatePhrase[] = [];
  const seen = new Set<string>();
  const add = (where: string, p: DatePhrase) => {
    const key = p.words.join(' ');
    if (seen.has(key)) throw new DataFileError(file, `${where}: phrase "${key}" is listed twice`);
    seen.add(key);
    all.push(p);
  };
  for (const [k, v] of Object.entries(record(file, '"relativeDays"', obj.relativeDays))) {
    add(`"relativeDays"`, { kind: 'day', words: phraseWords(phrase(file, '"relativeDays"', k)), offset: int(file, `"relativeDays"."${k}"`, v, -7, 7) });
  }
  for (const [k, v] of Object.entries(record(file, '"periods"', obj.periods))) {
    const e = record(file, `"periods"."${k}"`, v);
    for (const f of Object.keys(e)) if (f !== 'unit' && f !== 'offset') throw new DataFileError(file, `"periods"."${k}": unknown field "${f}"`);
    if (e.unit !== 'week' && e.unit !== 'month' && e.unit !== 'year') throw new DataFileError(file, `"periods"."${k}": "unit" must be week, month or year, got ${JSON.stringify(e.unit)}`);
    add('"periods"', { kind: 'period', words: phraseWords(phrase(file, '"periods"', k)), unit: e.unit, offset: int(file, `"periods"."${k}".offset`, e.offset, -10, 10) });
  }
  for (const [k, v] of Object.entries(record(file, '"clauseLeads"', obj.clauseLeads))) {
    add('"clauseLeads"', { kind: 'clause', words: phraseWords(phrase(file, '"clauseLeads"', k)), offset: int(file, `"clauseLeads"."${k}"`, v, -31, 0) });
  }
  const holidays = obj.holidays;
  if (!Array.isArray(holidays)) throw new DataFileError(file, '"holidays" must be an array');
  holidays.forEach((h, i) => {
    const where = `"holidays"[${i}]`;
    const e = record(file, where, h);
    for (const f of Object.keys(e)) if (!['names', 'leadNames', 'month', 'day'].includes(f)) throw new DataFileError(file, `${where}: unknown field "${f}"`);
    const month = int(file, `${where}.month`, e.month, 1, 12);
    const day = int(file, `${where}.day`, e.day, 1, DAYS_IN_MONTH[month - 1]);
    for (const key of ['names', 'leadNames'] as const) {
      if (!Array.isArray(e[key])) throw new DataFileError(file, `${where}: "${key}" must be an array`);
      for (const n of e[key] as unknown[]) add(where, { kind: 'holiday', words: phraseWords(phrase(file, where, n)), month, day, needsLead: key === 'leadNames' });
    }
  });
  const phrases = new Map<string, DatePhrase[]>();
  for (const p of all.sort((a, b) => b.words.length - a.words.length)) {
    const list = phrases.get(p.words[0]) ?? [];
    list.push(Object.freeze(p));
    phrases.set(p.words[0], list);
  }

  const modifiers = new Map<string, -1 | 0 | 1>();
  for (const [k, v] of Object.entries(record(file, '"modifiers"', obj.modifiers))) {
    if (v !== -1 && v !== 0 && v !== 1) throw new DataFileError(file, `"modifiers"."${k}" must be -1, 0 or 1, got ${JSON.stringify(v)}`);
    modifiers.set(phrase(file, '"modifiers"', k), v);
  }
  const set = (key: string) => freezeSet(new Set(expectWords(file, obj, key).map((w) => w.toLowerCase())));
  const y = record(file, '"years"', obj.years);
  for (const f of Object.keys(y)) if (f !== 'min' && f !== 'max') throw new DataFileError(file, `"years": unknown field "${f}"`);
  const years = { min: int(file, '"years".min', y.min, 1000, 9999), max: int(file, '"years".max', y.max, 1000, 9999) };
  if (years.min > years.max) throw new DataFileError(file, '"years": min is above max');

  const keys = new Set([...months.keys(), ...weekdays.keys(), ...all.map((p) => p.words[p.words.length - 1].split("'")[0])].map((k) => k.replace(SPECIAL, '\\$&')));
  const screen = new RegExp(`\\d|(?<!\\p{L})(?:${[...keys].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`, 'iu');

  return Object.freeze({
    screen,
    months: freezeMap(months),
    weekdays: freezeMap(weekdays),
    phrases: freezeMap(phrases),
    modifiers: freezeMap(modifiers),
    monthLeads: set('monthLeads'),
    yearLeads: set('yearLeads'),
    qualifiers: set('qualifiers'),
    holidayLeads: set('holidayLeads'),
    dayLeads: set('dayLeads'),
    blockers: set('blockers'),
    weekdayNames: set('weekdayNames'),
    yearFollowers: set('yearFollowers'),
    announcingPast: set('announcingPast'),
    years: Object.freeze(years),
  });
}

/**
 * The date words: with no argument the built-in `data/events/dates.json`, read once; with a path,
 * that file (for tests and users' own lists).
 * @example loadDateWords().months.get('feb') // { month: 2, full: false }
 */
export function loadDateWords(path?: string): DateWords {
  if (path === undefined) return (cached ??= parseDateWords(DEFAULT_FILE, readDataJson(DEFAULT_FILE)));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new DataFileError(path, `cannot read as JSON: ${(err as Error).message}`, { cause: err });
  }
  return parseDateWords(path, raw);
}
