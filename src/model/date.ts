/**
 * The one date normaliser: every date that enters entente (a JSON line's or an API article's
 * `date`, an HTML page's JSON-LD, meta tags and `<time>` elements, `entente code` input) is read
 * here, and the readers of a store use `storedDay`/`storedDate` so that a bad value written into
 * a store by other means is treated as undated instead of breaking a route or a command.
 *
 * Accepted: ISO dates and datetimes (with or without a zone), `YYYYMMDD`, `YYYY/MM/DD`,
 * RFC 2822 / HTTP dates ("Tue, 23 Mar 2021 10:15:00 GMT"), "March 23, 2021", "23 March 2021"
 * (a weekday before either is allowed). Rejected, with a reason: impossible days (month 13,
 * day 0, 30 February), years before `EARLIEST_YEAR`, days more than `FUTURE_GRACE_DAYS` after
 * today (UTC), ambiguous forms ("03/04/2021") and anything that is not a date.
 *
 * Day-only forms are read by hand, not by `Date.parse`, which reads them in local time and can
 * shift the day.
 */
import type { ArticleMeta, FoundBy } from './article.js';

/** News is not written before this year; 0000 and 0001 are placeholders, not dates. */
export const EARLIEST_YEAR = 1800;
/**
 * How far after today (UTC) a date may be: a story dated tomorrow is a time zone ahead
 * (UTC+14 at most) or a clock a little fast; one dated next week is a mistake.
 */
export const FUTURE_GRACE_DAYS = 2;

/** A date read: its ISO form, or why it was rejected. */
export type DateReading = { ok: true; value: string } | { ok: false; reason: string };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(`^${WEEKDAY}([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?([a-z]{3,9})\\.?,?\\s+(\\d{4})$`, 'i');
/** RFC 2822 / HTTP dates and "March 23, 2021 10:15 AM EST": a month name, a year and a time of day */
const WITH_TIME = /^[a-z0-9 ,.:+-]+$/i;

