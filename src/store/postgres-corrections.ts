import type pg from 'pg';
import { CORRECTION_COLUMNS, checkedCorrection, correctionColumns, correctionWhere, storedCorrection } from './correction-rows.js';
import type { Correction, CorrectionFilter, CorrectionStore } from './types.js';

/** Analysts' corrections in the PostgreSQL store (table of migration 9); `PostgresStore` hands these calls on. */
export class PostgresCorrections implements CorrectionStore {
  constructor(private readonly pool: pg.Pool) {}

  async putCorrection(given: Omit<Correction, 'key'> & { key?: string }): Promise<Correction> {
    const c = checkedCorrection(given);
    // one statement: two analysts marking the same item at once leave the later verdict
    await this.pool.query(
      `INSERT INTO corrections (${CORRECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (key) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, author = excluded.author, at = excluded.at`,
      correctionColumns(c),
    );
    return c;
  }

  async removeCorrection(key: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM corrections WHERE key = $1', [key])).rowCount ?? 0) > 0;
  }

  async listCorrections(f: CorrectionFilter = {}): Promise<Correction[]> {
    const params: unknown[] = [];
    const where = correctionWhere(f, (v) => `$${params.push(v)}`);
    params.push(f.limit ?? null, f.offset ?? 0);
    const { rows } = await this.pool.query(
      `SELECT * FROM corrections ${where} ORDER BY at DESC, key LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(storedCorrection);
  }

  async countCorrections(f: CorrectionFilter = {}): Promise<number> {
    const params: unknown[] = [];
    const where = correctionWhere(f, (v) => `$${params.push(v)}`);
    return (await this.pool.query(`SELECT count(*)::int AS n FROM corrections ${where}`, params)).rows[0].n as number;
  }

  /** The corrections of these articles, to set on their events and quotes. */
  async ofArticles(db: Pick<pg.Pool | pg.PoolClient, 'query'>, ids: readonly string[]): Promise<Correction[]> {
    if (ids.length === 0) return [];
    return (await db.query('SELECT * FROM corrections WHERE article_id = ANY($1)', [ids])).rows.map(storedCorrection);
  }
}

/** `notMarkedWrong`'s reading of the trigger's span in PostgreSQL (events.data is JSON as text). */
export const postgresJsonInt = (field: 'start' | 'end') => `((e.data::jsonb) ->> '${field}')::int`;
