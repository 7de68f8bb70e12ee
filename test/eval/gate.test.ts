import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { gate, readBaseline, type Baseline } from '../../eval/baseline.js';
import { measure } from '../../eval/measure.js';
import { SHARED, sharedPath } from '../_shared.js';

const base = (floors: Record<string, number>): Baseline => ({ $comment: '', corpus: {}, floors, noise: { default: 0.01 } });

test('eval/gate: a drop beyond noise fails, within noise passes, a clear gain raises the floor', () => {
  const rows: [number, string, boolean][] = [
    [0.95, 'DROP', true],
    [0.895, 'ok', false],
    [0.905, 'ok', false],
    [0.95, 'raised', false],
  ];
  const floors = [0.97, 0.9, 0.9, 0.9];
  rows.forEach(([value, status, failed], i) => {
    const g = gate({ m: value }, base({ m: floors[i] }), false);
    assert.equal(g.rows[0].status, status);
    assert.equal(g.failed, failed);
  });
  assert.equal(gate({ m: 0.95 }, base({ m: 0.9 }), false).next.floors.m, 0.94);
  assert.equal(gate({ m: 0.5 }, base({ m: 0.9 }), true).rows[0].status, 'lowered');
});

test('eval: no score falls below its committed floor (npm run eval, as CI sees it)', async (t) => {
  if (!sharedPath(t, 'seeds') || !sharedPath(t, 'article-extraction/dev')) return;
  const m = await measure(SHARED, resolve('.'));
  const g = gate(m.values, readBaseline(resolve('eval/baseline.json')), false);
  const drops = g.rows.filter((r) => r.status === 'DROP');
  assert.deepEqual(drops, [], `scores below their floors:\n${drops.map((r) => `${r.metric} ${r.value} < ${r.floor}`).join('\n')}\n${m.notes.join('\n')}`);
  assert.ok(m.values['extraction.f1'] >= 0.965, `extraction F1 ${m.values['extraction.f1']} ≥ 0.965`);
  assert.equal(m.values['seeds.all'], 1, m.notes.join('\n'));
});
