import type Database from 'better-sqlite3';
import { ALERT_COLUMNS, alertColumns, alertId, alertWhere, storedAlert } from './alert-rows.js';
import type { Alert, AlertFilter, AlertStore, StoredAlert } from './types.js';

/** The change detector's alerts in the SQLite store (table of migration 10); `SqliteStore` hands these calls on. */
export class SqliteAlerts implements AlertStore {
  private readonly insert;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO alerts (${ALERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`);
  }

  async putAlerts(alerts: readonly Alert[]): Promise<StoredAlert[]> {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const added: StoredAlert[] = [];
      for (const a of alerts) {
        const id = alertId(a);
        if (this.insert.run(...alertColumns(a, id, now)).changes === 1) added.push({ ...a, id, createdAt: now });
      }
      return added;
    })();
  }

  async listAlerts(f: AlertFilter = {}): Promise<StoredAlert[]> {
    const params: unknown[] = [];
    const where = alertWhere(f, (v) => (params.push(v), '?'));
    const rows = this.db.prepare(`SELECT * FROM alerts ${where} ORDER BY turn_day DESC, source, target, direction LIMIT ? OFFSET ?`).all(...params, f.limit ?? -1, f.offset ?? 0);
    return (rows as Record<string, unknown>[]).map(storedAlert);
  }

  async countAlerts(f: AlertFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = alertWhere(f, (v) => (params.push(v), '?'));
    return this.db.prepare(`SELECT count(*) FROM alerts ${where}`).pluck().get(...params) as number;
  }
}
