/**
 * Schema migrations of the SQLite store, applied in order; `PRAGMA user_version` records how
 * many have run. Never edit a released migration: add one. A migration is SQL, or a function
 * for a repair SQL cannot write (it runs in the same transaction).
 */
import type Database from 'better-sqlite3';
import { DATED_TABLES, repairOf, repairSql, repairedRow } from './date-repair.js';

export type SqliteMigration = string | ((db: Database.Database) => void);

/** Every stored date read by `readDate`: normalised when it is one, NULL when it is not (see date-repair.ts). */
export function repairSqliteDates(db: Database.Database, now: number = Date.now()): number {
  let repaired = 0;
  for (const t of DATED_TABLES) {
    const sql = repairSql(t, () => '?');
    const update = db.prepare(sql.update);
    for (const was of db.prepare(sql.values).pluck().all() as unknown[]) {
      const fix = repairOf(String(was), t.day, now);
      if (fix.keep) continue;
      for (const row of db.prepare(sql.rows).all(was) as { key: unknown; json: string; grp?: string }[]) {
        update.run(...repairedRow(t, row, String(was), fix));
        repaired++;
      }
    }
  }
  return repaired;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     format TEXT NOT NULL,
     encoding TEXT NOT NULL,
     input_length INTEGER NOT NULL,
     title TEXT, date TEXT, source TEXT, url TEXT, author TEXT, language TEXT,
     text TEXT NOT NULL,
     meta TEXT NOT NULL,
     captions TEXT NOT NULL,
     removed TEXT NOT NULL,
     source_map BLOB NOT NULL,
     paragraphs BLOB NOT NULL,
     sentences BLOB NOT NULL,
     tokens BLOB NOT NULL,
     n_sentences INTEGER NOT NULL,
     ingested_at TEXT NOT NULL
   );
   CREATE INDEX articles_date ON articles(date);
   CREATE INDEX articles_source ON articles(source);
   CREATE TABLE origins (
     origin TEXT PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id),
     seen_at TEXT NOT NULL
   );
   CREATE INDEX origins_article ON origins(article_id);
   CREATE TABLE skipped (
     origin TEXT PRIMARY KEY,
     reason TEXT NOT NULL,
     detail TEXT NOT NULL,
     seen_at TEXT NOT NULL
   );`,
  // 2: actor mentions (src/store/codec.ts encodeMentions); '' on articles stored before the actor stage
  `ALTER TABLE articles ADD COLUMN mentions TEXT NOT NULL DEFAULT '';`,
  // 3: quotes, one row each, queryable by speaker's actor code; `data` holds the whole record.
  // Rows are in rowid (insertion) order and indexed by article: a key on (article_id, n) would
  // place every article's quotes at a random page, one more page written per commit.
  `CREATE TABLE quotes (
     id INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id),
     n INTEGER NOT NULL,
     start INTEGER NOT NULL,
     "end" INTEGER NOT NULL,
     kind TEXT NOT NULL,
     speaker TEXT,
     speaker_code TEXT,
     speaker_country TEXT,
     cue TEXT,
     medium TEXT,
     confidence REAL NOT NULL,
     rule TEXT NOT NULL,
     date TEXT,
     data TEXT NOT NULL
   );
   CREATE INDEX quotes_article ON quotes(article_id, n);
   CREATE INDEX quotes_speaker_code ON quotes(speaker_code);`,
  // 4: events, one row each (the whole record in `data`); `grp` is the de-duplication key
  // (dyad, CAMEO code, day) shared by the same event reported in other articles.
  `CREATE TABLE events (
     id INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id),
     n INTEGER NOT NULL,
     grp TEXT NOT NULL,
     source TEXT NOT NULL,
     source_country TEXT NOT NULL,
     target TEXT,
     target_country TEXT,
     code TEXT NOT NULL,
     root TEXT NOT NULL,
     plover TEXT,
     goldstein REAL NOT NULL,
     quad INTEGER NOT NULL,
     date TEXT,
     negated INTEGER NOT NULL,
     modality TEXT NOT NULL,
     rule TEXT NOT NULL,
     confidence REAL NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX events_article ON events(article_id, n);
   CREATE INDEX events_date ON events(date);
   CREATE INDEX events_dyad ON events(source_country, target_country, date);
   CREATE INDEX events_grp ON events(grp);`,
  // 5: full-text search over title and body (FTS5, Porter stems: "sanction" finds "sanctions").
  // The index holds no copy of the text: its content is read through a view from `articles`,
  // keyed by `article_keys.n`, an INTEGER PRIMARY KEY, because the implicit rowid of `articles`
  // may be renumbered by VACUUM and the index would then point at the wrong articles.
  // The two INSERTs backfill the articles already stored; later articles are indexed before the
  // next text search (SqliteStore.catchUpSearch), not in their own transaction. `events_order` serves a page of
  // events in their listing order without sorting them all (the API lists 50 at a time), and
  // with `negated` in it counts the events without reading the table (3x faster on Reuters).
  `CREATE TABLE article_keys (
     n INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL UNIQUE REFERENCES articles(id)
   );
   CREATE VIEW article_search_content AS
     SELECT k.n AS n, a.title AS title, a.text AS text FROM article_keys k JOIN articles a ON a.id = k.article_id;
   CREATE VIRTUAL TABLE article_search USING fts5(
     title, text, content = 'article_search_content', content_rowid = 'n',
     tokenize = 'porter unicode61 remove_diacritics 2'
   );
   CREATE INDEX events_order ON events(date, article_id, n, negated);
   INSERT INTO article_keys (article_id) SELECT id FROM articles ORDER BY date, id;
   INSERT INTO article_search (article_search) VALUES ('rebuild');`,
  // 6: dates stored as given before every date entering was read by readDate ("2019-13-01",
  // "soon", "20190301") broke the relations; repaired once, readers treat any left as undated
  (db) => void repairSqliteDates(db),
  // 7: the syntax layer (src/store/syntax-codec.ts), NULL on articles stored before the syntax stage;
  // SQLite has no ADD COLUMN IF NOT EXISTS, so the column is looked for first
  (db) => {
    const has = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('articles') as string[]).includes('syntax');
    if (!has) db.exec('ALTER TABLE articles ADD COLUMN syntax BLOB');
  },
  // 8: events without a Goldstein score or quad class (a code outside CAMEO from a user's
  // PETRARCH-2 dictionary). SQLite cannot drop NOT NULL in place: the table is rebuilt from its own
  // stored definition less the two NOT NULLs (SQLite's documented way to alter a table), rows and
  // ids kept, and its indexes made again from theirs (nothing references `events`).
  (db) => {
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").pluck().get() as string;
    const nullable = table.replace(/\bgoldstein REAL NOT NULL/, 'goldstein REAL').replace(/\bquad INTEGER NOT NULL/, 'quad INTEGER');
    if (nullable === table) return;
    const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL").pluck().all() as string[];
    db.exec(nullable.replace(/^CREATE TABLE events\b/, 'CREATE TABLE events_nullable_score'));
    db.exec('INSERT INTO events_nullable_score SELECT * FROM events; DROP TABLE events; ALTER TABLE events_nullable_score RENAME TO events;');
    for (const sql of indexes) db.exec(sql);
  },
  // 9: what `entente watch` keeps (src/store/sqlite-watch.ts): the feeds followed and how their polls
  // went, every failure by feed and reason, and per site its robots.txt and last request, so a
  // restarted watcher is as polite as the one before. Articles by address: a URL reached by a
  // redirect is not fetched again from another feed. (IF NOT EXISTS: a file set back to an older
  // version to redo one migration runs the later ones again, as the tests of migrations 5 to 7 do.)
  `CREATE TABLE IF NOT EXISTS feeds (
     url TEXT PRIMARY KEY,
     title TEXT,
     added_at TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     last_poll_at TEXT,
     last_success_at TEXT,
     last_error TEXT,
     last_error_detail TEXT,
     last_error_at TEXT,
     polls INTEGER NOT NULL DEFAULT 0,
     articles INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE IF NOT EXISTS fetch_failures (
     id INTEGER PRIMARY KEY,
     feed TEXT NOT NULL,
     url TEXT NOT NULL,
     reason TEXT NOT NULL,
     detail TEXT NOT NULL,
     transient INTEGER NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS fetch_failures_url ON fetch_failures(url);
   CREATE INDEX IF NOT EXISTS fetch_failures_feed ON fetch_failures(feed, id);
   CREATE TABLE IF NOT EXISTS sites (
     origin TEXT PRIMARY KEY,
     robots_txt TEXT,
     robots_status INTEGER,
     robots_fetched_at TEXT,
     last_request_at TEXT
   );
   CREATE INDEX IF NOT EXISTS articles_url ON articles(url);`,
  // 10: the relations' change detector's alerts (src/store/sqlite-alerts.ts): one row per turn, its id
  // a hash of dyad, day and direction so a round run again adds none; evidence as JSON
  `CREATE TABLE IF NOT EXISTS alerts (
     id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     target TEXT NOT NULL,
     turn_day TEXT NOT NULL,
     detected_on TEXT NOT NULL,
     direction TEXT NOT NULL,
     mean_before REAL NOT NULL,
     mean_after REAL NOT NULL,
     events INTEGER NOT NULL,
     evidence TEXT NOT NULL,
     method TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS alerts_dyad ON alerts(source, target, turn_day);
   CREATE INDEX IF NOT EXISTS alerts_day ON alerts(turn_day);`,
  // 11: analysts' corrections (src/store/sqlite-corrections.ts): one row an item, keyed by what a
  // re-ingest of its article gives again (correction-rows.ts: the article's id, the item's span, an
  // event's parties and code), never by a row id; no reference to articles, so an imported
  // correction may wait for its article to be ingested. The index serves the test that leaves
  // events marked wrong out of relations and exports.
  `CREATE TABLE IF NOT EXISTS corrections (
     key TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     article_id TEXT NOT NULL,
     start INTEGER NOT NULL,
     "end" INTEGER NOT NULL,
     source TEXT NOT NULL,
     target TEXT NOT NULL,
     code TEXT NOT NULL,
     verdict TEXT NOT NULL,
     reason TEXT NOT NULL,
     author TEXT,
     at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS corrections_article ON corrections(article_id, kind, verdict);
   CREATE INDEX IF NOT EXISTS corrections_at ON corrections(at);`,
];
