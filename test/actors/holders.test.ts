import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { holdersPath, readHolders, scoreHolders, failuresByKind } from '../../eval/actors-table.js';

// dist/test/actors → the project root, where the fixture stays (tsc copies no .jsonl)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('the fixture lists at least 320 rows and 100 held-out ones, each with its facts', () => {
  for (const [heldOut, min] of [[false, 320], [true, 100]] as const) {
    const rows = readHolders(holdersPath(root, heldOut));
    assert.ok(rows.length >= min, `${rows.length} rows`);
    for (const r of rows) {
      assert.ok(r.text.includes(r.mention), `mention "${r.mention}" not in "${r.text}"`);
      assert.match(r.date, /^20(1\d|2[0-6])-\d\d-\d\d$/, r.text);
      assert.ok(r.kind && r.source, r.text);
      assert.ok(r.country ? r.role !== undefined : r.role === '', r.text);
    }
  }
});

// Issue 17, acceptance 2: ≥ 98 % of the table right (the held-out list is scored by npm run eval, not here)
test('office holders, groups, agencies and false matches 2010–2026: at least 98 % right', () => {
  const res = scoreHolders(readHolders(holdersPath(root)));
  const failed = res.filter((r) => !r.pass);
  for (const f of failed) console.log(`FAIL [${f.row.kind}] ${f.row.date} "${f.row.mention}" want ${f.row.country || `not ${f.row.not?.join('/') ?? 'any'}`} ${f.row.role}: got ${f.got} — ${f.row.text}`);
  console.log(`actors table: ${res.length - failed.length}/${res.length} right; ${failuresByKind(res)}`);
  assert.ok((res.length - failed.length) / res.length >= 0.98, `${res.length - failed.length}/${res.length} right (< 98 %)`);
});
