/**
 * Every reader (commands, routes, exports) over a store whose date columns were written by hand
 * with SQL, around the store's checks, and the date repair of SQLite and PostgreSQL: each command
 * in a process of its own, over both stores, so a heavy run kept out of npm test. The entrances
 * (JSON lines, HTML, POST /api/ingest, `entente code`) are in test/security/dates.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { repairSqliteDates } from '../../src/store/sqlite-migrations.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_MIGRATIONS, repairPostgresDates } from '../../src/store/postgres-migrations.js';
import { adminQuery, freshSchema, pgUnavailable } from '../store/_pg.js';
import type { Store } from '../../src/store/types.js';
import { eventStore } from '../cli/_event-store.js';
import { entente } from '../cli/_run.js';
import { ROUTES } from '../security/_dates.js';

/** Values a hand or another program may leave in a date column. */
const RAW_BAD = ['2019-13-01', '2021-03-23T10:00:00Z', '0000-00-00', '20190301', 'last Tuesday lol', '9999-12-31', 'soon', '', 'NaN'];

/**
 * Every command and route that reads the store at `db` answers, and writes no bad date. The
 * commands (a process each) only when `commands`: after a repair the routes are enough.
 */
async function assertReadersAnswer(db: string, store: Store, dir: string, commands = true): Promise<void> {
  const cmds = !commands ? [] : [
    ['relations'], ['relations', '--dyad', 'RUS,EU', '--period', 'week'], ['relations', '--dyad', 'RUS,EU', '--period', 'day'],
    ['relations', '--actor', 'RUS'], ['relations', '--format', 'json'], ['relations', '--format', 'csv'], ['events'], ['events', '--format', 'json'], ['events', '--format', 'csv'], ['list'],
  ];
  for (const args of cmds) {
    const r = entente([...args, '--db', db]);
    assert.equal(r.status, 0, `entente ${args.join(' ')}: ${r.stderr}`);
  }
  for (const format of commands ? ['gdelt', 'plover', 'csv'] : []) {
    const out = join(dir, `out.${format}`);
    const r = entente(['export', '--format', format, '--out', out, '--db', db]);
    assert.equal(r.status, 0, `entente export --format ${format}: ${r.stderr}`);
    const text = readFileSync(out, 'utf8');
    for (const bad of ['last Tues', '2019-13-01', '0000-00-00', 'soon']) assert.ok(!text.includes(bad), `${format} export holds ${bad}`);
  }
  for (const r of commands ? (await store.listArticles()).slice(0, 5) : []) {
    const show = entente(['show', r.id, '--db', db]);
    assert.equal(show.status, 0, show.stderr);
  }
  const app = createApp(store, { log: () => {} });
  for (const path of ROUTES) {
    const res = await app.request(path);
    const body = await res.text();
    assert.equal(res.status, 200, `${path}: ${body}`);
    for (const bad of ['last Tuesday', '2019-13-01', '0000-00-00', '"soon"']) assert.ok(!body.includes(bad), `${path} answers ${bad}`);
  }
  for (const a of await store.listArticles()) {
    const res = await app.request(`/api/articles/${a.id}`);
    assert.equal(res.status, 200, a.id);
  }
}

async function readersAnswerOnSqlite(db: string, dir: string, commands = true): Promise<void> {
  const store = openSqliteStore(db);
  try {
    await assertReadersAnswer(db, store, dir, commands);
  } finally {
    await store.close();
  }
}

/** Writes the bad values into every date column of the event store, with SQL, around the store's checks. */
function spoilSqlite(db: string): void {
  const sql = new Database(db);
  const put = (table: string) => {
    const ids = sql.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as unknown[];
    ids.forEach((id, i) => sql.prepare(`UPDATE ${table} SET date = ? WHERE id = ?`).run(RAW_BAD[i % RAW_BAD.length], id));
  };
  put('events');
  put('quotes');
  const arts = sql.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[];
  arts.forEach((id, i) => {
    const bad = RAW_BAD[(i + 3) % RAW_BAD.length];
    const meta = JSON.parse(sql.prepare('SELECT meta FROM articles WHERE id = ?').pluck().get(id) as string);
    meta.date = { value: bad, by: 'given' };
    sql.prepare('UPDATE articles SET date = ?, meta = ? WHERE id = ?').run(bad, JSON.stringify(meta), id);
  });
  sql.close();
}

