import { test } from 'node:test';
import { restartTest } from '../cli/_ingest-restart.js';

/**
 * The long form of test/cli/ingest-restart.test.ts: a larger corpus, PostgreSQL stopped and
 * started three times under one direct ingest, with articles analysed inline and in a thread.
 */

for (const threads of [0, 1]) {
  test(`pg-restart fault: three PostgreSQL restarts under one direct ingest (threads ${threads}): nothing lost, nothing twice`, { timeout: 900_000 }, async (t) => {
    await restartTest(t, 1500, threads, [200, 600, 1000]);
  });
}
