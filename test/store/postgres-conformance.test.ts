import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore, redactUrl, type PostgresStore } from '../../src/store/postgres.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations.js';
import { openStore } from '../../src/store/index.js';
import type { Article } from '../../src/model/article.js';
import { article, storeConformance, withEvents } from './conformance.js';
import { TEST_PG, adminQuery, freshSchema, pgUnavailable } from './_pg.js';

const skip = await pgUnavailable();

storeConformance('postgres', {
  skip,
  async fresh() {
    const schema = await freshSchema(TEST_PG!);
    const open: PostgresStore[] = [await openPostgresStore(schema.url)];
    return {
      store: open[0],
      async reopen() {
        const s = await openPostgresStore(schema.url);
        open.push(s);
        return s;
      },
      async schema() {
        const cols = await adminQuery(
          TEST_PG!,
          `SELECT table_name, column_name, data_type, collation_name, is_nullable, column_default FROM information_schema.columns
           WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
          [schema.name],
        );
        const idx = await adminQuery(TEST_PG!, 'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname', [schema.name]);
        const versions = await adminQuery(TEST_PG!, `SELECT version FROM ${schema.name}.entente_schema ORDER BY version`);
        return JSON.stringify([versions.rows, cols.rows, idx.rows.map((r) => ({ ...r, indexdef: r.indexdef.replaceAll(schema.name, 'S') }))]);
      },
      async bumpVersion() {
        await adminQuery(TEST_PG!, `INSERT INTO ${schema.name}.entente_schema (version) VALUES ($1)`, [POSTGRES_MIGRATIONS.length + 1]);
      },
      async dispose() {
        for (const s of open) await s.close();
        await schema.drop();
      },
    };
  },
});

for (const batched of [false, true]) {
  test(`store/postgres: two stores writing the same articles at once${batched ? ' in batches (putArticles)' : ''} store each once, with its child rows once`, { skip }, async () => {
    const schema = await freshSchema(TEST_PG!);
    const [s1, s2] = await Promise.all([openPostgresStore(schema.url), openPostgresStore(schema.url)]);
    try {
      const arts: Article[] = Array.from({ length: 60 }, (_, i) => withEvents(article(100 + i), [{ source: 'FRA', target: 'DEU', code: '042', date: '2024-01-10' }]));
      // each store writes every article, four at a time, in opposite orders so they meet in the middle:
      // four transactions of one at once, or one transaction of four (whose row locks may deadlock)
      const run = async (s: PostgresStore, order: Article[], tag: string) => {
        const results: string[] = [];
        for (let i = 0; i < order.length; i += 4) {
          const four = order.slice(i, i + 4).map((a) => ({ ...a, origin: `${tag}/${a.origin}` }));
          results.push(...(batched ? await s.putArticles(four) : await Promise.all(four.map((a) => s.putArticle(a)))));
        }
        return results;
      };
      const [r1, r2] = await Promise.all([run(s1, arts, 'one'), run(s2, [...arts].reverse(), 'two')]);
      const stored = [...r1, ...r2].filter((r) => r === 'stored').length;
      assert.equal(stored, arts.length, 'each article is stored by exactly one of the two');
      assert.equal([...r1, ...r2].length - stored, arts.length, 'and found unchanged by the other');
      const counts = await adminQuery(
        TEST_PG!,
        `SELECT (SELECT count(*) FROM ${schema.name}.articles)::int AS articles, (SELECT count(*) FROM ${schema.name}.quotes)::int AS quotes,
                (SELECT count(*) FROM ${schema.name}.events)::int AS events, (SELECT count(*) FROM ${schema.name}.origins)::int AS origins`,
      );
      assert.deepEqual(counts.rows[0], {
        articles: arts.length,
        quotes: arts.reduce((n, a) => n + a.quotes.length, 0),
        events: arts.length,
        origins: arts.length * 2,
      });
      for (const a of arts.slice(0, 5)) assert.deepEqual((await s1.getArticle(a.id))?.quotes, a.quotes);
    } finally {
      await s1.close();
      await s2.close();
      await schema.drop();
    }
  });
}

test('store/postgres: two processes migrating at once take turns under the advisory lock', { skip }, async () => {
  const schema = await freshSchema(TEST_PG!);
  try {
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(schema.url)));
    for (const s of stores) await s.close();
    const v = await adminQuery(TEST_PG!, `SELECT version FROM ${schema.name}.entente_schema ORDER BY version`);
    assert.deepEqual(v.rows.map((r) => r.version), POSTGRES_MIGRATIONS.map((_, i) => i + 1));
  } finally {
    await schema.drop();
  }
});

test('store/postgres: --db postgres:// opens it; its location never shows the password', { skip }, async () => {
  const schema = await freshSchema(TEST_PG!);
  try {
    const u = new URL(schema.url);
    u.password = 'not-the-real-one-but-secret';
    // trust authentication on the test server ignores the password; a server that checks it would refuse
    const store = await openStore(u.toString(), {}).catch((e: Error) => e);
    if (store instanceof Error) {
      assert.doesNotMatch(store.message, /not-the-real-one-but-secret/);
    } else {
      assert.equal(store.kind, 'postgres');
      assert.doesNotMatch(store.location, /secret/);
      await store.close();
    }
    const viaEnv = await openStore(undefined, { ENTENTE_DB: schema.url });
    assert.equal(viaEnv.kind, 'postgres');
    await viaEnv.close();
  } finally {
    await schema.drop();
  }
});

test('store/postgres: connection strings are shown without their password', () => {
  assert.equal(redactUrl('postgres://u:secret@db.example:5432/news'), 'postgres://u@db.example:5432/news');
  assert.equal(redactUrl('postgresql://u@db.example/news?password=secret&sslmode=require'), 'postgresql://u@db.example/news?sslmode=require');
  assert.equal(redactUrl('postgres://db.example/news'), 'postgres://db.example/news');
});

test('store/postgres: an unreachable server is a clear error naming the database without its password', async () => {
  const err = await openPostgresStore('postgres://u:secret@127.0.0.1:9/news').catch((e: Error) => e);
  assert.ok(err instanceof Error);
  assert.match(err.message, /cannot open the database postgres:\/\/u@127\.0\.0\.1:9\/news \(the server does not answer\)/);
  assert.doesNotMatch(err.message, /secret/);
});