test('dates: a SQLite store with bad dates written in by SQL: every command and route still answers', async () => {
  const { dir, db } = await eventStore();
  try {
    spoilSqlite(db);
    await readersAnswerOnSqlite(db, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dates: the SQLite date repair normalises what reads as a date, NULLs the rest, records why, and is idempotent', async () => {
  const { dir, db } = await eventStore();
  try {
    spoilSqlite(db);
    // an older store: the repair runs as its migration when the store is opened
    const sql = new Database(db);
    sql.pragma('user_version = 5');
    sql.close();
    (await Promise.resolve(openSqliteStore(db))).close();
    const after = new Database(db);
    const dates = (table: string) => after.prepare(`SELECT date FROM ${table} ORDER BY id`).pluck().all();
    const events = dates('events') as (string | null)[];
    for (const d of [...events, ...dates('quotes') as (string | null)[]]) assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d), String(d));
    assert.ok(events.includes('2019-03-01'), '20190301 is rewritten');
    assert.ok(events.includes('2021-03-23'), 'an event timestamp is cut to its day');
    const grps = after.prepare('SELECT grp, date FROM events').all() as { grp: string; date: string | null }[];
    for (const g of grps) assert.ok(g.grp.endsWith(`@${g.date ?? ''}`), `group key ${g.grp} follows the repaired day ${g.date}`);
    const metas = after.prepare('SELECT date, meta FROM articles').all() as { date: string | null; meta: string }[];
    for (const m of metas) {
      const meta = JSON.parse(m.meta);
      assert.equal(meta.date?.value ?? null, m.date, 'the metadata follows the column');
      if (m.date === null) assert.match(meta.rejectedDate.evidence, /date repair: /);
    }
    const before = JSON.stringify([dates('events'), dates('quotes'), metas]);
    assert.equal(repairSqliteDates(after), 0, 'a second repair finds nothing to do');
    assert.equal(JSON.stringify([dates('events'), dates('quotes'), after.prepare('SELECT date, meta FROM articles').all()]), before);
    after.close();
    await readersAnswerOnSqlite(db, dir, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The event store's articles in a fresh PostgreSQL schema, its date columns then spoiled with SQL. */
async function spoiledPostgres(url: string, schema: string): Promise<void> {
  const { dir, db } = await eventStore();
  const from = openSqliteStore(db);
  const to = await openPostgresStore(url);
  try {
    for (const s of await from.listArticles()) await to.putArticle((await from.getArticle(s.id))!);
  } finally {
    await from.close();
    await to.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const table of ['events', 'quotes']) {
    const ids = (await adminQuery(url, `SELECT id FROM ${schema}.${table} ORDER BY id`)).rows.map((r) => r.id);
    for (const [i, id] of ids.entries()) await adminQuery(url, `UPDATE ${schema}.${table} SET date = $1 WHERE id = $2`, [RAW_BAD[i % RAW_BAD.length], id]);
  }
  const arts = (await adminQuery(url, `SELECT id, meta FROM ${schema}.articles ORDER BY id`)).rows;
  for (const [i, a] of arts.entries()) {
    const bad = RAW_BAD[(i + 3) % RAW_BAD.length];
    const meta = JSON.parse(a.meta);
    meta.date = { value: bad, by: 'given' };
    await adminQuery(url, `UPDATE ${schema}.articles SET date = $1, meta = $2 WHERE id = $3`, [bad, JSON.stringify(meta), a.id]);
  }
}

test('dates: a PostgreSQL store with bad dates written in by SQL answers every command and route; its repair is idempotent', async (t) => {
  const why = await pgUnavailable();
  if (why) return t.skip(why);
  const schema = await freshSchema(process.env.ENTENTE_TEST_PG!);
  const dir = mkdtempSync(join(tmpdir(), 'entente-dates-pg-'));
  try {
    await spoiledPostgres(schema.url, schema.name);
    let store = await openPostgresStore(schema.url);
    try {
      await assertReadersAnswer(schema.url, store, dir);
    } finally {
      await store.close();
    }
    // an older store: the repair runs as its migration when the store is opened (with the migrations
    // after it, which find their work done)
    const repair = POSTGRES_MIGRATIONS.findIndex((m) => typeof m === 'function') + 1;
    await adminQuery(schema.url, `DELETE FROM ${schema.name}.entente_schema WHERE version >= $1`, [repair]);
    store = await openPostgresStore(schema.url);
    try {
      const events = (await adminQuery(schema.url, `SELECT date, grp FROM ${schema.name}.events`)).rows as { date: string | null; grp: string }[];
      for (const e of events) {
        assert.ok(e.date === null || /^\d{4}-\d{2}-\d{2}$/.test(e.date), String(e.date));
        assert.ok(e.grp.endsWith(`@${e.date ?? ''}`), e.grp);
      }
      assert.ok(events.some((e) => e.date === '2019-03-01'), '20190301 is rewritten');
      const arts = (await adminQuery(schema.url, `SELECT date, meta FROM ${schema.name}.articles`)).rows as { date: string | null; meta: string }[];
      for (const a of arts) assert.equal(JSON.parse(a.meta).date?.value ?? null, a.date);
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        assert.equal(await repairPostgresDates(client), 0, 'a second repair finds nothing to do');
      } finally {
        await client.end();
      }
      await assertReadersAnswer(schema.url, store, dir, false);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await schema.drop();
  }
});
