import type { DyadEvent } from './countable.js';

/** Quad-class counts: verbal cooperation, material cooperation, verbal conflict, material conflict. */
export type QuadCounts = [number, number, number, number];

/** What every relation row reports about the events in it. */
export interface RelationStats {
  /** de-duplicated events: one per event group, however many articles reported it */
  events: number;
  quad: QuadCounts;
  goldsteinSum: number;
  /** 0 when there are no events */
  goldsteinMean: number;
  /** distinct outlets reporting these events (an article counts as its own outlet when the outlet is unknown) */
  sources: number;
}

/**
 * Adds up events into relation figures, counting each event group once: the same event in
 * several articles (one event, several mentions) weighs one, though each mention's outlet still
 * counts as a source.
 */
export class Tally {
  private readonly groups = new Set<string>();
  private readonly outlets = new Set<string>();
  private readonly quad: QuadCounts = [0, 0, 0, 0];
  private sum = 0;
  first?: string;
  last?: string;

  add(e: DyadEvent): void {
    this.outlets.add(e.outlet !== undefined && e.outlet !== '' ? `outlet:${e.outlet}` : `article:${e.articleId}`);
    if (this.first === undefined || e.date < this.first) this.first = e.date;
    if (this.last === undefined || e.date > this.last) this.last = e.date;
    if (this.groups.has(e.group)) return;
    this.groups.add(e.group);
    this.quad[e.quad - 1]++;
    this.sum += e.goldstein;
  }

  stats(): RelationStats {
    const events = this.groups.size;
    return {
      events,
      quad: [...this.quad] as QuadCounts,
      goldsteinSum: round(this.sum),
      goldsteinMean: events ? round(this.sum / events) : 0,
      sources: this.outlets.size,
    };
  }
}

/** Four decimals: enough for Goldstein (one decimal per event) without float noise in JSON output. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4 || 0;
}