/** A month name or its abbreviation of three letters or more ("Sept", "Nov"), or undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

/** Why `y-m-d` is not a day to keep, or undefined when it is one. */
function dayProblem(y: number, m: number, d: number, now: number): string | undefined {
  if (m < 1 || m > 12) return `there is no month ${pad(m)}`;
  if (d < 1 || d > 31 || new Date(Date.UTC(y, m - 1, d)).getUTCMonth() !== m - 1) return `there is no day ${pad(d)} in month ${pad(m)}`;
  if (y < EARLIEST_YEAR) return `the year ${pad(y, 4)} is before ${EARLIEST_YEAR}`;
  const latest = new Date(now + FUTURE_GRACE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (`${pad(y, 4)}-${pad(m)}-${pad(d)}` > latest) return `it is more than ${FUTURE_GRACE_DAYS} days after today (latest accepted: ${latest})`;
  return undefined;
}

function day(y: number, m: number, d: number, now: number): DateReading {
  const problem = dayProblem(y, m, d, now);
  return problem ? { ok: false, reason: problem } : { ok: true, value: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/**
 * Reads a date as the common forms write it. `now` (milliseconds) bounds the future; the
 * callers at the edges pass the clock, tests a fixed time.
 *
 * @example readDate('20190301') // { ok: true, value: '2019-03-01' }
 * @example readDate('2019-11-20T08:03:00-0500') // { ok: true, value: '2019-11-20T08:03:00-05:00' }
 * @example readDate('2019-13-01') // { ok: false, reason: 'there is no month 13' }
 * @example readDate('last Tuesday lol') // { ok: false, reason: 'not a date …' }
 */
export function readDate(raw: unknown, now: number = Date.now()): DateReading {
  if (typeof raw !== 'string') return { ok: false, reason: `a date must be a string, not ${raw === null ? 'null' : typeof raw}` };
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s.length === 0) return { ok: false, reason: 'it is empty' };
  if (s.length > 64) return { ok: false, reason: 'it is too long to be a date' };
  let m = ISO.exec(s);
  if (m) {
    const r = day(+m[1], +m[2], +m[3], now);
    if (!r.ok || m[4] === undefined) return r;
    if (+m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return { ok: false, reason: `there is no time of day ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}` };
    const zone = m[8] === undefined ? '' : m[8].toUpperCase() === 'Z' ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
    return { ok: true, value: `${r.value}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}` };
  }
  if ((m = SLASHED.exec(s)) || (m = COMPACT.exec(s))) return day(+m[1], +m[2], +m[3], now);
  if ((m = MONTH_FIRST.exec(s))) {
    const mon = monthOf(m[1]);
    if (mon !== undefined) return day(+m[3], mon, +m[2], now);
  }
  if ((m = DAY_FIRST.exec(s))) {
    const mon = monthOf(m[2]);
    if (mon !== undefined) return day(+m[3], mon, +m[1], now);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s)) return { ok: false, reason: 'day and month order is ambiguous; write YYYY-MM-DD' };
  // RFC 2822 and other forms with a time of day: the engine reads those, in UTC, once a month
  // name, a four-digit year and a time of day are all there (Date.parse alone takes "soon 1")
  const words = s.match(/[a-z]+/gi) ?? [];
  if (WITH_TIME.test(s) && /\d{1,2}:\d{2}/.test(s) && /\b\d{4}\b/.test(s) && words.some((w) => monthOf(w) !== undefined)) {
    const t = Date.parse(s);
    if (Number.isFinite(t)) {
      const iso = new Date(t).toISOString();
      const r = day(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10), now);
      return r.ok ? { ok: true, value: iso } : r;
    }
  }
  return { ok: false, reason: 'not a date entente reads (e.g. 2021-03-23, 20210323, March 23, 2021, Tue, 23 Mar 2021 10:15:00 GMT)' };
}

/**
 * The UTC day of an accepted date (a timestamp with a zone moves to its UTC day).
 * @example dayOfDate('2021-03-23T23:30:00-05:00') // '2021-03-24'
 */
export function dayOfDate(value: string): string {
  if (value.length === 10 || !/(?:Z|[+-]\d{2}:\d{2})$/i.test(value)) return value.slice(0, 10);
  return new Date(Date.parse(value)).toISOString().slice(0, 10);
}

const STORED = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A date read back from a store, or undefined when the stored value is not one entente writes
 * (`YYYY-MM-DD`, or an ISO timestamp for an article): a bad value is undated, never an error.
 * The clock is not read: what was accepted once stays readable.
 * @example storedDate('2021-03-23T10:15:00Z') // '2021-03-23T10:15:00Z'
 * @example storedDate('last Tuesd') // undefined
 */
export function storedDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = STORED.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (y < EARLIEST_YEAR || mo < 1 || mo > 12 || d < 1 || new Date(Date.UTC(y, mo - 1, d)).getUTCMonth() !== mo - 1) return undefined;
  return value;
}

/** A stored event's day (`YYYY-MM-DD` only), or undefined. @example storedDay('2019-13-01') // undefined */
export function storedDay(value: unknown): string | undefined {
  return typeof value === 'string' && value.length === 10 ? storedDate(value) : undefined;
}

/** A date the input gave and `readDate` rejected: where it was and why. */
export interface RejectedDate {
  value: string;
  by: FoundBy;
  /** where in the input: `the input's "date" field`, `meta article:published_time` */
  evidence: string;
  reason: string;
}

/** Adds rejected dates to `meta.rejectedDate` (the first value; every one in the evidence). */
export function noteRejectedDates(meta: ArticleMeta, rejected: readonly RejectedDate[]): void {
  if (rejected.length === 0) return;
  const why = rejected.map((r) => `${r.evidence} ${JSON.stringify(r.value)} rejected: ${r.reason}`).join('; ');
  const had = meta.rejectedDate;
  meta.rejectedDate = had
    ? { ...had, evidence: `${had.evidence}; ${why}` }
    : { value: rejected[0].value, by: rejected[0].by, evidence: why, rule: 'date-rejected' };
}
