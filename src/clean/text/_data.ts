/**
 * The data of the plain-text and Markdown cleaner, read once from `data/clean/*.json`,
 * validated (a missing, unknown or mistyped key, a bad pattern or a duplicate id throws
 * `DataFileError` naming the file), compiled (patterns to RegExp) and frozen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError } from '../../model/errors.js';
import { dataPath } from '../../data/read.js';

/** A pattern with the rule id copied onto what it finds and the reason shown for it. */
export interface PatternRule {
  readonly id: string;
  readonly reason: string;
  readonly re: RegExp;
}

export interface PromoRule extends PatternRule {
  /** the line must be written mostly in capitals */
  readonly caps: boolean;
}

export interface CreditLineRule extends PatternRule {
  readonly needsCreditWord: boolean;
}

export interface Thresholds {
  readonly titleMaxWords: number;
  readonly captionMaxWords: number;
  readonly repeatMinChars: number;
  readonly repeatCaptionMaxDistance: number;
  readonly creditMaxWords: number;
  readonly boldCreditMaxWords: number;
  readonly capsMinLetters: number;
  readonly capsMinWords: number;
  readonly capsMaxWords: number;
  readonly capsRatio: number;
  readonly capsDocumentShare: number;
  readonly promoMaxWords: number;
  readonly relatedMaxItems: number;
  readonly relatedItemMaxWords: number;
  readonly relatedTailMaxParagraphs: number;
  readonly relatedTailMaxWords: number;
  readonly headerMaxParagraphs: number;
  readonly maxLineChars: number;
  /** in plain text, a line indented by at least this many spaces after a flush line starts a paragraph */
  readonly paragraphIndentChars: number;
}

export interface Calendar {
  /** lower-case name or abbreviation → month 1..12 */
  readonly months: ReadonlyMap<string, number>;
  /** lower-case name or abbreviation → weekday 0 (Sunday) ..6 */
  readonly weekdays: ReadonlyMap<string, number>;
  readonly relativeLeads: readonly string[];
  readonly relativeBlockers: ReadonlySet<string>;
}

/** The structural rule ids the steps use; `data/clean/rules.json` must give each a reason. */
export const STRUCTURAL_RULES = [
  'title-heading',
  'title-first-line',
  'title-given-repeated',
  'dateline',
  'original-url-line',
  'photo-credit',
  'photo-caption',
  'photo-caption-repeated',
  'photo-caption-bold-credit',
  'all-caps-teaser',
  'related-block',
  'repeated-paragraph',
  'markdown-image',
  'markdown-rule',
] as const;
export type StructuralRule = (typeof STRUCTURAL_RULES)[number];

export interface TextData {
  readonly reasons: Readonly<Record<StructuralRule, string>>;
  readonly thresholds: Thresholds;
  readonly promo: readonly PromoRule[];
  readonly captionPrefixes: readonly PatternRule[];
  /** what ends a line that is a caption ("– Hide Caption 3 of 12", "(Name/Reuters)"); group `credit` its credit */
  readonly captionSuffixes: readonly PatternRule[];
  readonly creditLines: readonly CreditLineRule[];
  readonly creditWords: readonly RegExp[];
  readonly relatedMarkers: readonly PatternRule[];
  /** matches a URL label at the start of a line; group `rest` is what follows the label */
  readonly urlLabel: RegExp;
  /** matches dateline labels at the start of a line ('Published:') */
  readonly datelineLabel: RegExp;
  /** lower-case domain → outlet name */
  readonly outlets: ReadonlyMap<string, string>;
  readonly calendar: Calendar;
}

/** The files, relative to the data folder. */
export const TEXT_DATA_FILES = ['rules.json', 'thresholds.json', 'promo.json', 'captions.json', 'related.json', 'meta-lines.json', 'outlets.json', 'dates.json'] as const;

let cached: TextData | undefined;

/**
 * The cleaner's data, loaded on first use and frozen.
 * @example textData().thresholds.captionMaxWords // 90
 */
export function textData(): TextData {
  cached ??= loadTextData();
  return cached;
}

/**
 * Reads and validates the data files in `dir` (default: the package's `data/clean`).
 * @example loadTextData('/tmp/broken') // throws DataFileError '[data/clean/promo.json] …'
 */
