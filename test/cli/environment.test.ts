// Paths the machine refuses, named as such (issue 14 #10); the faults made to happen (a read-only
// remount, a full disk, a damaged page) are in test/stress/environment.stress.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entente } from './_run.js';

const ENVIRONMENT = 4;

function scratch(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-env-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** No stack trace, no "a bug" line: the machine's refusals are not entente's bugs. */
function noBugReport(stderr: string): void {
  assert.doesNotMatch(stderr, /unexpected error|please report|\n\s+at /, stderr);
}

test('cli: a --db whose folder path runs through a file is a clear error naming it, exit 4 (issue 14 #10)', async (t) => {
  const dir = scratch(t);
  writeFileSync(join(dir, 'file'), 'not a folder');
  const db = join(dir, 'file', 'sub', 'x.db');
  const r = entente(['ingest', 'examples/', '--db', db, '--quiet']);
  noBugReport(r.stderr);
  assert.match(r.stderr, /^error: cannot create or open .*file\/sub\/x\.db: a part of the path is a file/m);
  assert.equal(r.status, ENVIRONMENT);
});

test('cli: reading commands never create a database: a mistyped --db is an error naming the path, and nothing is made (issue 14 #10)', async (t) => {
  const dir = scratch(t);
  const db = join(dir, 'typo', 'entente.db');
  for (const args of [['list'], ['show', 'abcdef'], ['events'], ['relations'], ['export', '--format', 'csv', '--out', join(dir, 'out.csv')]]) {
    const r = entente([...args, '--db', db]);
    noBugReport(r.stderr);
    assert.match(r.stderr, new RegExp(`^error: no database at ${db.replace(/[.]/g, '\\.')}: reading commands never create one`, 'm'), args[0]);
    assert.equal(r.status, ENVIRONMENT, args[0]);
  }
  assert.equal(existsSync(join(dir, 'typo')), false, 'no folder was created');
});
