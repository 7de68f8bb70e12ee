/**
 * An act retold: news tells an act with its day first ("Trump and Xi agreed on Saturday to …") and
 * comes back to it later without one ("the deal between Trump and Xi", "Trump and Xi have agreed
 * to avoid escalation"), which the date step then gives the article's day. An event dated only by
 * the article takes the day of the same act (same sides, same CAMEO root) told earlier in the
 * article with a day of its own, when that day is before the article's.
 */
import type { CodedEvent } from '../model/event.js';

/** Redate, in place, the events of `out` that retell an act dated earlier in the article (`dateBy: 'earlier'`). */
export function dateRetold(out: CodedEvent[]): void {
  const dated = new Map<string, string>();
  for (const e of out) {
    const key = `${e.source.country}>${e.target?.country ?? ''}:${e.root}`;
    if (e.dateBy === 'sentence' && e.date && e.modality !== 'future') {
      if (!dated.has(key)) dated.set(key, e.date);
    } else if (e.dateBy === 'article' && e.date && e.modality === 'asserted') {
      const d = dated.get(key);
      if (d && d < e.date) {
        e.date = d;
        e.dateBy = 'earlier';
      }
    }
  }
}
