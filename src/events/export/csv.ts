import type { Writable } from 'node:stream';
import type { StoredEvent } from '../../store/types.js';
import { put, triggerText, type EventSource } from './stream.js';

/** The CSV export's columns: one row per event mention, with its evidence and offsets in the cleaned text. */
export const CSV_COLUMNS = [
  'event', 'article', 'index', 'date', 'source', 'source_country', 'source_name', 'target', 'target_country', 'target_name',
  'code', 'root', 'plover', 'mode', 'quad', 'goldstein', 'negated', 'modality', 'confidence', 'rule',
  'outlet', 'url', 'article_date', 'sentence_index', 'sentence_start', 'sentence_end', 'trigger_start', 'trigger_end', 'trigger', 'sentence',
] as const;

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage return
 * (OWASP, "CSV injection"). A plain number ("-7.5") is data, not a formula.
 */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * The cell as text a spreadsheet shows rather than runs: a leading `'` before a formula. Every
 * table entente writes for spreadsheets (CSV, GDELT's tab-separated tables) puts its cells
 * through here; titles, outlets, addresses and sentences come from the input.
 * @example formulaSafe('=1+1') // "'=1+1"
 */
export function formulaSafe(s: string): string {
  return FORMULA.test(s) && !NUMBER.test(s) ? "'" + s : s;
}

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled, and
 * formula-safe.
 * @example csvField('said "no", twice') // '"said ""no"", twice"'
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(v: string | number | boolean | undefined): string {
  const s = formulaSafe(v === undefined ? '' : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 ends records with CRLF. */
export function csvLine(fields: (string | number | boolean | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function csvRow(e: StoredEvent): (string | number | boolean | undefined)[] {
  const c = e.event;
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
    event: e.group, article: e.articleId, index: e.index, date: e.date,
    source: e.source, source_country: e.sourceCountry, source_name: c.source.name,
    target: e.target, target_country: e.targetCountry, target_name: c.target?.name,
    code: e.code, root: e.root, plover: e.plover, mode: c.plover?.mode ?? undefined, quad: e.quad ?? undefined, goldstein: e.goldstein ?? undefined,
    negated: e.negated, modality: e.modality, confidence: e.confidence, rule: e.rule,
    outlet: e.outlet, url: e.url, article_date: e.articleDate,
    sentence_index: c.sentence, sentence_start: c.sentenceSpan.start, sentence_end: c.sentenceSpan.end,
    trigger_start: c.start, trigger_end: c.end, trigger: triggerText(e), sentence: e.sentence,
  };
  return CSV_COLUMNS.map((k) => row[k]);
}

/** Writes a header and one row per stored event (each mention of an event is its own row). */
export async function writeCsv(events: EventSource, out: Writable): Promise<{ rows: number }> {
  await put(out, csvLine([...CSV_COLUMNS]));
  let rows = 0;
  for await (const e of events) {
    await put(out, csvLine(csvRow(e)));
    rows++;
  }
  return { rows };
}
