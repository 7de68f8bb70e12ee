import type { CodedEvent } from '../model/event.js';
import { countable, dailySeries, dyadKey, type DailySeries } from '../relations/index.js';
import type { Alert, AlertEvidence, Store, StoredEvent } from '../store/index.js';
import { detectTurns } from './cusum.js';
import { methodName, type CusumParams } from './params.js';

/**
 * The undirected dyads (sorted pairs, as `dyadKey`) that some events name both sides of: what a
 * round's new articles may have changed.
 *
 * @example touchedDyads([{ events: [{ source: { country: 'RUS' }, target: { country: 'EU' } }] }]) // [['EU', 'RUS']]
 */
export function touchedDyads(articles: Iterable<{ events: readonly CodedEvent[] }>): [string, string][] {
  const keys = new Set<string>();
  for (const a of articles) {
    for (const e of a.events) {
      const s = e.source.country;
      const t = e.target?.country;
      if (s && t && s !== t) keys.add(dyadKey([s, t]));
    }
  }
  return [...keys].sort().map((k) => k.split('\t') as [string, string]);
}

/**
 * Every turn of every dyad in `events` (all of a store's, for a full recomputation), each an
 * alert with its evidence; dyads in key order, turns oldest first.
 */
export function alertsFromEvents(events: Iterable<StoredEvent>, p: CusumParams): Alert[] {
  const list = [...events].filter(countable);
  const byDyad = new Map<string, StoredEvent[]>();
  for (const e of list) {
    const key = dyadKey([e.sourceCountry, e.targetCountry!]);
    let l = byDyad.get(key);
    if (!l) byDyad.set(key, (l = []));
    l.push(e);
  }
  const out: Alert[] = [];
  for (const [key, series] of [...dailySeries(list)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(...alertsOfSeries(series, byDyad.get(key) ?? [], p));
  }
  return out;
}

/**
 * The turns of the given dyads only, each read from the store by itself: after a round, what its
 * new events touched, not the whole store. Equal to `alertsFromEvents` over every event
 * restricted to these dyads (test/alerts/incremental.test.ts).
 */
export async function alertsForDyads(store: Store, dyads: readonly (readonly [string, string])[], p: CusumParams): Promise<Alert[]> {
  const out: Alert[] = [];
  for (const [a, b] of dyads) {
    const events = await store.listEvents({ dyad: [a, b], undirected: true });
    out.push(...alertsFromEvents(events, p));
  }
  return out;
}

/**
 * Recomputes the dyads' turns and stores those not stored yet; returns the new ones (none when a
 * round runs again over the same events).
 */
export async function updateAlerts(store: Store, dyads: readonly (readonly [string, string])[], p: CusumParams): Promise<import('../store/index.js').StoredAlert[]> {
  return store.putAlerts(await alertsForDyads(store, dyads, p));
}

function alertsOfSeries(series: DailySeries, events: readonly StoredEvent[], p: CusumParams): Alert[] {
  const { days } = series;
  return detectTurns(days, p).map((t): Alert => {
    const when = days[t.start].day;
    const detectedOn = days[t.detected].day;
    let n = 0;
    for (let i = t.start; i <= t.detected; i++) n += days[i].events;
    return { dyad: series.dyad, when, detectedOn, direction: t.direction, before: t.before, after: t.after, events: n, evidence: evidence(events, when, detectedOn, p.maxEvidence), method: methodName(p) };
  });
}

/** The first events of the new level, one per event group, in date order (as the store lists them). */
function evidence(events: readonly StoredEvent[], from: string, to: string, max: number): AlertEvidence[] {
  const out: AlertEvidence[] = [];
  const groups = new Set<string>();
  for (const e of events) {
    if (out.length >= max) break;
    if (e.date! < from || e.date! > to || groups.has(e.group)) continue;
    groups.add(e.group);
    out.push({ articleId: e.articleId, index: e.index, date: e.date!, code: e.code, goldstein: e.goldstein!, sentence: e.sentence, ...(e.url ? { url: e.url } : {}) });
  }
  return out;
}
