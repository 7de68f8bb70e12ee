import type { DyadViewParams } from '../api.js';
import { link, type Route } from '../route.js';

/*
 * The explorer's view as it stands in the URL, so a reload, a bookmark or a link shows the same:
 * `#/dyad/A/B?dir=ab&from=…&to=…&period=…&window=…&quad=…&code=…&outlet=…&conf=…&before=…`.
 * Defaults are left out of the URL.
 */

export const PERIODS = ['day', 'week', 'month'] as const;
export const WINDOWS = [1, 3, 6, 12, 24] as const;

export interface DyadState {
  a: string;
  b: string;
  /** `both`: A→B and B→A together (the default); `ab`: A→B only */
  dir: 'both' | 'ab';
  from: string;
  to: string;
  period: (typeof PERIODS)[number];
  window: number;
  quad: string;
  code: string;
  outlet: string;
  /** lowest confidence, 0–1 */
  conf: string;
  /** the evidence page: older than this cursor, or newer than that one */
  before: string;
  after: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURSOR = /^\d{4}-\d{2}-\d{2}:\d{1,18}$/;

/** What is in the URL, anything malformed dropped (the page then shows its default, not an error). */
export function readDyadState(route: Route): DyadState {
  const p = route.params;
  const get = (k: string, ok: RegExp) => (ok.test(p.get(k) ?? '') ? p.get(k)! : '');
  const period = (PERIODS as readonly string[]).includes(p.get('period') ?? '') ? (p.get('period') as DyadState['period']) : 'month';
  const window = Number(p.get('window'));
  return {
    a: (route.parts[0] ?? '').toUpperCase(),
    b: (route.parts[1] ?? '').toUpperCase(),
    dir: p.get('dir') === 'ab' ? 'ab' : 'both',
    from: get('from', DAY),
    to: get('to', DAY),
    period,
    window: Number.isInteger(window) && window >= 1 && window <= 120 ? window : 3,
    quad: get('quad', /^[1-4]$/),
    code: get('code', /^\d{1,4}$/),
    outlet: (p.get('outlet') ?? '').trim().slice(0, 200),
    conf: get('conf', /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/),
    before: get('before', CURSOR),
    after: get('after', CURSOR),
  };
}

/** The URL of the view with `patch` applied; a new range or filter starts again from the newest page. */
export function dyadLink(s: DyadState, patch: Partial<DyadState> = {}): string {
  const v = { ...s, ...patch };
  const paging = 'before' in patch || 'after' in patch;
  return link('dyad', [v.a, v.b], {
    dir: v.dir === 'ab' ? 'ab' : undefined,
    from: v.from, to: v.to,
    period: v.period === 'month' ? undefined : v.period,
    window: v.window === 3 ? undefined : v.window,
    quad: v.quad, code: v.code, outlet: v.outlet, conf: v.conf,
    before: paging ? v.before : undefined, after: paging ? v.after : undefined,
  });
}

/** The API's parameters for the view (its range and filters, not its page). */
export function viewParams(s: DyadState): DyadViewParams {
  return {
    a: s.a, b: s.b, undirected: s.dir === 'both' ? 'true' : undefined,
    from: s.from || undefined, to: s.to || undefined, quad: s.quad || undefined, code: s.code || undefined,
    outlet: s.outlet || undefined, minConfidence: s.conf || undefined,
  };
}
