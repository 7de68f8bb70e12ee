import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gate, type Baseline } from '../../eval/baseline.js';

// The gate over the real corpora (npm run eval, as CI sees it) runs in npm run test:stress:
// test/stress/eval-gate.stress.ts.

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
