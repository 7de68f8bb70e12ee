/**
 * Dates in pages: the metadata's, read by `readDate` (model/date.ts), and the one a URL's path writes.
 */
import { readDate } from '../../model/date.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined; // 31 June
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Normalises a date string to ISO (through `readDate`, the one date normaliser), or `undefined`
 * when it is not a date to keep.
 *
 * @example
 * normalizeDate('2019-11-20T13:03:00.000Z') // '2019-11-20T13:03:00.000Z'
 * normalizeDate('2019-11-20T08:03:00-0500') // '2019-11-20T08:03:00-05:00'
 * normalizeDate('November 20, 2019')        // '2019-11-20'
 */
export function normalizeDate(raw: string): string | undefined {
  const r = readDate(raw);
  return r.ok ? r.value : undefined;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)|\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|-|$)/;

/**
 * A date written in a URL's path (`/2019/11/20/`, `/2019-11-20-`, `/20191120/`), as `YYYY-MM-DD`.
 *
 * @example dateFromUrl('https://example.com/news/2019/11/20/story.html') // { value: '2019-11-20', evidence: '/2019/11/20' }
 */
export function dateFromUrl(url: string): { value: string; evidence: string } | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = URL_DATE.exec(path);
  if (!m) return undefined;
  const value = m[1] !== undefined ? ymd(+m[1], +m[2], +m[3]) : ymd(+m[4], +m[5], +m[6]);
  return value === undefined ? undefined : { value, evidence: m[0] };
}
