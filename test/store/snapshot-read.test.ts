import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGdelt, writePlover } from '../../src/events/export/index.js';
import { openPostgresStore, PostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { EventFilter, Store, StoredEvent } from '../../src/store/types.js';
import { article } from '../cli/_event-store.js';
import { freshSchema, pgUnavailable, TEST_PG } from './_pg.js';
import { Writable } from 'node:stream';

const ACCUSE = { source: 'RUS', target: 'EU', verb: 'accused', code: '112', plover: 'ACCUSE', goldstein: -2, quad: 3 } as const;

/** One article with one RUS→EU accusation on `date`; the number keeps each article's text (and id) its own. */
function accusation(i: number, date: string) {
  return article(`a${i}.txt`, i % 2 ? 'Wire One' : 'Wire Two', date,
    `Russia accused the European Union of meddling in case ${i}.`, [{ sentence: 0, ...ACCUSE, date }]);
}

const key = (e: StoredEvent) => `${e.articleId}#${e.index}`;

/** The store's snapshot read; PostgreSQL's in batches of 4 rows, so the writer gets in between its fetches. */
function snapshot(store: Store, f: EventFilter = {}): AsyncIterable<StoredEvent> {
  return store instanceof PostgresStore ? store.eventsInSnapshot(f, 4) : store.eventsInSnapshot(f);
}

async function seed(store: Store): Promise<void> {
  for (let i = 0; i < 30; i++) await store.putArticle(accusation(i, `2021-03-${String(i + 1).padStart(2, '0')}`));
}

/**
 * Reads every event a few at a time while another connection stores articles dated before every
 * event already read (what a concurrent ingest does to an export): offset paging would see each
 * new row shift the window and read its last rows again, out of date order.
 */
async function readWhileIngesting(reader: Store, writer: Store): Promise<{ read: StoredEvent[]; before: string[]; after: number }> {
  const before = (await reader.listEvents({})).map(key);
  const read: StoredEvent[] = [];
  let added = 0;
  for await (const e of snapshot(reader)) {
    read.push(e);
    // two earlier articles land between pages, as a running ingest would add them
    if (read.length % 4 === 0) {
      for (let k = 0; k < 2; k++, added++) await writer.putArticle(accusation(100 + added, `2021-02-${String(1 + (added % 28)).padStart(2, '0')}`));
    }
  }
  return { read, before, after: (await writer.countEvents({})) };
}

function assertOneSnapshot(r: { read: StoredEvent[]; before: string[]; after: number }): void {
  const keys = r.read.map(key);
  assert.ok(r.after > r.before.length, 'the writer stored articles while the events were read');
  assert.equal(new Set(keys).size, keys.length, `no event read twice (${keys.length - new Set(keys).size} duplicates)`);
  const dates = r.read.map((e) => e.date ?? '');
  assert.deepEqual(dates, [...dates].sort(), 'events in date order');
  assert.deepEqual(keys, r.before, 'exactly the events stored when the read began');
}

/** GDELT and PLOVER group events by day and refused out-of-order input ("events must come in date order"). */
async function exportWhileIngesting(reader: Store, writer: Store): Promise<void> {
  let added = 0;
  async function* interleaved(): AsyncGenerator<StoredEvent> {
    let n = 0;
    for await (const e of snapshot(reader)) {
      yield e;
      if (++n % 4 === 0) await writer.putArticle(accusation(500 + added++, '2021-01-15'));
    }
  }
  const sink = () => new Writable({ write(_c, _e, done) { done(); } });
  const stored = await reader.countEvents({});
  const g = await writeGdelt(interleaved(), { events: sink(), mentions: sink() });
  assert.equal(g.mentions, stored, 'one mention row per event stored when the export began');
  assert.ok(await reader.countEvents({}) > stored, 'the writer stored articles during the export');
  // PLOVER writes one record per group (dyad, code, day): the same count as with no writer about
  const quiet = await writePlover(snapshot(reader), sink());
  assert.deepEqual(await writePlover(interleaved(), sink()), quiet);
}

/** Two connections to one seeded SQLite file, as an export and an ingest in two processes have. */
async function withSqlite(t: TestContext, run: (reader: Store, writer: Store) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-snapshot-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'events.db');
  const reader = openSqliteStore(db);
  const writer = openSqliteStore(db);
  try {
    await seed(writer);
    await run(reader, writer);
  } finally {
    await reader.close();
    await writer.close();
  }
}

test('sqlite: events are read in one snapshot while another connection writes', (t) =>
  withSqlite(t, async (reader, writer) => assertOneSnapshot(await readWhileIngesting(reader, writer))));

test('sqlite: GDELT and PLOVER exports stay in date order while another connection writes', (t) => withSqlite(t, exportWhileIngesting));

test('postgres: events are read in one snapshot while another connection writes', async (t) => {
  const why = await pgUnavailable();
  if (why) return t.skip(why);
  const schema = await freshSchema(TEST_PG!);
  const reader = await openPostgresStore(schema.url);
  const writer = await openPostgresStore(schema.url);
  try {
    await seed(writer);
    assertOneSnapshot(await readWhileIngesting(reader, writer));
    await exportWhileIngesting(reader, writer);
    // a reader that stops early gives its connection back (else closing the store would wait for it forever)
    for await (const e of snapshot(reader)) { assert.ok(e.articleId); break; }
    assert.equal((await reader.listEvents({ limit: 1 })).length, 1);
  } finally {
    await reader.close();
    await writer.close();
    await schema.drop();
  }
});
