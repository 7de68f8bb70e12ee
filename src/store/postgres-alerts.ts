import type pg from 'pg';
import { ALERT_COLUMNS, alertColumns, alertId, alertWhere, storedAlert } from './alert-rows.js';
import type { Alert, AlertFilter, AlertStore, StoredAlert } from './types.js';

/** The change detector's alerts in the PostgreSQL store (table of migration 8); `PostgresStore` hands these calls on. */
export class PostgresAlerts implements AlertStore {
  constructor(private readonly pool: pg.Pool) {}

  async putAlerts(alerts: readonly Alert[]): Promise<StoredAlert[]> {
    const now = new Date().toISOString();
    const added: StoredAlert[] = [];
    // one statement each: two watchers finding the same turn at once store it once
    for (const a of alerts) {
      const id = alertId(a);
      const { rowCount } = await this.pool.query(
        `INSERT INTO alerts (${ALERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
        alertColumns(a, id, now),
      );
      if (rowCount === 1) added.push({ ...a, id, createdAt: now });
    }
    return added;
  }

  async listAlerts(f: AlertFilter = {}): Promise<StoredAlert[]> {
    const params: unknown[] = [];
    const where = alertWhere(f, (v) => (params.push(v), `$${params.length}`));
    params.push(f.limit ?? null, f.offset ?? 0);
    const { rows } = await this.pool.query(
      `SELECT * FROM alerts ${where} ORDER BY turn_day DESC, source, target, direction LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(storedAlert);
  }

  async countAlerts(f: AlertFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = alertWhere(f, (v) => (params.push(v), `$${params.length}`));
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM alerts ${where}`, params);
    return rows[0].n as number;
  }
}
