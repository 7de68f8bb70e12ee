/**
 * Reading dates in English news text: absolute dates ("December 25, 2022", "Nov. 30, 2021",
 * "23 March 2021", "2021-03-23"), a line that is only a date (a dateline), a date in a URL path
 * (/2021/03/23/), and weekday references ("on Tuesday"). Month and weekday names come from
 * `data/clean/dates.json`. Calendar arithmetic is UTC and never reads the clock.
 */
import type { Calendar } from './_data.js';

/** A date written out in the text. */
export interface DateMention {
  /** YYYY-MM-DD */
  iso: string;
  /** as written */
  text: string;
  start: number;
  end: number;
}

/** A weekday word the text uses as a date ("on Tuesday"). */
export interface WeekdayMention {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  text: string;
  start: number;
  end: number;
}

const patterns = new WeakMap<Calendar, { mdy: RegExp; dmy: RegExp; iso: RegExp; weekday: RegExp }>();

function alt(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

function compiled(cal: Calendar) {
  let p = patterns.get(cal);
  if (!p) {
    const month = `(?<month>${alt(cal.months.keys())})\\.?`;
    const weekday = `(?:(?:${alt(cal.weekdays.keys())})\\.?,?\\s+)?`;
    p = {
      // "Tuesday, Nov. 30, 2021", "December 25, 2022", "March 23 2021"
      mdy: new RegExp(`\\b${weekday}${month}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b`, 'giu'),
      // "23 March 2021", "Tuesday 23rd of March, 2021"
      dmy: new RegExp(`\\b${weekday}(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month},?\\s+(?<year>\\d{4})\\b`, 'giu'),
      iso: /\b(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})\b/gu,
      weekday: new RegExp(`\\b(?<name>${alt(cal.weekdays.keys())})\\b`, 'giu'),
    };
    patterns.set(cal, p);
  }
  return p;
}

/**
 * `YYYY-MM-DD` for a real calendar day, or undefined.
 * @example isoDate(2022, 12, 25) // '2022-12-25'
 * @example isoDate(2021, 2, 29) // undefined
 */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return undefined;
  return t.toISOString().slice(0, 10);
}

/** Weekday of an ISO date, 0 = Sunday. @example weekdayOf('2022-12-25') // 0 */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** @example addDays('2022-12-25', 2) // '2022-12-27' */
export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/**
 * The first day with `weekday` on or after `anchor`: a story that names "Tuesday" after its
 * latest dated event happened that Tuesday (the anchor itself when it is one).
 * @example onOrAfter('2022-12-25', 2) // '2022-12-27'
 */
export function onOrAfter(anchor: string, weekday: number): string {
  return addDays(anchor, (weekday - weekdayOf(anchor) + 7) % 7);
}

/**
 * Every absolute date written in `text`, in order.
 * @example findDates('on December 25, 2022.', cal)[0].iso // '2022-12-25'
 */
export function findDates(text: string, cal: Calendar): DateMention[] {
  const p = compiled(cal);
  const out: DateMention[] = [];
  const take = (re: RegExp, monthOf: (s: string) => number | undefined) => {
    for (const m of text.matchAll(re)) {
      const g = m.groups ?? {};
      const month = monthOf(g.month ?? '');
      const iso = month === undefined ? undefined : isoDate(Number(g.year), month, Number(g.day));
      if (iso) out.push({ iso, text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  };
  take(p.mdy, (s) => cal.months.get(s.toLowerCase()));
  take(p.dmy, (s) => cal.months.get(s.toLowerCase()));
  take(p.iso, (s) => Number(s));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((d, i) => i === 0 || d.start >= out[i - 1].end);
}

/**
 * The date of a line that holds only a date, possibly labelled and timed
 * ("March 23, 2021", "Published: Tuesday, 23 March 2021 10:15 GMT").
 * @example dateLine('Published March 23, 2021', cal, data.datelineLabel) // '2021-03-23'
 */
export function dateLine(line: string, cal: Calendar, label: RegExp): string | undefined {
  if (line.length > 80) return undefined;
  const rest = line.trim().replace(label, '');
  const found = findDates(rest, cal);
  if (found.length !== 1) return undefined;
  const d = found[0];
  const before = rest.slice(0, d.start).trim();
  const after = rest
    .slice(d.end)
    // a time and a zone: "10:15 am", "| 08:00 GMT", "at 14:30 (UTC+3)"
    .replace(/^[\s,|–—-]*(?:[aA]t\s+)?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[aApP]\.?[mM]\.?)?)?\s*(?:\(?(?:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*$/u, '');
  return before === '' && after === '' ? d.iso : undefined;
}

/**
 * The date in a URL path: /2021/03/23/.
 * @example dateFromUrl('https://x.com/2021/03/23/story') // '2021-03-23'
 */
export function dateFromUrl(url: string): string | undefined {
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[?#])/u.exec(url);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * Weekday words used as dates: "on Tuesday", "the minister said Tuesday", not "last Tuesday" nor the
 * weekday of a written-out date ("Tuesday, Nov. 30, 2021").
 * @example weekdayMentions('The minister on Tuesday said', cal)[0].text // 'on Tuesday'
 */
export function weekdayMentions(text: string, cal: Calendar): WeekdayMention[] {
  const p = compiled(cal);
  const dated = findDates(text, cal);
  const out: WeekdayMention[] = [];
  for (const m of text.matchAll(p.weekday)) {
    const name = m.groups?.name ?? '';
    const start = m.index ?? 0;
    const end = start + name.length;
    // full names only: "Sat" or "Wed" as a word is too often something else
    if (![...cal.weekdays.keys()].some((k) => k.length >= 6 && k === name.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(name)) continue;
    if (dated.some((d) => start >= d.start && start < d.end)) continue;
    const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
    const prev = /([\p{L}]+)\s+$/u.exec(before)?.[1] ?? '';
    if (cal.relativeBlockers.has(prev)) continue;
    const lead = cal.relativeLeads.find((l) => before.endsWith(`${l} `));
    const from = lead ? start - lead.length - 1 : start;
    out.push({ weekday: cal.weekdays.get(name.toLowerCase()) ?? 0, text: text.slice(from, end), start: from, end });
  }
  return out;
}
