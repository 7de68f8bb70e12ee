import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, storedArticles } from '../cli/_run.js';
import { makeArticle } from '../_fixtures.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `ready` (checked every 25 ms, at most `bound` ms): a bound on a hang, not a speed figure. */
async function until(ready: () => boolean, bound = 60_000): Promise<boolean> {
  for (let waited = 0; waited < bound; waited += 25) {
    if (ready()) return true;
    await sleep(25);
  }
  return ready();
}

function ingestProcess(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'ingest', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return { child, exited, out: () => stdout, err: () => stderr };
}

test('ingest: SIGTERM stops like Ctrl-C: what was read is stored and the summary printed (issue 14 #10)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-term-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = join(dir, 'corpus.jsonl');
  const N = 20_000;
  writeFileSync(corpus, Array.from({ length: N }, (_, i) => JSON.stringify({ text: makeArticle(i) })).join('\n') + '\n');
  const db = join(dir, 'x.db');
  const run = ingestProcess([corpus, '--db', db, '--json', '--quiet']);
  assert.ok(await until(() => storedArticles(db) >= 200), 'the ingest stored articles');
  run.child.kill('SIGTERM');
  const bound = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
  const exit = await run.exited;
  clearTimeout(bound);
  assert.equal(exit.signal, null, `ended by its own hand, not by the signal: ${run.err()}`);
  assert.equal(exit.code, 1, 'interrupted: exit 1');
  const summary = JSON.parse(run.out());
  assert.equal(summary.interrupted, true);
  assert.ok(summary.stored > 0 && summary.stored < N, `stored ${summary.stored}`);
  assert.equal(storedArticles(db), summary.stored, 'the summary counts what the store holds');
});

test('ingest -: Ctrl-C while standard input is idle stops at once, and the lines already read are stored, none dropped (issue 14 #10)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-idle-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'x.db');
  const run = ingestProcess(['-', '--db', db, '--json', '--quiet']);
  // three lines, far less than 64 KiB, then standard input stays open and idle (a terminal, `tail -f`)
  run.child.stdin.write([1, 2, 3].map((i) => JSON.stringify({ text: makeArticle(i) }) + '\n').join(''));
  assert.ok(await until(() => existsSync(db)), 'the store was opened');
  // time for the lines to leave the pipe (not an assertion: an early signal would leave them unread, and the count below would say so)
  await sleep(1500);
  run.child.kill('SIGINT');
  const bound = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
  const exit = await run.exited;
  clearTimeout(bound);
  assert.equal(exit.signal, null, 'Ctrl-C was heeded while standard input was idle (killed after 30 s otherwise)');
  assert.equal(exit.code, 1);
  const summary = JSON.parse(run.out());
  assert.equal(summary.interrupted, true);
  assert.equal(summary.stored, 3, 'the three lines read were stored');
  assert.equal(storedArticles(db), 3);
});
