import type { StoredEvent } from '../store/types.js';
import { countable, inRange } from './countable.js';
import { topDyads, type DyadOptions, type DyadRow } from './dyads.js';

export interface PartnerRow extends Omit<DyadRow, 'source' | 'target'> {
  actor: string;
  partner: string;
  /** de-duplicated events the actor did to the partner, and the partner to the actor */
  sent: number;
  received: number;
}

/**
 * Everyone an actor (a country or organisation code, "RUS", "EU") dealt with, in either
 * direction, most events first. Figures are for both directions together; `sent` and
 * `received` split the count.
 */
export function partners(events: Iterable<StoredEvent>, actor: string, opts: Omit<DyadOptions, 'undirected'> = {}): PartnerRow[] {
  const mine = [...events].filter(
    (e) => countable(e) && inRange(e.date, opts.from, opts.to) && (e.sourceCountry === actor || e.targetCountry === actor),
  );
  const directed = new Map(topDyads(mine, { ...opts, limit: undefined }).map((r) => [`${r.source}\t${r.target}`, r.events]));
  return topDyads(mine, { ...opts, undirected: true }).map(({ source, target, ...stats }) => {
    const partner = source === actor ? target : source;
    return {
      actor, partner, ...stats,
      sent: directed.get(`${actor}\t${partner}`) ?? 0,
      received: directed.get(`${partner}\t${actor}`) ?? 0,
    };
  });
}
