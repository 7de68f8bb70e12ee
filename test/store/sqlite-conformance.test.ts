import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations.js';
import type { Store } from '../../src/store/types.js';
import { storeConformance } from './conformance.js';

storeConformance('sqlite', {
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'entente-conf-'));
    const path = join(dir, 'x.db');
    const open: Store[] = [openSqliteStore(path)];
    const withDb = <T>(f: (db: Database.Database) => T): T => {
      const db = new Database(path);
      try {
        return f(db);
      } finally {
        db.close();
      }
    };
    return {
      store: open[0],
      async reopen() {
        const s = openSqliteStore(path);
        open.push(s);
        return s;
      },
      async schema() {
        return withDb((db) => JSON.stringify([db.pragma('user_version', { simple: true }), db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all()]));
      },
      async bumpVersion() {
        withDb((db) => db.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`));
      },
      async dispose() {
        for (const s of open) await s.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
