import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { gate, readBaseline } from '../../eval/baseline.js';
import { measure } from '../../eval/measure.js';
import { SHARED, sharedPath } from '../_shared.js';

// Every corpus of npm run eval, measured whole: a heavy run, so here and not in npm test (whose
// test/eval/gate.test.ts checks the gate's rule itself).
test('eval: no score falls below its committed floor (npm run eval, as CI sees it)', async (t) => {
  if (!sharedPath(t, 'seeds') || !sharedPath(t, 'article-extraction/dev')) return;
  const m = await measure(SHARED, resolve('.'));
  const g = gate(m.values, readBaseline(resolve('eval/baseline.json')), false);
  const drops = g.rows.filter((r) => r.status === 'DROP');
  assert.deepEqual(drops, [], `scores below their floors:\n${drops.map((r) => `${r.metric} ${r.value} < ${r.floor}`).join('\n')}\n${m.notes.join('\n')}`);
  assert.ok(m.values['extraction.f1'] >= 0.965, `extraction F1 ${m.values['extraction.f1']} ≥ 0.965`);
  assert.equal(m.values['seeds.all'], 1, m.notes.join('\n'));
});
