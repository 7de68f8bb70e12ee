import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { FRENCH_ARTICLE, makeArticle } from '../_fixtures.js';

type Results = { results: { index: number; status: string; id?: string; reason?: string; detail?: string }[] };

async function withApp(opts: Parameters<typeof createApp>[1], fn: (post: (body: unknown) => Promise<Response>, store: Store) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'entente-ingest-route-'));
  const store = openSqliteStore(join(dir, 'x.db'));
  try {
    const app = createApp(store, { log: () => {}, ...opts });
    const post = (body: unknown) => Promise.resolve(app.request('/api/ingest', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }));
    await fn(post, store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('server/ingest: each bad article of a batch is skipped with its reason, the good ones are stored', async () => {
  await withApp({}, async (post, store) => {
    const res = await post([
      { text: makeArticle(1), title: 'Given title', date: '2021-03-23', source: 'Example Wire', url: 'https://wire.example/1' },
      { text: '   ' },
      { text: FRENCH_ARTICLE },
      { title: 'no text field' },
      'just a string',
      { html: `<html><body><article><p>${makeArticle(2).split('\n\n').join('</p><p>')}</p></article></body></html>` },
    ]);
    assert.equal(res.status, 200);
    const { results } = (await res.json()) as Results;
    assert.deepEqual(results.map((r) => [r.index, r.status, r.reason]), [
      [0, 'stored', undefined], [1, 'skipped', 'empty'], [2, 'stored', undefined], [3, 'skipped', 'malformed-json'], [4, 'skipped', 'malformed-json'], [5, 'stored', undefined],
    ]);
    // an article in another language is stored (issue 18), marked by its language and not coded
    const french = await store.getArticle(results[2].id!);
    assert.deepEqual([french?.meta.language?.value, french?.events.length, french?.quotes.length, french?.spans.mentions.length], ['other', 0, 0, 0]);
    const a = await store.getArticle(results[0].id!);
    assert.equal(a?.meta.title?.value, 'Given title', 'given metadata is kept');
    assert.equal(a?.meta.source?.value, 'Example Wire');
    assert.equal(a?.origin, 'api:https://wire.example/1');
    const s = await store.stats();
    assert.equal(s.articles, 3);
    assert.equal(s.skippedByReason['malformed-json'], 2, 'skips are recorded as the CLI records them');
  });
});

test('server/ingest: posting the same article again changes nothing and gives the same id', async () => {
  await withApp({}, async (post, store) => {
    const one = { text: makeArticle(7), date: '2021-03-24' };
    const first = ((await (await post(one)).json()) as Results).results[0];
    const again = ((await (await post([one, { ...one, text: one.text.replace(/"/g, '“') }])).json()) as Results).results;
    assert.equal(first.status, 'stored');
    assert.deepEqual(again.map((r) => [r.status, r.id]), [['unchanged', first.id], ['unchanged', first.id]]);
    assert.equal((await store.stats()).articles, 1);
    assert.equal(await store.countArticles({ q: 'statement' }), 1, 'searchable once, not twice');
  });
});

test('server/ingest: a body that is not JSON is a 400; too many articles or bytes a 413, and nothing is stored', async () => {
  await withApp({ ingestMaxItems: 2, ingestMaxBytes: 4096 }, async (post, store) => {
    const notJson = await post('{"text": ');
    assert.equal(notJson.status, 400);
    assert.match(((await notJson.json()) as { message: string }).message, /must be a JSON article or an array/);
    const many = await post([1, 2, 3].map((i) => ({ text: makeArticle(i) })).map((a) => ({ text: a.text.slice(0, 300) })));
    assert.equal(many.status, 413);
    assert.deepEqual(await many.json(), { status: 413, code: 'payload_too_large', message: 'an ingest request may carry at most 2 articles, got 3' });
    const big = await post({ text: makeArticle(1).repeat(12) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { code: string }).code, 'payload_too_large');
    assert.equal((await store.stats()).articles, 0);
  });
});

test('server/ingest: one article over the per-article limit is skipped as too-large, as the CLI skips it', async () => {
  await withApp({ articleMaxBytes: 200 }, async (post) => {
    const { results } = (await (await post([{ text: makeArticle(3) }])).json()) as Results;
    assert.equal(results[0].status, 'skipped');
    assert.equal(results[0].reason, 'too-large');
  });
});
