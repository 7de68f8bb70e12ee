import type { StoredEvent } from '../store/types.js';

/** A stored event that can stand in a dyad: it has a target, a date and two different sides. */
export type DyadEvent = StoredEvent & { targetCountry: string; date: string };

/**
 * Whether an event counts in relations. Negated events ("did not attack") never happened;
 * events without a target or a date cannot be placed in a dyad or a period; a country acting
 * on itself (RUS→RUS) is domestic, not a relation between actors.
 */
export function countable(e: StoredEvent): e is DyadEvent {
  return !e.negated && !!e.sourceCountry && !!e.targetCountry && !!e.date && e.sourceCountry !== e.targetCountry;
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
