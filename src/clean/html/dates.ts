/**
 * Date strings as pages print them, turned into ISO: `YYYY-MM-DD` when only a day is given, a
 * full ISO timestamp when a time is. Written out by hand rather than through `Date.parse` for
 * day-only forms, because `Date.parse('November 20, 2019')` reads local time and can shift the day.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined; // 31 June
  return `${y}-${pad(m)}-${pad(d)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_FIRST = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;

/**
 * Normalises a date string to ISO, or `undefined` when it is not a date this reads with confidence.
 *
 * @example
 * normalizeDate('2019-11-20T13:03:00.000Z') // '2019-11-20T13:03:00.000Z'
 * normalizeDate('2019-11-20T08:03:00-0500') // '2019-11-20T08:03:00-05:00'
 * normalizeDate('November 20, 2019')        // '2019-11-20'
 */
export function normalizeDate(raw: string): string | undefined {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s.length === 0 || s.length > 64) return undefined;
  let m = ISO.exec(s);
  if (m) {
    const day = ymd(+m[1], +m[2], +m[3]);
    if (day === undefined) return undefined;
    if (m[4] === undefined) return day;
    if (+m[4] > 23 || +m[5] > 59) return undefined;
    const zone = m[8] === undefined ? '' : m[8].toUpperCase() === 'Z' ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
    return `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`;
  }
  if ((m = SLASHED.exec(s)) || (m = COMPACT.exec(s))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = MONTH_FIRST.exec(s))) {
    const mon = MONTHS[m[1].slice(0, 3).toLowerCase()];
    return mon === undefined ? undefined : ymd(+m[3], mon, +m[2]);
  }
  if ((m = DAY_FIRST.exec(s))) {
    const mon = MONTHS[m[2].slice(0, 3).toLowerCase()];
    return mon === undefined ? undefined : ymd(+m[3], mon, +m[1]);
  }
  // RFC 2822 and other forms with a time of day: let the engine read them, in UTC
  if (/\d{1,2}:\d{2}/.test(s) && /\d{4}/.test(s)) {
    const t = Date.parse(s);
    if (Number.isFinite(t)) {
      const iso = new Date(t).toISOString();
      const y = +iso.slice(0, 4);
      if (y >= 1900 && y <= 2100) return iso;
    }
  }
  return undefined;
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
