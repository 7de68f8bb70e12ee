/**
 * Schema migrations of the PostgreSQL store, applied in order, each in the one transaction that
 * also records it in `entente_schema`. Never edit a released migration: add one.
 *
 * The tables mirror the SQLite store's. Keys and codes are `COLLATE "C"` so that ordering and
 * prefix matching are bytewise, as in SQLite, whatever the server's default locale.
 */
import type pg from 'pg';
import { DATED_TABLES, repairOf, repairSql, repairedRow } from './date-repair.js';

/** SQL, or a function for a repair SQL cannot write (it runs in the migration's transaction). */
export type PostgresMigration = string | ((client: pg.ClientBase) => Promise<void>);

/** Every stored date read by `readDate`: normalised when it is one, NULL when it is not (see date-repair.ts). */
export async function repairPostgresDates(client: pg.ClientBase, now: number = Date.now()): Promise<number> {
  let repaired = 0;
  for (const t of DATED_TABLES) {
    const sql = repairSql(t, (n) => `$${n}`);
    for (const { date: was } of (await client.query(sql.values)).rows as { date: string }[]) {
      const fix = repairOf(was, t.day, now);
      if (fix.keep) continue;
      for (const row of (await client.query(sql.rows, [was])).rows as { key: unknown; json: string; grp?: string }[]) {
        await client.query(sql.update, repairedRow(t, row, was, fix));
        repaired++;
      }
    }
  }
  return repaired;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  `CREATE TABLE articles (
     id text COLLATE "C" PRIMARY KEY,
     format text NOT NULL,
     encoding text NOT NULL,
     input_length integer NOT NULL,
     title text, date text COLLATE "C", source text, url text, author text, language text,
     text text NOT NULL,
     meta text NOT NULL,
     captions text NOT NULL,
     removed text NOT NULL,
     source_map bytea NOT NULL,
     paragraphs bytea NOT NULL,
     sentences bytea NOT NULL,
     tokens bytea NOT NULL,
     n_sentences integer NOT NULL,
     mentions text NOT NULL DEFAULT '',
     ingested_at timestamptz NOT NULL
   );
   CREATE INDEX articles_date ON articles (date, id);
   CREATE INDEX articles_source ON articles (source);
   CREATE TABLE origins (
     origin text COLLATE "C" PRIMARY KEY,
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
     seen_at timestamptz NOT NULL
   );
   CREATE INDEX origins_article ON origins (article_id);
   CREATE TABLE skipped (
     origin text COLLATE "C" PRIMARY KEY,
     reason text NOT NULL,
     detail text NOT NULL,
     seen_at timestamptz NOT NULL
   );
   -- data holds the whole quote as extracted; the columns are for queries
   CREATE TABLE quotes (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
     n integer NOT NULL,
     start integer NOT NULL,
     "end" integer NOT NULL,
     kind text NOT NULL,
     speaker text,
     speaker_code text COLLATE "C",
     speaker_country text COLLATE "C",
     cue text,
     medium text,
     confidence double precision NOT NULL,
     rule text NOT NULL,
     date text COLLATE "C",
     data text NOT NULL
   );
   CREATE INDEX quotes_article ON quotes (article_id, n);
   CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
   -- grp: the de-duplication key (dyad, CAMEO code, day) shared by the same event in other articles
   CREATE TABLE events (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
     n integer NOT NULL,
     grp text COLLATE "C" NOT NULL,
     source text COLLATE "C" NOT NULL,
     source_country text COLLATE "C" NOT NULL,
     target text COLLATE "C",
     target_country text COLLATE "C",
     code text COLLATE "C" NOT NULL,
     root text NOT NULL,
     plover text,
     goldstein double precision NOT NULL,
     quad smallint NOT NULL,
     date text COLLATE "C",
     negated boolean NOT NULL,
     modality text NOT NULL,
     rule text NOT NULL,
     confidence double precision NOT NULL,
     data text NOT NULL
   );
   CREATE INDEX events_article ON events (article_id, n);
   CREATE INDEX events_date ON events (date);
   CREATE INDEX events_dyad ON events (source_country, target_country, date);
   CREATE INDEX events_grp ON events (grp);`,
  // 2: the job queue (src/store/postgres-queue.ts). One row an input item; `key` hashes the item so
  // enqueuing it again adds nothing. A running job belongs to whoever holds its `lease` until
  // `leased_until`; after that any worker may take it again.
  `CREATE TABLE jobs (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     key text COLLATE "C" NOT NULL UNIQUE,
     origin text NOT NULL,
     payload text NOT NULL,
     state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
     attempts integer NOT NULL DEFAULT 0,
     lease uuid,
     leased_until timestamptz,
     worker text,
     outcome text CHECK (outcome IN ('stored', 'unchanged', 'skipped')),
     error text,
     enqueued_at timestamptz NOT NULL DEFAULT now(),
     done_at timestamptz
   );
   CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
   CREATE INDEX jobs_state ON jobs (state);`,
  // 3: full-text search over title and body ('english': Snowball stems, "rails" finds "rail"), kept
  // up to date by PostgreSQL itself. Only the first 250,000 characters are indexed: a tsvector
  // holds at most 1 MB, and an article must never fail to store because it is long.
  `ALTER TABLE articles ADD COLUMN search tsvector
     GENERATED ALWAYS AS (to_tsvector('english', left(coalesce(title, '') || ' ' || text, 250000))) STORED;
   CREATE INDEX articles_search ON articles USING gin (search);`,
  // 4: dates stored as given before every date entering was read by readDate ("2019-13-01",
  // "soon", "20190301") broke the relations; repaired once, readers treat any left as undated
  async (client) => void (await repairPostgresDates(client)),
  // 5: the syntax layer (src/store/syntax-codec.ts), NULL on articles stored before the syntax stage
  `ALTER TABLE articles ADD COLUMN IF NOT EXISTS syntax bytea;`,
  // 6: events without a Goldstein score or quad class (a code outside CAMEO from a user's
  // PETRARCH-2 dictionary); dropping NOT NULL twice is no error
  `ALTER TABLE events ALTER COLUMN goldstein DROP NOT NULL, ALTER COLUMN quad DROP NOT NULL;`,
  // 7: what `entente watch` keeps (src/store/postgres-watch.ts), as in SQLite's migration 9 (and, as
  // there, re-runnable: a store set back to redo an earlier migration runs this one again)
  `CREATE TABLE IF NOT EXISTS feeds (
     id bigint GENERATED ALWAYS AS IDENTITY,
     url text COLLATE "C" PRIMARY KEY,
     title text,
     added_at timestamptz NOT NULL,
     etag text,
     last_modified text,
     last_poll_at timestamptz,
     last_success_at timestamptz,
     last_error text,
     last_error_detail text,
     last_error_at timestamptz,
     polls integer NOT NULL DEFAULT 0,
     articles integer NOT NULL DEFAULT 0
   );
   CREATE TABLE IF NOT EXISTS fetch_failures (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     feed text COLLATE "C" NOT NULL,
     url text COLLATE "C" NOT NULL,
     reason text NOT NULL,
     detail text NOT NULL,
     transient boolean NOT NULL,
     at timestamptz NOT NULL
   );
   CREATE INDEX IF NOT EXISTS fetch_failures_url ON fetch_failures (url);
   CREATE INDEX IF NOT EXISTS fetch_failures_feed ON fetch_failures (feed, id);
   CREATE TABLE IF NOT EXISTS sites (
     origin text COLLATE "C" PRIMARY KEY,
     robots_txt text,
     robots_status integer,
     robots_fetched_at timestamptz,
     last_request_at timestamptz
   );
   CREATE INDEX IF NOT EXISTS articles_url ON articles (url);`,
  // 8: the relations' change detector's alerts (src/store/postgres-alerts.ts), as in SQLite's migration 10
  `CREATE TABLE IF NOT EXISTS alerts (
     id text COLLATE "C" PRIMARY KEY,
     source text COLLATE "C" NOT NULL,
     target text COLLATE "C" NOT NULL,
     turn_day text COLLATE "C" NOT NULL,
     detected_on text COLLATE "C" NOT NULL,
     direction text NOT NULL,
     mean_before double precision NOT NULL,
     mean_after double precision NOT NULL,
     events integer NOT NULL,
     evidence jsonb NOT NULL,
     method text NOT NULL,
     created_at timestamptz NOT NULL
   );
   CREATE INDEX IF NOT EXISTS alerts_dyad ON alerts (source, target, turn_day);
   CREATE INDEX IF NOT EXISTS alerts_day ON alerts (turn_day);`,
  // 9: analysts' corrections (src/store/postgres-corrections.ts), as in SQLite's migration 11
  `CREATE TABLE IF NOT EXISTS corrections (
     key text COLLATE "C" PRIMARY KEY,
     kind text NOT NULL,
     article_id text COLLATE "C" NOT NULL,
     start integer NOT NULL,
     "end" integer NOT NULL,
     source text COLLATE "C" NOT NULL,
     target text COLLATE "C" NOT NULL,
     code text COLLATE "C" NOT NULL,
     verdict text NOT NULL,
     reason text NOT NULL,
     author text,
     at text COLLATE "C" NOT NULL
   );
   CREATE INDEX IF NOT EXISTS corrections_article ON corrections (article_id, kind, verdict);
   CREATE INDEX IF NOT EXISTS corrections_at ON corrections (at);`,
];
