import { test } from 'node:test';
import { restartTest } from './_ingest-restart.js';

/**
 * Direct ingest into PostgreSQL (no queue) with the server stopped under it and started again:
 * it says so, waits, writes the group it had in hand again and finishes with its summary; the
 * database then holds what a clean run stores. Each wait is bounded. Longer runs, with an
 * analysis thread and several restarts: test/faults/pg-restart.fault.ts.
 */

test('ingest faults: PostgreSQL restarted mid direct ingest: it waits, resumes, and stores what a clean run stores', { timeout: 300_000 }, async (t) => {
  await restartTest(t, 400, 0, [100]);
});