export function loadTextData(dir: string = dataPath('data/clean')): TextData {
  const read = (name: string): [string, Record<string, unknown>] => {
    const label = `data/clean/${name}`;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
    } catch (err) {
      throw new DataFileError(label, `cannot read: ${(err as Error).message}`, { cause: err });
    }
    return [label, expectObject(label, value)];
  };

  const [rf, rules] = read('rules.json');
  keys(rf, rules, ['reasons']);
  const reasonsObj = obj(rf, rules.reasons, 'reasons');
  for (const id of Object.keys(reasonsObj)) {
    if (!(STRUCTURAL_RULES as readonly string[]).includes(id)) throw new DataFileError(rf, `"reasons" names the unknown rule "${id}"`);
  }
  const reasons = {} as Record<StructuralRule, string>;
  for (const id of STRUCTURAL_RULES) reasons[id] = str(rf, reasonsObj[id], `reasons.${id}`);

  const [tf, th] = read('thresholds.json');
  const tkeys: (keyof Thresholds)[] = [
    'titleMaxWords', 'captionMaxWords', 'repeatMinChars', 'repeatCaptionMaxDistance', 'creditMaxWords', 'boldCreditMaxWords',
    'capsMinLetters', 'capsMinWords', 'capsMaxWords', 'capsRatio', 'capsDocumentShare', 'promoMaxWords', 'relatedMaxItems',
    'relatedItemMaxWords', 'relatedTailMaxParagraphs', 'relatedTailMaxWords', 'headerMaxParagraphs', 'maxLineChars',
    'paragraphIndentChars',
  ];
  keys(tf, th, tkeys);
  const thresholds = {} as Record<keyof Thresholds, number>;
  for (const k of tkeys) {
    const n = th[k];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new DataFileError(tf, `"${k}" must be a non-negative number, got ${JSON.stringify(n)}`);
    thresholds[k] = n;
  }
  for (const k of ['capsRatio', 'capsDocumentShare'] as const) {
    if (thresholds[k] > 1) throw new DataFileError(tf, `"${k}" is a share and must be at most 1`);
  }

  const ids = new Set<string>(STRUCTURAL_RULES);
  const patternRules = <T extends object>(file: string, value: unknown, key: string, extra: (o: Record<string, unknown>, where: string) => T, extraKeys: string[], needReason = true): (PatternRule & T)[] => {
    const list = arr(file, value, key);
    return list.map((item, i) => {
      const where = `${key}[${i}]`;
      const o = obj(file, item, where);
      keys(file, o, ['id', 'pattern', 'flags', ...(needReason ? ['reason'] : []), ...extraKeys], where);
      const id = str(file, o.id, `${where}.id`);
      if (ids.has(id)) throw new DataFileError(file, `duplicate rule id "${id}"`);
      ids.add(id);
      const re = regex(file, o.pattern, o.flags, where);
      const reason = needReason ? str(file, o.reason, `${where}.reason`) : '';
      return { id, reason, re, ...extra(o, where) };
    });
  };

  const [pf, promoFile] = read('promo.json');
  keys(pf, promoFile, ['patterns']);
  const promo = patternRules(pf, promoFile.patterns, 'patterns', (o, w) => ({ caps: bool(pf, o.caps, `${w}.caps`) }), ['caps']);

  const [cf, cap] = read('captions.json');
  keys(cf, cap, ['prefixes', 'suffixes', 'creditLines', 'creditWords']);
  const captionPrefixes = patternRules(cf, cap.prefixes, 'prefixes', () => ({}), []);
  const captionSuffixes = patternRules(cf, cap.suffixes, 'suffixes', () => ({}), []);
  const creditLines = patternRules(cf, cap.creditLines, 'creditLines', (o, w) => ({ needsCreditWord: bool(cf, o.needsCreditWord, `${w}.needsCreditWord`) }), ['needsCreditWord']);
  const creditWords = arr(cf, cap.creditWords, 'creditWords').map((p, i) => regex(cf, p, '', `creditWords[${i}]`));

  const [lf, rel] = read('related.json');
  keys(lf, rel, ['markers']);
  const relatedMarkers = patternRules(lf, rel.markers, 'markers', () => ({}), [], false);

  const [mf, ml] = read('meta-lines.json');
  keys(mf, ml, ['urlLabels', 'datelineLabels']);
  const urlLabel = labelRe(mf, ml.urlLabels, 'urlLabels', '^(?:LABELS)\\b\\s*(?::|-|–)?\\s*(?<rest>.*)$');
  const datelineLabel = labelRe(mf, ml.datelineLabels, 'datelineLabels', '^(?:LABELS)\\b\\s*[:\\-–]?\\s*');

  const [of, out] = read('outlets.json');
  keys(of, out, ['outlets']);
  const outlets = new Map<string, string>();
  arr(of, out.outlets, 'outlets').forEach((item, i) => {
    const o = obj(of, item, `outlets[${i}]`);
    keys(of, o, ['domain', 'name'], `outlets[${i}]`);
    const domain = str(of, o.domain, `outlets[${i}].domain`).toLowerCase();
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new DataFileError(of, `outlets[${i}].domain is not a domain: "${domain}"`);
    if (outlets.has(domain)) throw new DataFileError(of, `domain "${domain}" listed twice`);
    outlets.set(domain, str(of, o.name, `outlets[${i}].name`));
  });

  const [df, dates] = read('dates.json');
  keys(df, dates, ['months', 'weekdays', 'relativeLeads', 'relativeBlockers']);
  const names = (key: string, count: number): Map<string, number> => {
    const list = arr(df, dates[key], key);
    if (list.length !== count) throw new DataFileError(df, `"${key}" must list ${count} entries, got ${list.length}`);
    const m = new Map<string, number>();
    list.forEach((entry, i) => {
      for (const [j, w] of arr(df, entry, `${key}[${i}]`).entries()) {
        const name = str(df, w, `${key}[${i}][${j}]`);
        if (name !== name.toLowerCase() || !/^\p{L}+$/u.test(name)) throw new DataFileError(df, `"${key}[${i}][${j}]" must be one lower-case word`);
        if (m.has(name)) throw new DataFileError(df, `"${name}" listed twice in "${key}"`);
        m.set(name, key === 'months' ? i + 1 : i);
      }
    });
    return m;
  };
  const calendar: Calendar = {
    months: names('months', 12),
    weekdays: names('weekdays', 7),
    relativeLeads: arr(df, dates.relativeLeads, 'relativeLeads').map((w, i) => str(df, w, `relativeLeads[${i}]`).toLowerCase()),
    relativeBlockers: new Set(arr(df, dates.relativeBlockers, 'relativeBlockers').map((w, i) => str(df, w, `relativeBlockers[${i}]`).toLowerCase())),
  };

  return deepFreeze({
    reasons,
    thresholds: thresholds as Thresholds,
    promo,
    captionPrefixes,
    captionSuffixes,
    creditLines,
    creditWords,
    relatedMarkers,
    urlLabel,
    datelineLabel,
    outlets,
    calendar,
  });
}

