/**
 * The machine refusing (issue 14 #10), made to happen: a database on a tmpfs remounted read-only,
 * a tmpfs that fills mid-ingest, a b-tree page overwritten with junk. The ordinary error paths (a
 * --db through a file, a mistyped --db) are in test/cli/environment.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { entente } from '../cli/_run.js';
import { remount, tmpfs } from '../_mount.js';
import { makeArticle } from '../_fixtures.js';

const ENVIRONMENT = 4;
const CORRUPT = 5;

function scratch(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-env-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** No stack trace, no "a bug" line: the machine's refusals are not entente's bugs. */
function noBugReport(stderr: string): void {
  assert.doesNotMatch(stderr, /unexpected error|please report|\n\s+at /, stderr);
}

test('cli: a read-only database is read by the reading commands, and ingest says it is read-only, exit 4 (issue 14 #10)', async (t) => {
  const disk = tmpfs(t, '16m');
  if (!disk) return;
  const db = join(disk, 'x.db');
  assert.equal(entente(['ingest', 'examples/', '--db', db, '--quiet']).status, 0);
  remount(disk, 'ro');
  const list = entente(['list', '--db', db, '--json']);
  noBugReport(list.stderr);
  assert.equal(list.status, 0, list.stderr);
  assert.equal(list.stdout.trim().split('\n').length, 8, 'every article listed');
  assert.equal(entente(['events', '--db', db, '--format', 'json']).status, 0);
  const write = entente(['ingest', 'examples/', '--db', db, '--quiet']);
  noBugReport(write.stderr);
  assert.match(write.stderr, /^error: .*x\.db is read-only/m);
  assert.equal(write.status, ENVIRONMENT);
});

test('cli: a full disk stops ingest with the summary of what was stored first, a clear error, exit 4, and a sound database (issue 14 #10)', async (t) => {
  const disk = tmpfs(t, '1m');
  if (!disk) return;
  const dir = scratch(t);
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ text: makeArticle(i) })).join('\n') + '\n');
  const db = join(disk, 'x.db');
  const r = entente(['ingest', corpus, '--db', db, '--quiet', '--threads', '1']);
  noBugReport(r.stderr);
  assert.equal(r.status, ENVIRONMENT, r.stderr);
  const lines = r.stderr.trim().split('\n');
  const summary = /^stopped by an error: (\d+) stored, 0 unchanged, 0 skipped/.exec(lines[0]);
  assert.ok(summary, `the summary comes first: ${r.stderr}`);
  assert.match(lines[1], /^error: the disk holding .*x\.db is full/);
  const stored = Number(summary[1]);
  assert.ok(stored > 0 && stored < 2000, `stored ${stored}`);
  const check = new Database(db, { readonly: true });
  assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(check.prepare('SELECT count(*) FROM articles').pluck().get(), stored, 'the summary counts what the store holds');
  check.close();
});

test('cli: a damaged page is found at open (exit 5, naming doctor), and `entente doctor` reports it; a sound file passes (issue 14 #10)', async (t) => {
  const dir = scratch(t);
  const db = join(dir, 'x.db');
  assert.equal(entente(['ingest', 'examples/', '--db', db, '--quiet']).status, 0);
  const sound = entente(['doctor', '--db', db]);
  assert.equal(sound.status, 0, sound.stderr);
  assert.match(sound.stdout, /^ok: .*x\.db is sound \(schema version \d+; \d+ articles, \d+ quotes, \d+ events, 0 skipped inputs\)/);
  // junk over the middle of one of the articles' b-tree pages, past its header: it no longer adds up (an overflow page,
  // which holds the rest of a long text or blob, is only data, and no check can tell it was changed)
  const stat = new Database(db, { readonly: true });
  const btree = stat.prepare("SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype IN ('leaf', 'internal') ORDER BY pageno").pluck().all() as number[];
  stat.close();
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(200, 0x5a), 0, 200, (btree[btree.length >> 1] - 1) * 4096 + 8);
  closeSync(fd);
  const list = entente(['list', '--db', db]);
  noBugReport(list.stderr);
  assert.match(list.stderr, /^error: the database .*x\.db is damaged \(.+\): run `entente doctor --db /m);
  assert.equal(list.status, CORRUPT);
  const doctor = entente(['doctor', '--db', db]);
  assert.equal(doctor.status, CORRUPT);
  assert.match(doctor.stdout, /^damaged: .*x\.db\n  \S/);
});
