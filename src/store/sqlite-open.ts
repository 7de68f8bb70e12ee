import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EntenteError } from '../model/errors.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { storeError } from './store-errors.js';

export interface SqliteOpenOptions {
  /**
   * Open for reading only: the file must exist (a mistyped path is an error, never a new empty
   * database), and a database on read-only media or without write permission can still be read.
   */
  readonly?: boolean;
}

/**
 * Opens, migrates and checks the SQLite file at `path`. Errors name the file and what is wrong
 * with it (missing, read-only, disk full, damaged), never SQLite's bare message alone.
 */
export function openDatabase(path: string, opts: SqliteOpenOptions = {}): Database.Database {
  if (opts.readonly && path !== ':memory:') mustExist(path);
  let db: Database.Database | undefined;
  try {
    if (!opts.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = opts.readonly ? openReadOnly(path) : new Database(path);
    // set before anything else takes a lock: another process may be creating or migrating the file
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      whenUnlocked(() => db!.pragma('journal_mode = WAL'));
      // NORMAL in WAL mode syncs at checkpoints only: a crash of the process loses nothing
      // committed; a power cut may lose the last transactions, never consistency.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if ((statSafe(path)?.size ?? 0) <= QUICK_CHECK_MAX_BYTES) whenUnlocked(() => quickCheck(db!, path));
    if (opts.readonly) {
      if (schemaVersion(db) < SQLITE_MIGRATIONS.length) {
        // an older file is upgraded once, with write access, then read as asked
        const version = schemaVersion(db);
        db.close();
        try {
          openDatabase(path).close();
        } catch (e) {
          const why = e instanceof EntenteError ? e.message.replace(/^\[entente\] /, '') : String(e);
          throw new EntenteError('E_READ_ONLY', `${path} has schema version ${version}, older than this entente's ${SQLITE_MIGRATIONS.length}, and cannot be upgraded: ${why}`, { cause: e });
        }
        return openDatabase(path, opts);
      }
      newerRefused(db);
    } else {
      whenUnlocked(() => migrate(db!));
      // SQLite opens a write-protected file for reading without a word: say so now, not at the first write
      whenUnlocked(() => db!.exec('BEGIN IMMEDIATE; ROLLBACK'));
    }
    return db;
  } catch (cause) {
    if (db?.open) db.close();
    if (cause instanceof EntenteError) throw cause;
    // "unable to open" on a file that is there: most often its folder or disk is write-protected
    // (the write-ahead log and its index cannot be made), which the folder's access says
    if ((cause as { code?: string }).code === 'SQLITE_CANTOPEN' && !opts.readonly) cause = unwritable(path) ?? cause;
    throw storeError(cause, path) ?? new EntenteError('E_STORE_OPEN', `cannot open the database ${path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * A WAL file is read through its shared-memory index (`-shm`), which SQLite must create beside
 * it; on read-only media or in a write-protected folder it cannot, and the open fails. Such a
 * file cannot change under us, so it is read from a copy in memory instead (the whole file: fine
 * for reading commands, which are short), marked as a rollback-journal file there so that SQLite
 * needs no index.
 */
export function openReadOnly(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('user_version');
    return db;
  } catch (e) {
    db?.close();
    if ((e as { code?: string }).code !== 'SQLITE_CANTOPEN') throw e;
    if ((statSafe(path + '-wal')?.size ?? 0) > 0) {
      throw new EntenteError('E_READ_ONLY', `cannot read ${path}: it is on a read-only disk or folder and its write-ahead log (${path}-wal) holds changes; open it once where it can be written`);
    }
    const bytes = readFileSync(path);
    // bytes 18 and 19 of the header: the file format versions, 2 for WAL, 1 for a rollback journal
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
    return new Database(bytes, { readonly: true });
  }
}

function unwritable(path: string): Error | undefined {
  for (const p of [dirname(path), path]) {
    try {
      if (existsSync(p)) accessSync(p, constants.W_OK);
    } catch (e) {
      return e as Error;
    }
  }
  return undefined;
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function mustExist(path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new EntenteError(
      'E_STORE_MISSING',
      `no database at ${path}: reading commands never create one; check --db (or $ENTENTE_DB), or store articles first with \`entente ingest\``,
    );
  }
  if (!isFile) throw new EntenteError('E_STORE_MISSING', `${path} is not a database file (it is a folder or a device): check --db`);
}

/**
 * Migrates under SQLite's write lock (BEGIN IMMEDIATE), reading the schema version again once
 * the lock is held: processes that open a new file at the same moment wait for the first one's
 * migration and then find nothing left to do, instead of creating the same tables twice.
 */
function migrate(db: Database.Database): void {
  if (newerRefused(db) === SQLITE_MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = newerRefused(db); v < SQLITE_MIGRATIONS.length; v++) {
      const m = SQLITE_MIGRATIONS[v];
      if (typeof m === 'string') db.exec(m);
      else m(db);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

/**
 * Runs `step` again while SQLite answers "database is locked" at once, up to 10 s: switching a
 * new file to WAL needs it alone, and when another process holds it SQLite returns at once
 * rather than calling the busy handler (it would deadlock otherwise).
 */
function whenUnlocked<T>(step: () => T): T {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; ) {
    try {
      return step();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || waited > 10_000) throw e;
      const ms = 10 + Math.floor(Math.random() * 40);
      Atomics.wait(nap, 0, 0, ms);
      waited += ms;
    }
  }
}

function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version, after refusing a file written by a newer entente. */
function newerRefused(db: Database.Database): number {
  const version = schemaVersion(db);
  if (version > SQLITE_MIGRATIONS.length) {
    throw new EntenteError(
      'E_STORE_OPEN',
      `the database is at schema version ${version}, newer than this entente (${SQLITE_MIGRATIONS.length}): upgrade entente`,
    );
  }
  return version;
}

/**
 * Largest file checked at every open. `quick_check` reads every page, about 1 ms per MB on an idle
 * 2-core machine (0.8 s for 1 GiB); past this a command would wait seconds for it each time, so a
 * larger file is checked by `entente doctor` and SQLite's own corruption errors when a bad page is read.
 */
export const QUICK_CHECK_MAX_BYTES = 1 << 30;

/**
 * `quick_check` at every open (of a file up to QUICK_CHECK_MAX_BYTES): a damaged page is reported before any command trusts the file
 * (it reads every page once, without the index cross-checks of `integrity_check`; see
 * `entente doctor`).
 */
function quickCheck(db: Database.Database, path: string): void {
  const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
  if (rows.length === 1 && rows[0].quick_check === 'ok') return;
  throw corrupt(path, problemLines(rows.map((r) => r.quick_check)));
}

/** The problems `PRAGMA integrity_check` finds (at most `max`), or [] when the file is sound. */
function integrityProblems(db: Database.Database, max = 100): string[] {
  const rows = db.pragma(`integrity_check(${max})`) as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === 'ok' ? [] : problemLines(rows.map((r) => r.integrity_check));
}

/** SQLite's report, one problem a line, without its "*** in database main ***" headings. */
function problemLines(rows: string[]): string[] {
  return rows.flatMap((r) => r.split('\n')).filter((l) => l.trim() && !/^\*\*\* in database/.test(l));
}

function corrupt(path: string, problems: string[]): EntenteError {
  return new EntenteError(
    'E_STORE_CORRUPT',
    `the database ${path} is damaged (${problems.slice(0, 3).join('; ')}): run \`entente doctor --db ${path}\` for the full check; ` +
      'restore it from a backup, or ingest the inputs again into a new file',
  );
}

export interface SqliteCheck {
  /** what `integrity_check` found (the first 100), or why the file could not be read; [] when sound */
  problems: string[];
  schemaVersion?: number;
  /** rows per table, when they could be counted */
  rows?: { articles: number; quotes: number; events: number; skipped: number };
}

/**
 * The full check of `entente doctor`: every page, index and constraint (`integrity_check`), and
 * the foreign keys. Reads only; a file too damaged to open is a problem found, not an error.
 */
export function checkSqliteFile(path: string): SqliteCheck {
  mustExist(path);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const problems = integrityProblems(db);
    const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    for (const o of orphans.slice(0, 10)) problems.push(`a row of ${o.table} points at a missing row of ${o.parent}`);
    if (problems.length > 0) return { problems, schemaVersion };
    const count = (t: string) => db!.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { problems, schemaVersion, rows: { articles: count('articles'), quotes: count('quotes'), events: count('events'), skipped: count('skipped') } };
  } catch (cause) {
    const known = storeError(cause, path);
    if (known && known.code !== 'E_STORE_CORRUPT') throw known;
    return { problems: [(cause as Error).message] };
  } finally {
    if (db?.open) db.close();
  }
}
