/**
 * Relations between actors over time, derived from stored events and rebuildable from them:
 * pure functions over `StoredEvent[]` (see `store.listEvents`).
 */
export { relationSeries, type SeriesOptions, type SeriesRow } from './series.js';
export { topDyads, type DyadOptions, type DyadRow } from './dyads.js';
export { partners, type PartnerRow } from './partners.js';
export { periodOf, periodIndex, PERIODS, type Period } from './period.js';
export { countable } from './countable.js';
export { slope } from './trend.js';
export type { QuadCounts, RelationStats } from './tally.js';
export { dailySeries, dyadKey, type DailySeries, type DayPoint } from './daily.js';
