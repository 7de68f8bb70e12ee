import assert from 'node:assert/strict';
import type { Alert } from '../../src/store/types.js';
import type { OpenedStore } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

function alert(dyad: [string, string], when: string, direction: Alert['direction'] = 'cooling'): Alert {
  return {
    dyad, when, detectedOn: when, direction, before: 2.25, after: -4.5, events: 7, method: 'cusum k=1 h=8 warmup=28 minSigma=1',
    evidence: [{ articleId: '0123456789abcdef', index: 2, date: when, code: '190', goldstein: -10, sentence: 'Troops “shelled” the border.', url: 'http://a.test/1' }],
  };
}

/**
 * The change detector's alerts (issue 18): stored once per turn (dyad, day, direction), listed
 * newest turn first by dyad in either order, side and day. Registered by `storeConformance`.
 */
export function alertConformance(it: It): void {
  it('alerts: a turn is stored once however often it is put, and read back whole', async ({ store }) => {
    assert.deepEqual(await store.listAlerts(), []);
    const first = await store.putAlerts([alert(['ISR', 'JOR'], '2024-02-20'), alert(['DEU', 'FRA'], '2024-03-02', 'warming')]);
    assert.equal(first.length, 2);
    assert.match(first[0].id, /^[0-9a-f]{16}$/);
    const again = await store.putAlerts([alert(['ISR', 'JOR'], '2024-02-20'), alert(['ISR', 'JOR'], '2024-04-01')]);
    assert.deepEqual(again.map((a) => a.when), ['2024-04-01'], 'only the new turn');
    const all = await store.listAlerts();
    assert.deepEqual(all.map((a) => [a.dyad.join('-'), a.when, a.direction]), [['ISR-JOR', '2024-04-01', 'cooling'], ['DEU-FRA', '2024-03-02', 'warming'], ['ISR-JOR', '2024-02-20', 'cooling']]);
    const { id, createdAt, ...rest } = all[2];
    assert.deepEqual(rest, alert(['ISR', 'JOR'], '2024-02-20'));
    assert.equal(id, first[0].id);
    assert.ok(!Number.isNaN(Date.parse(createdAt)));
  });

  it('alerts: filtered by dyad in either order, by side and by day, counted and paged', async ({ store }) => {
    await store.putAlerts([alert(['ISR', 'JOR'], '2024-02-20'), alert(['DEU', 'FRA'], '2024-03-02', 'warming'), alert(['ISR', 'JOR'], '2024-04-01')]);
    assert.deepEqual((await store.listAlerts({ dyad: ['JOR', 'ISR'] })).map((a) => a.when), ['2024-04-01', '2024-02-20']);
    assert.deepEqual((await store.listAlerts({ actor: 'FRA' })).map((a) => a.when), ['2024-03-02']);
    assert.deepEqual((await store.listAlerts({ from: '2024-03-01', to: '2024-03-31' })).map((a) => a.dyad.join('-')), ['DEU-FRA']);
    assert.equal(await store.countAlerts({ dyad: ['ISR', 'JOR'] }), 2);
    assert.equal(await store.countAlerts({}), 3);
    assert.deepEqual((await store.listAlerts({ limit: 1, offset: 1 })).map((a) => a.when), ['2024-03-02']);
  });
}
