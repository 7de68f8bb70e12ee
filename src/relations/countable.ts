import { storedDay } from '../model/date.js';
import type { StoredEvent } from '../store/types.js';

/** A stored event that can stand in a dyad: it has a target, a date and two different sides. */
export type DyadEvent = StoredEvent & { targetCountry: string; date: string; goldstein: number; quad: 1 | 2 | 3 | 4 };

/**
 * Whether an event counts in relations. Negated events ("did not attack") never happened, and
 * hypothetical ones ("if …, we would", an accusation's alleged act) may not have;
 * events without a target or a real day (a bad stored date is none) cannot be placed in a dyad or
 * a period; a country acting
 * on itself (RUS→RUS) is domestic, not a relation between actors. An event whose code has no
 * Goldstein score or quad class (a code outside CAMEO from a user's `--dictionaries`) cannot be
 * weighed: counting it would move the event counts without the mean, so it is left out whole.
 */
export function countable(e: StoredEvent): e is DyadEvent {
  return e.goldstein !== null && e.quad !== null && !e.negated && e.modality !== 'hypothetical' && !!e.sourceCountry && !!e.targetCountry && storedDay(e.date) !== undefined && e.sourceCountry !== e.targetCountry;
}

/** Inclusive ISO-day bounds; ISO days compare correctly as strings. */
export function inRange(date: string, from?: string, to?: string): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/**
 * The two sides of a dyad: as coded, or for an undirected dyad the pair in sorted order so
 * RUS→EU and EU→RUS fall together.
 */
export function dyadOf(e: DyadEvent, undirected: boolean): [string, string] {
  const a = e.sourceCountry;
  const b = e.targetCountry;
  return undirected && b < a ? [b, a] : [a, b];
}
