import assert from 'node:assert/strict';
import { topDyads } from '../../src/relations/index.js';
import type { OpenedStore } from './conformance.js';
import { article, withEvents } from './conformance.js';

type It = (title: string, body: (s: OpenedStore) => Promise<void>) => void;

/**
 * Events whose code a user's PETRARCH-2 dictionary gave outside the CAMEO table (issue 16):
 * stored with no Goldstein score, no quad class and no PLOVER type, read back as such, and left
 * out of relations. Registered by `storeConformance`, so both stores answer it.
 */
export function scoreConformance(it: It): void {
  it('an event with a code outside CAMEO is stored with null Goldstein and quad, listed, and left out of relations', async ({ store }) => {
    const a = withEvents(article(90, { date: '2024-05-02', source: 'Wire A' }), [
      { source: 'FRAGOV', target: 'DEU', code: '042', date: '2024-05-02' },
      { source: 'FRAGOV', target: 'DEU', code: '223', date: '2024-05-02' },
    ]);
    assert.equal(a.events[1].goldstein, null);
    assert.equal(await store.putArticle(a), 'stored');
    assert.deepEqual(await store.getArticle(a.id), a);
    const listed = await store.listEvents();
    assert.deepEqual(listed.map((e) => [e.code, e.goldstein, e.quad, e.plover ?? null]), [['042', 1.9, 1, 'CONSULT'], ['223', null, null, null]]);
    assert.deepEqual((await store.listEvents({ code: '22' })).map((e) => e.code), ['223'], 'found by its code');
    assert.deepEqual((await store.listEvents({ quad: 1 })).map((e) => e.code), ['042'], 'no quad class matches no quad filter');
    const rows = topDyads(listed);
    assert.deepEqual(rows.map((r) => [r.source, r.target, r.events, r.quad, r.goldsteinMean]), [['FRA', 'DEU', 1, [1, 0, 0, 0], 1.9]]);
  });
}
