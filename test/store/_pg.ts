import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { redactUrl } from '../../src/store/postgres.js';

/** The test server, a postgres:// URL (`.ci/run` starts one on loopback and sets it). */
export const TEST_PG = process.env.ENTENTE_TEST_PG;

/**
 * Why the PostgreSQL tests cannot run here, or undefined when the server answers: so a run
 * without a server is visibly partial rather than falsely green.
 */
export async function pgUnavailable(): Promise<string | undefined> {
  if (!TEST_PG) return 'ENTENTE_TEST_PG is not set: no PostgreSQL server to test against (bash .ci/run starts one)';
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `the PostgreSQL server at ${redactUrl(TEST_PG)} (ENTENTE_TEST_PG) does not answer: ${(e as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A connection string whose tables live in `schema` (the first on the search path). */
export function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Runs SQL on the test server outside any store, on a connection of its own. */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A new, empty schema on the server for one test, with a URL that points into it and a function
 * that drops it: each test run has its own tables, and runs side by side do not meet.
 */
export async function freshSchema(url: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `entente_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${name}`);
  return { name, url: inSchema(url, name), drop: async () => void (await adminQuery(url, `DROP SCHEMA IF EXISTS ${name} CASCADE`)) };
}
