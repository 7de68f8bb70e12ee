/** How finely a relation series is cut in time. */
export type Period = 'day' | 'week' | 'month';

export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseDay(date: string): Date {
  const m = ISO_DAY.exec(date);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  // Date.UTC rolls 2021-02-31 over to March; a rolled date is a bad date, not a different one
  if (!d || d.getUTCDate() !== +m![3] || d.getUTCMonth() !== +m![2] - 1) {
    throw new RangeError(`not an ISO day (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return d;
}

/** Monday of the ISO week holding `d`, and the ISO week-numbering year (which differs near 1 January). */
function isoWeek(d: Date): { year: number; week: number; monday: Date } {
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(d.getTime() - weekday * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return { year, week, monday };
}

/**
 * The period label of an ISO day.
 * @example periodOf('2021-03-23', 'week') // '2021-W12'
 * @example periodOf('2021-01-02', 'week') // '2020-W53'
 * @example periodOf('2021-03-23', 'month') // '2021-03'
 */
export function periodOf(date: string, period: Period): string {
  const d = parseDay(date);
  if (period === 'day') return date;
  if (period === 'month') return date.slice(0, 7);
  const { year, week } = isoWeek(d);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * A whole number per period, consecutive periods one apart, so a slope over periods counts
 * the gaps between them (months without events still lie between their neighbours).
 * @example periodIndex('2021-03', 'month') - periodIndex('2020-12', 'month') // 3
 */
export function periodIndex(label: string, period: Period): number {
  if (period === 'day') return parseDay(label).getTime() / DAY_MS;
  if (period === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(label);
    if (!m || +m[2] < 1 || +m[2] > 12) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(label)}`);
    return +m[1] * 12 + (+m[2] - 1);
  }
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) throw new RangeError(`not an ISO week (YYYY-Www): ${JSON.stringify(label)}`);
  // week 1 is the week holding 4 January
  const { monday } = isoWeek(new Date(Date.UTC(+m[1], 0, 4)));
  return Math.round(monday.getTime() / DAY_MS / 7) + (+m[2] - 1);
}
