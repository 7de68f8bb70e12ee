import { createHash } from 'node:crypto';
import type { Alert, AlertFilter, StoredAlert } from './types.js';

type Row = Record<string, unknown>;

/**
 * The id of a turn: the same dyad, day and direction give the same id whatever the run, so a
 * round that runs again, or a watcher on another machine, stores a turn once.
 *
 * @example alertId({ dyad: ['ISR', 'PSE'], when: '2024-03-01', direction: 'cooling' }) // 'c1f0…' (16 hex)
 */
export function alertId(a: Pick<Alert, 'dyad' | 'when' | 'direction'>): string {
  return createHash('sha256').update(`${a.dyad[0]}\t${a.dyad[1]}\t${a.when}\t${a.direction}`).digest('hex').slice(0, 16);
}

/** The columns of an alert, in the order of both stores' INSERT. */
export function alertColumns(a: Alert, id: string, createdAt: string): unknown[] {
  return [id, a.dyad[0], a.dyad[1], a.when, a.detectedOn, a.direction, a.before, a.after, a.events, JSON.stringify(a.evidence), a.method, createdAt];
}

export const ALERT_COLUMNS = 'id, source, target, turn_day, detected_on, direction, mean_before, mean_after, events, evidence, method, created_at';

/** An `alerts` row as the alert (SQLite and PostgreSQL name the columns alike). */
export function storedAlert(r: Row): StoredAlert {
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return {
    id: r.id as string,
    dyad: [r.source as string, r.target as string],
    when: day(r.turn_day),
    detectedOn: day(r.detected_on),
    direction: r.direction as StoredAlert['direction'],
    before: Number(r.mean_before),
    after: Number(r.mean_after),
    events: Number(r.events),
    evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : (r.evidence as StoredAlert['evidence']),
    method: r.method as string,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
}

/**
 * The WHERE clause of an alert filter with placeholders made by `mark` (`?` or `$n`): a dyad in
 * either order (alerts keep the sorted pair), an actor on either side, turn days inclusive.
 */
export function alertWhere(f: AlertFilter, mark: (value: unknown) => string): string {
  const where: string[] = [];
  if (f.dyad) {
    const [a, b] = f.dyad[0] <= f.dyad[1] ? f.dyad : [f.dyad[1], f.dyad[0]];
    where.push(`source = ${mark(a)} AND target = ${mark(b)}`);
  }
  if (f.actor !== undefined) where.push(`(source = ${mark(f.actor)} OR target = ${mark(f.actor)})`);
  if (f.from !== undefined) where.push(`turn_day >= ${mark(f.from)}`);
  if (f.to !== undefined) where.push(`turn_day <= ${mark(f.to)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
