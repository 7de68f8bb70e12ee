import type Database from 'better-sqlite3';
import { CORRECTION_COLUMNS, checkedCorrection, correctionColumns, correctionWhere, storedCorrection } from './correction-rows.js';
import type { Correction, CorrectionFilter, CorrectionStore } from './types.js';

/** Analysts' corrections in the SQLite store (table of migration 11); `SqliteStore` hands these calls on. */
export class SqliteCorrections implements CorrectionStore {
  private readonly upsert;
  private readonly remove;
  private readonly ofArticles;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO corrections (${CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, author = excluded.author, at = excluded.at`);
    this.remove = db.prepare('DELETE FROM corrections WHERE key = ?');
    // json_each: one statement whatever the number of articles (SQLite caps a statement's parameters)
    this.ofArticles = db.prepare('SELECT * FROM corrections WHERE article_id IN (SELECT value FROM json_each(?))');
  }

  async putCorrection(given: Omit<Correction, 'key'> & { key?: string }): Promise<Correction> {
    const c = checkedCorrection(given);
    this.upsert.run(...correctionColumns(c));
    return c;
  }

  async removeCorrection(key: string): Promise<boolean> {
    return this.remove.run(key).changes > 0;
  }

  async listCorrections(f: CorrectionFilter = {}): Promise<Correction[]> {
    const params: unknown[] = [];
    const where = correctionWhere(f, (v) => (params.push(v), '?'));
    const rows = this.db.prepare(`SELECT * FROM corrections ${where} ORDER BY at DESC, key LIMIT ? OFFSET ?`).all(...params, f.limit ?? -1, f.offset ?? 0);
    return (rows as Record<string, unknown>[]).map(storedCorrection);
  }

  async countCorrections(f: CorrectionFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = correctionWhere(f, (v) => (params.push(v), '?'));
    return this.db.prepare(`SELECT count(*) FROM corrections ${where}`).pluck().get(...params) as number;
  }

  /** The corrections of these articles, to set on their events and quotes. */
  ofArticlesNow(ids: readonly string[]): Correction[] {
    if (ids.length === 0) return [];
    return (this.ofArticles.all(JSON.stringify(ids)) as Record<string, unknown>[]).map(storedCorrection);
  }
}

/** `notMarkedWrong`'s reading of the trigger's span in SQLite. */
export const sqliteJsonInt = (field: 'start' | 'end') => `json_extract(e.data, '$.${field}')`;
