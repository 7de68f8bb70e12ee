import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations.js';

const SQLITE = resolve('dist/src/store/sqlite.js');

/** A process that opens (creating and migrating) the store at `path` at the instant `at`, then closes it. */
function openAt(path: string, at: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openSqliteStore } = await import(${JSON.stringify(SQLITE)});
    while (Date.now() < ${at});
    const store = openSqliteStore(${JSON.stringify(path)});
    await store.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((res) => child.on('exit', (code) => res({ code, stderr })));
}

test('store/sqlite: processes opening one new file at the same instant all succeed, and the schema is migrated once (issue 14 #6)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-open-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ROUNDS = 6;
  const PROCESSES = 4;
  const failures: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const path = join(dir, `new-${r}.db`);
    // the processes start a while before the instant, so all are loaded and waiting when it comes
    const at = Date.now() + 1500;
    const runs = await Promise.all(Array.from({ length: PROCESSES }, () => openAt(path, at)));
    for (const run of runs) if (run.code !== 0) failures.push(`round ${r}: exit ${run.code}: ${run.stderr.match(/\[entente\].*/)?.[0] ?? run.stderr}`);
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SQLITE_MIGRATIONS.length);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
  }
  assert.deepEqual(failures, [], `${failures.length} of ${ROUNDS * PROCESSES} concurrent opens failed`);
});
