import { test } from 'node:test';
import { restartTest } from '../cli/_ingest-restart.js';

/**
 * Direct ingest into PostgreSQL (no queue) with the server stopped under it and started again,
 * three times, articles analysed inline and in a thread: it says so, waits, writes the group it
 * had in hand again and finishes with its summary; the database then holds what a clean run
 * stores (issue 14 #8).
 */

for (const threads of [0, 1]) {
  test(`pg-restart fault: three PostgreSQL restarts under one direct ingest (threads ${threads}): nothing lost, nothing twice`, { timeout: 900_000 }, async (t) => {
    await restartTest(t, 1500, threads, [200, 600, 1000]);
  });
}