// ---------------------------------------------------------------- validation helpers

function expectObject(file: string, value: unknown): Record<string, unknown> {
  const o = obj(file, value, 'the file');
  const first = Object.keys(o)[0];
  if (first !== '$comment' || typeof o.$comment !== 'string' || !/entente/.test(o.$comment)) {
    throw new DataFileError(file, 'the first key must be "$comment", a string saying what the file is and that it is entente\'s own');
  }
  return o;
}

function keys(file: string, o: Record<string, unknown>, want: readonly string[], where = ''): void {
  const at = where ? ` in ${where}` : '';
  for (const k of Object.keys(o)) if (k !== '$comment' && !want.includes(k)) throw new DataFileError(file, `unknown key "${k}"${at}`);
  for (const k of want) if (!(k in o)) throw new DataFileError(file, `missing key "${k}"${at}`);
}

function obj(file: string, v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DataFileError(file, `${where} must be an object`);
  return v as Record<string, unknown>;
}

function arr(file: string, v: unknown, where: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw new DataFileError(file, `"${where}" must be a non-empty array`);
  return v;
}

function str(file: string, v: unknown, where: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new DataFileError(file, `"${where}" must be a non-empty string`);
  return v;
}

function bool(file: string, v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new DataFileError(file, `"${where}" must be true or false`);
  return v;
}

function regex(file: string, pattern: unknown, flags: unknown, where: string): RegExp {
  const p = str(file, pattern, `${where}.pattern`);
  if (typeof flags !== 'string' || !/^[im]*$/.test(flags)) throw new DataFileError(file, `"${where}.flags" must be a string of i/m flags`);
  let re: RegExp;
  try {
    re = new RegExp(p, `u${flags}`);
  } catch (err) {
    throw new DataFileError(file, `"${where}" is not a valid pattern: ${(err as Error).message}`, { cause: err });
  }
  // checked as written (with u), but a case-insensitive pattern of plain ASCII runs without u: V8
  // matches \b and \w under "iu" with Unicode case folding, 3 to 10 times slower on every line of
  // a text, and without u such a pattern means the same but for the Kelvin sign and the long s
  if (flags.includes('i') && /^[\x20-\x7e]*$/.test(p) && !/\\[pPu]/.test(p)) re = new RegExp(p, flags);
  // an empty alternative would match every line (trafilatura's `_alt` refuses them for the same reason)
  if (re.test('')) throw new DataFileError(file, `"${where}" matches the empty string`);
  return re;
}

function labelRe(file: string, v: unknown, key: string, template: string): RegExp {
  const labels = arr(file, v, key).map((w, i) => str(file, w, `${key}[${i}]`));
  // longest first, so "Source url" wins over "Source"
  const alt = [...labels].sort((a, b) => b.length - a.length).map((l) => l.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(template.replace('LABELS', alt.join('|')), 'iu');
}

function deepFreeze<T>(o: T): T {
  if (typeof o !== 'object' || o === null || Object.isFrozen(o) || o instanceof RegExp) return o;
  if (o instanceof Map || o instanceof Set) return Object.freeze(o);
  for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}
