import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { alertsFromEvents, loadCusumParams, touchedDyads, updateAlerts } from '../../src/alerts/index.js';
import { dailySeries, dyadKey } from '../../src/relations/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { asArticles, generate, type GeneratedDay } from './_corpus.js';

const params = loadCusumParams();

test('alerts/incremental: after each batch only the touched dyads are read again, and their series and alerts equal a full recomputation; a re-run stores none', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-alerts-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const spec = (dyad: [string, string], seed: number, turnAt?: number) => generate({ dyad, start: '2024-01-01', days: 80, seed, cooperation: (i) => (turnAt !== undefined && i >= turnAt ? 0.1 : 0.85) });
    const turning = spec(['ISR', 'JOR'], 11, 50);
    const flat = spec(['FRA', 'DEU'], 12);
    const early = spec(['BRA', 'ARG'], 13, 35);
    const byDay = (days: GeneratedDay[], from: string, to: string) => days.filter((d) => d.day >= from && d.day < to);
    // batch 1: the first 45 days of all three; batch 2: the rest of two of them (BRA–ARG is not touched again)
    const batch1 = asArticles([...turning, ...flat, ...early].filter((d) => d.day < '2024-02-15'));
    const batch2 = asArticles([...byDay(turning, '2024-02-15', '2025'), ...byDay(flat, '2024-02-15', '2025')]);
    const stored = new Set<string>();
    for (const batch of [batch1, batch2]) {
      for (const a of batch) assert.equal(await store.putArticle(a), 'stored');
      const touched = touchedDyads(batch);
      for (const d of touched) stored.add(dyadKey(d));
      await updateAlerts(store, touched, params);
    }
    assert.deepEqual(touchedDyads(batch2), [['DEU', 'FRA'], ['ISR', 'JOR']], 'the second batch touches two dyads');
    // BRA–ARG without the days it never had: its turn at day 35 was found in batch 1 already
    const all = await store.listEvents();
    const full = alertsFromEvents(all, params);
    const kept = await store.listAlerts();
    const strip = (a: { dyad: [string, string]; when: string; detectedOn: string; direction: string; before: number; after: number; events: number; evidence: unknown[] }) =>
      JSON.stringify([a.dyad, a.when, a.detectedOn, a.direction, a.before, a.after, a.events, a.evidence]);
    assert.deepEqual(kept.map(strip).sort(), full.map(strip).sort(), 'incremental alerts = full recomputation');
    assert.deepEqual(kept.map((a) => a.dyad.join('-')).sort(), ['ARG-BRA', 'ISR-JOR'], JSON.stringify(kept.map((a) => [a.dyad, a.when])));
    // the series of a dyad read alone equal the one cut from every event
    const whole = dailySeries(all);
    for (const key of stored) {
      const [a, b] = key.split('\t') as [string, string];
      const alone = dailySeries(await store.listEvents({ dyad: [a, b], undirected: true }));
      assert.deepEqual(alone.get(key), whole.get(key), key);
    }
    // a round that runs again over the same events finds the same turns and stores none
    assert.deepEqual(await updateAlerts(store, touchedDyads([...batch1, ...batch2]), params), []);
    assert.equal(await store.countAlerts(), 2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
